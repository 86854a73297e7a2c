package com.tutordesk.billing;

/**
 * The three figures at the top of the Payments page (domain.md "Payments page totals"), minor units.
 * For an Enhanced-Access tutor: their own clients only, and on invoices that include other tutors'
 * sessions only their own lines.
 *
 * @param overdueMinor     open invoices past their due date
 * @param overdueCount     how many
 * @param outstandingMinor open invoices not yet due
 * @param outstandingCount how many
 * @param unbilledMinor    client amounts of billable sessions on no invoice (drafts count as an invoice)
 * @param unbilledCount    how many sessions
 */
public record PaymentsTotals(long overdueMinor, long overdueCount, long outstandingMinor, long outstandingCount,
        long unbilledMinor, long unbilledCount) {
}
