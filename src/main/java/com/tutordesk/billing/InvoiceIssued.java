package com.tutordesk.billing;

/**
 * Published (after commit, through Spring Modulith's event publication registry) when an invoice is
 * issued. The card-payments module (issue 8) listens to charge the saved card of an autopay client.
 *
 * @param invoiceId   invoice id
 * @param number      e.g. "INV-000123"
 * @param clientId    the billed client
 * @param totalMinor  the amount to be paid, minor units
 * @param currency    ISO 4217 currency of the total
 * @param awaitsCardCharge the client pays automatically by card ({@link InvoiceAutoCharge}), so no
 *                    payment request was emailed: the listener charges the card and emails the receipt,
 *                    or, when it cannot charge, the invoice with its pay link
 */
public record InvoiceIssued(long invoiceId, String number, long clientId, long totalMinor, String currency,
        boolean awaitsCardCharge) {
}
