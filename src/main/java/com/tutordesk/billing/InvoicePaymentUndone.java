package com.tutordesk.billing;

/**
 * Published when an admin undoes a manual payment recorded by mistake (issue 12): the invoice is OPEN
 * again and what {@link InvoicePaid} unlocked must be taken back. After commit, through the event
 * publication registry (listeners must be idempotent).
 *
 * @param invoiceId invoice id
 * @param clientId  the client
 * @param paymentId the payment undone
 */
public record InvoicePaymentUndone(long invoiceId, long clientId, long paymentId) {
}
