package com.tutordesk.billing;

/**
 * Published when an invoice is issued (DRAFT → OPEN, numbered), after its transaction commits,
 * through Spring Modulith's event publication registry: a listener that did not finish (a crash) gets
 * it again on restart, so every listener must be idempotent.
 *
 * <p>Billing sends nothing itself when it issues: the payment module decides, in one place, whether
 * the invoice is charged to the card on file (autopay) or emailed with its Pay now link, and asks
 * billing for the email ({@link InvoiceCharges#emailIssued}).
 *
 * @param invoiceId      invoice id
 * @param number         e.g. "INV-000123"
 * @param clientId       the billed client
 * @param totalMinor     the amount to be paid, minor units
 * @param currency       ISO 4217 currency of the total
 * @param issuedByUserId who issued it, or {@code null} (a scheduled send or a billing run's job)
 */
public record InvoiceIssued(long invoiceId, String number, long clientId, long totalMinor, String currency,
        Long issuedByUserId) {
}
