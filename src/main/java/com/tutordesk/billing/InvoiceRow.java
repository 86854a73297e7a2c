package com.tutordesk.billing;

import java.time.LocalDate;

/**
 * One invoice in the Payments page's list.
 *
 * @param id          invoice id
 * @param number      "INV-000123", or {@code null} for a draft
 * @param clientId    client id
 * @param clientName  client
 * @param status      state as shown (outstanding / overdue split by due date)
 * @param issueDate   business-local issue date, {@code null} for a draft
 * @param dueDate     business-local due date
 * @param sendOn      scheduled send date of a draft, or {@code null}
 * @param totalMinor  the total, or for a tutor on an invoice with other tutors' sessions {@code null}
 * @param ownMinor    for a tutor: Σ of their own lines; {@code null} for admins
 */
public record InvoiceRow(long id, String number, long clientId, String clientName, InvoiceStatus status,
        LocalDate issueDate, LocalDate dueDate, LocalDate sendOn, Long totalMinor, Long ownMinor) {
}
