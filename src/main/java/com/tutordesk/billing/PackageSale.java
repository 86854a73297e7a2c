package com.tutordesk.billing;

import java.time.LocalDate;

/**
 * A prepaid package as sold on an invoice line (issue 17): what the prepaid module turns into hours
 * once the invoice is paid, and lists as "awaiting payment" before.
 *
 * @param lineId        the invoice line ({@code invoice_adjustments.id}), unique per package
 * @param invoiceId     the invoice
 * @param invoiceNumber e.g. "INV-000123", or {@code null} for a draft
 * @param invoiceState  the invoice's state now
 * @param issueDate     business-local issue date, or {@code null} for a draft
 * @param clientId      the client billed
 * @param engagementId  the engagement whose sessions the hours are for
 * @param minutes       the hours bought, in minutes (a multiple of 15)
 * @param priceMinor    the price, minor units (&ge; 0)
 * @param currency      ISO 4217 currency of the price
 * @param memo          the line's text, e.g. "Prepaid package: 10 h — Ana Lopez, Algebra II"
 */
public record PackageSale(long lineId, long invoiceId, String invoiceNumber, InvoiceState invoiceState,
        LocalDate issueDate, long clientId, long engagementId, int minutes, long priceMinor, String currency,
        String memo) {
}
