package com.tutordesk.payment;

import com.tutordesk.billing.InvoiceCheckouts;
import com.tutordesk.billing.InvoiceRefunds;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What billing asks of card payments when the office settles or cancels an invoice by hand (issue 12):
 * a Pay now page the client opened (a CHECKOUT attempt in flight) no longer blocks Mark as Paid or
 * Cancel — it is closed in billing's transaction and expired at Stripe after the commit — and how
 * much of an invoice's card payments has been refunded, so that a refunded paid invoice can be
 * cancelled.
 *
 * <p>Should the client complete the page in the moment between the office's commit and Stripe's
 * expiry, the payment arrives for an invoice that is no longer open and is flagged on the invoice page
 * for a refund ({@link ChargeAttempts}), never recorded twice. A page that cannot be expired (Stripe did
 * not answer) is expired again when the publication is retried, and closes by itself at its own
 * expiry ({@code tutordesk.stripe.checkout-expiry}) in any case.
 */
@Component
class OfficeSettlement implements InvoiceCheckouts, InvoiceRefunds {

    private static final Logger log = LoggerFactory.getLogger(OfficeSettlement.class);

    /** Published when the office closed a Pay now page; expired at Stripe after the commit. */
    record PayPageClosed(long attemptId) {
    }

    private final PaymentAttemptRepository attempts;
    private final PaymentRefundRepository refunds;
    private final PayNowCheckouts checkouts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OfficeSettlement(PaymentAttemptRepository attempts, PaymentRefundRepository refunds, PayNowCheckouts checkouts,
            ApplicationEventPublisher events, Clock clock) {
        this.attempts = attempts;
        this.refunds = refunds;
        this.checkouts = checkouts;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void closeOpenPages(long invoiceId, String why) {
        attempts.findByInFlightInvoiceId(invoiceId).filter(found -> found.getKind() == AttemptKind.CHECKOUT)
                .ifPresent(found -> {
                    PaymentAttempt attempt = attempts.lockById(found.getId()).orElseThrow();
                    if (!attempt.inFlight()) {
                        return;
                    }
                    attempt.failed(AttemptStatus.EXPIRED, null, null, "Pay now page closed by the office: " + why,
                            clock.instant());
                    attempts.saveAndFlush(attempt);
                    events.publishEvent(new PayPageClosed(attempt.getId()));
                });
    }

    @Override
    @Transactional(readOnly = true)
    public long refundedMinor(long invoiceId) {
        return refunds.findByInvoiceIdOrderByRefundNumberAsc(invoiceId).stream()
                .filter(refund -> refund.getStatus() == PaymentRefund.Status.SUCCEEDED)
                .mapToLong(PaymentRefund::getAmountMinor).sum();
    }

    /** After the office's change committed: the page is expired at Stripe (outside any transaction). */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(PayPageClosed closed) {
        String outcome = checkouts.expirePayPage(closed.attemptId());
        log.info("Pay now page of attempt {} closed by the office: {}", closed.attemptId(), outcome);
    }
}
