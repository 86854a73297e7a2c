package com.tutordesk.prepaid;

import com.tutordesk.billing.PaymentMethod;
import java.time.LocalDate;

/**
 * How the unused value of a package paid by hand went back to the family, recorded like "Mark as paid"
 * (domain.md "Invoices": cash, cheque, bank transfer).
 *
 * @param method     cash, cheque, bank transfer or other (never card: a card payment is refunded to the card)
 * @param refundedOn business-local date the money went back (not in the future)
 * @param reference  cheque number, transfer reference… optional, at most 120 characters
 */
public record ManualRefund(PaymentMethod method, LocalDate refundedOn, String reference) {
}
