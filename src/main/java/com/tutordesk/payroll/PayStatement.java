package com.tutordesk.payroll;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One tutor's pay statement for one period (domain.md "Payroll": every session with date, student,
 * subject, duration, wage and earnings; the adjustments; the total). The totals are the lines' and
 * adjustments' sums exactly.
 *
 * @param tutorId       tutor
 * @param tutorName     tutor's name
 * @param period        the pay period
 * @param state         open, approved or paid
 * @param ended         whether the period is over (only then can it be approved)
 * @param lines         the sessions, by start
 * @param adjustments   bonuses, deductions and reimbursements, in the order added
 * @param totals        sums of the lines and adjustments
 * @param approvedAt    when it was approved, or {@code null} while open
 * @param paidOn        payment date when paid, else {@code null}
 * @param paidMethod    how it was paid, else {@code null}
 * @param paidReference payment reference, if any
 * @param history       approvals, reopenings (with the reason) and payments, oldest first
 * @param allowed       what the viewer may do with it now
 */
public record PayStatement(long tutorId, String tutorName, PayPeriod period, PayState state, boolean ended,
        List<StatementLine> lines, List<StatementAdjustment> adjustments, PayTotals totals, Instant approvedAt,
        LocalDate paidOn, PayoutMethod paidMethod, String paidReference, List<Event> history, Allowed allowed) {

    /**
     * One thing that happened to the pay.
     *
     * @param action   "Approved", "Reopened" or "Marked paid"
     * @param at       when, UTC
     * @param userName who
     * @param details  e.g. the reason for reopening, or the payment method and reference
     */
    public record Event(String action, Instant at, String userName, String details) {
    }

    /** What the viewer may do (admins, by state); the services check again. */
    public record Allowed(boolean approve, boolean reopen, boolean markPaid, boolean adjust) {

        static final Allowed NOTHING = new Allowed(false, false, false, false);
    }

    /** @return how many sessions are carried forward from an earlier period */
    public long carriedSessions() {
        return lines.stream().filter(line -> line.carriedFrom() != null).count();
    }
}
