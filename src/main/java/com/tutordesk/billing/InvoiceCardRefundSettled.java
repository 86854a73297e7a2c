package com.tutordesk.billing;

/**
 * Published by the card-payments module when a card refund reaches its end at Stripe (succeeded, or
 * failed after it was pending), after the transaction that records it commits, through the event
 * publication registry: listeners must be idempotent. Declared here so that modules above billing (e.g.
 * prepaid packages, whose refunds go through {@link InvoiceCardRefunds}) may react without depending on
 * the card-payments module.
 *
 * @param invoiceId      the invoice whose card payment was refunded
 * @param idempotencyKey the refund's key, e.g. {@code package-42-refund-1}
 * @param amountMinor    the refund's amount, minor units
 * @param succeeded      whether the money went back ({@code false}: it failed, nothing moved)
 */
public record InvoiceCardRefundSettled(long invoiceId, String idempotencyKey, long amountMinor, boolean succeeded) {
}
