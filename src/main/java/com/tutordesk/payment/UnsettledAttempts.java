package com.tutordesk.payment;

import com.tutordesk.billing.InvoiceCharges;
import com.tutordesk.billing.InvoiceCharges.ChargeableInvoice;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recovery of payment attempts left without an outcome (issue 8), run by the card-payments background
 * job every minute: an off-session charge whose send got no answer is sent again with the same key
 * and parameters (or read back when Stripe named its PaymentIntent), given up after 23 hours (Stripe
 * keeps a key for 24); a Pay now page past its expiry is read back from Stripe.
 */
@Service
public class UnsettledAttempts {

    private static final Logger log = LoggerFactory.getLogger(UnsettledAttempts.class);
    /** Stripe keeps an idempotency key for 24 hours; past that a resend could charge again. */
    static final Duration RESEND_LIMIT = Duration.ofHours(23);

    private final PaymentAttemptRepository attempts;
    private final InvoiceCharges invoices;
    private final ChargeAttempts outcomes;
    private final PayNowCheckouts checkouts;
    private final StripeGateway stripe;
    private final StripeProperties properties;
    private final Clock clock;
    private final TransactionTemplate tx;

    UnsettledAttempts(PaymentAttemptRepository attempts, InvoiceCharges invoices, ChargeAttempts outcomes,
            PayNowCheckouts checkouts, StripeGateway stripe, StripeProperties properties, Clock clock,
            PlatformTransactionManager transactions) {
        this.attempts = attempts;
        this.invoices = invoices;
        this.outcomes = outcomes;
        this.checkouts = checkouts;
        this.stripe = stripe;
        this.properties = properties;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * Settles what is still in flight without an outcome.
     *
     * @return how many attempts were looked at
     */
    public int settleUnsettled() {
        if (!stripe.configured()) {
            return 0;
        }
        Instant now = clock.instant();
        List<Long> ids = attempts.findUnsettled(now);
        for (long id : ids) {
            try {
                settleOne(id, now);
            } catch (RuntimeException e) {
                log.warn("Payment attempt {} is still unsettled: {}", id, e.getMessage());
            }
        }
        return ids.size();
    }

    private void settleOne(long attemptId, Instant now) {
        PaymentAttempt attempt = attempts.findById(attemptId).orElseThrow();
        if (attempt.getKind() == AttemptKind.CHECKOUT) {
            checkouts.settleCheckout(attemptId);
            return;
        }
        if (attempt.getStripePaymentIntentId() != null) {
            outcomes.applyIntent(stripe.retrievePaymentIntent(attempt.getStripePaymentIntentId()));
            return;
        }
        if (attempt.getCreatedAt().isBefore(now.minus(RESEND_LIMIT))) {
            tx.executeWithoutResult(status -> {
                invoices.lock(attempt.getInvoiceId());
                PaymentAttempt locked = attempts.lockById(attemptId).orElseThrow();
                if (locked.inFlight() && locked.getStripePaymentIntentId() == null) {
                    locked.failed(AttemptStatus.FAILED, null, "no_answer", "No answer from Stripe within 23 hours:"
                            + " check the Stripe dashboard for a payment with key " + locked.getIdempotencyKey()
                            + " before charging again", clock.instant());
                }
            });
            return;
        }
        ChargeAttempts.Send send = tx.execute(status -> {
            ChargeableInvoice invoice = invoices.lock(attempt.getInvoiceId());
            PaymentAttempt locked = attempts.lockById(attemptId).orElseThrow();
            if (!locked.inFlight() || !locked.leaseFree(clock.instant())) {
                return null;
            }
            locked.takeLease(clock.instant().plus(properties.staleAfter()));
            attempts.saveAndFlush(locked);
            return ChargeAttempts.Send.of(locked, invoice);
        });
        if (send != null) {
            outcomes.send(send);
        }
    }
}
