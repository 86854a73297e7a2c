package com.tutordesk.billing;

import java.time.LocalDate;

/**
 * Published when an invoice becomes PAID, by "Mark as Paid" (cash, cheque, bank transfer, other) or by
 * a card payment, after its transaction commits (event publication registry: listeners must be
 * idempotent). The hook for what a payment unlocks, e.g. the hours of a prepaid package (domain.md
 * "Prepaid packages": available when the invoice is paid). Undone by {@link InvoicePaymentUndone}.
 *
 * @param invoiceId   invoice id
 * @param clientId    the client
 * @param paymentId   the payment recorded ({@code invoice_payments.id})
 * @param method      how it was paid
 * @param amountMinor the amount paid (the invoice's total), minor units
 * @param paidOn      business-local date the money arrived
 */
public record InvoicePaid(long invoiceId, long clientId, long paymentId, PaymentMethod method, long amountMinor,
        LocalDate paidOn) {
}
