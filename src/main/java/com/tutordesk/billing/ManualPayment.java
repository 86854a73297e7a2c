package com.tutordesk.billing;

import java.time.LocalDate;

/**
 * A payment recorded by hand with "Mark as Paid" (the full open amount).
 *
 * @param method    cash, cheque, bank transfer or other
 * @param paidOn    business-local date the money arrived (not in the future)
 * @param reference cheque number, transfer reference… optional, at most
 *                  {@value InvoicePayment#REFERENCE_MAX_LENGTH} characters
 */
public record ManualPayment(PaymentMethod method, LocalDate paidOn, String reference) {
}
