package com.tutordesk.payment;

/**
 * Published when Stripe reports a card refund as succeeded (after the transaction that records it
 * commits, through the event publication registry: listeners must be idempotent). The hook for what a
 * refund takes back, e.g. the unused hours of a prepaid package (domain.md "Prepaid packages":
 * refunding a paid package removes its unused hours). A fully refunded paid invoice may then be
 * cancelled ({@link com.tutordesk.billing.InvoiceCancelled}).
 *
 * @param invoiceId   the invoice whose card payment was refunded
 * @param refundId    the refund ({@code payment_refunds.id})
 * @param amountMinor how much went back, minor units
 */
public record CardPaymentRefunded(long invoiceId, long refundId, long amountMinor) {
}
