package com.tutordesk.payment;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * The card payments part of the invoice page.
 *
 * @param configured       card payments configured
 * @param chargeOffered    "Charge card now" is shown (an open invoice of an autopay client)
 * @param chargeEnabled    … and can be pressed
 * @param chargeDisabledReason why not, or {@code null}
 * @param cardLabel        the client's card, e.g. "Visa •••• 4242, expires 04/2030", or {@code null}
 * @param payLink          the invoice's Pay now link while it is open and card payments are on, or {@code null}
 * @param attempts         every try to collect the invoice by card, oldest first
 * @param refunds          refunds of its card payments, oldest first
 * @param mayRefund        the viewer may refund (and card payments are configured)
 */
public record InvoiceCardPanel(boolean configured, boolean chargeOffered, boolean chargeEnabled,
        String chargeDisabledReason, String cardLabel, URI payLink, List<AttemptRow> attempts,
        List<RefundRow> refunds, boolean mayRefund) {

    /** One attempt as the invoice page lists it ({@code refundableMinor}: what is left to refund, minor units). */
    public record AttemptRow(int number, AttemptKind kind, RequestedVia via, Instant createdAt, long amountMinor,
            String cardLabel, AttemptStatus status, String reason, String paymentIntentId, long refundableMinor) {
    }

    /** One refund as the invoice page lists it. */
    public record RefundRow(int number, int attemptNumber, Instant createdAt, long amountMinor, String reason,
            PaymentRefund.Status status, String failureReason) {
    }

    /** @return the sum of the refunds made or in progress, minor units */
    public long refundedMinor() {
        return refunds.stream().filter(r -> r.status() != PaymentRefund.Status.FAILED)
                .mapToLong(RefundRow::amountMinor).sum();
    }
}
