package com.tutordesk.billing;

import java.util.Optional;

/**
 * Part of an invoice's card payment given back for another module (issue 17: "Refund unused hours" of a
 * prepaid package sold on a card-paid invoice). Declared here and implemented by the card-payments module,
 * like {@link InvoiceRefunds}, so that billing and the modules above it never depend on it. The refund is
 * the card module's own (listed under the invoice's card payments, with its reason); what it comes to
 * later (a pending refund settling, or an unanswered one sent again) is published as
 * {@link InvoiceCardRefundSettled}.
 */
public interface InvoiceCardRefunds {

    /**
     * The invoice's succeeded card payment.
     *
     * @param cardLast4       last four digits of the card, or {@code null} when Stripe did not say
     * @param refundableMinor what is left to refund of it, minor units
     */
    record CardPayment(String cardLast4, long refundableMinor) {
    }

    /** What Stripe answered. */
    enum Outcome {
        /** Stripe refunded the money. */
        SUCCEEDED,
        /** Stripe accepted the refund and is processing it. */
        PENDING,
        /** Stripe refused it (or it failed): no money moved. */
        FAILED,
        /** No answer (timeout, Stripe down): it may or may not have been made; it is sent again with its key. */
        NO_ANSWER
    }

    /**
     * @param outcome        what Stripe answered
     * @param idempotencyKey the key the refund went with
     * @param failure        why it failed or got no answer, in words, or {@code null}
     */
    record RefundOutcome(Outcome outcome, String idempotencyKey, String failure) {
    }

    /** @return the invoice's succeeded card payment, if it was paid by card (no role check) */
    Optional<CardPayment> cardPayment(long invoiceId);

    /**
     * Refunds {@code amountMinor} of the invoice's card payment, idempotently: the refund's key is
     * {@code keyPrefix + "-" + n}, where n counts only this prefix's refunds that failed. So a second call
     * while one is succeeded or pending makes no new refund (it reports that one), one without an answer is
     * sent again with its own key, and only after a failure does a new key (and refund) go out.
     *
     * @param reason    shown with the refund on the invoice and sent to Stripe as metadata
     * @param keyPrefix what is being refunded, e.g. {@code package-42-refund}
     * @throws com.tutordesk.shared.NotFoundException      when the invoice is not the caller's to handle
     * @throws com.tutordesk.shared.RuleViolationException when card payments are not configured, the invoice has
     *         no succeeded card payment, or less than {@code amountMinor} is left to refund of it
     */
    RefundOutcome refund(long invoiceId, long amountMinor, String reason, String keyPrefix);
}
