package com.tutordesk.payment;

import com.tutordesk.billing.InvoiceCharges;
import com.tutordesk.billing.InvoiceCharges.ChargeableInvoice;
import com.tutordesk.billing.InvoiceState;
import com.tutordesk.people.ClientCards;
import com.tutordesk.people.ClientPayer;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pay now (issue 8): the link in an invoice email opens a hosted Stripe Checkout page (payment mode)
 * for exactly the open amount at that moment — the still-open page of the invoice, or a new one (an
 * attempt with its own key, so a repeated request reuses it) — and the page's outcome, from the
 * webhook or a re-check, settles the invoice. A page the office closes (Mark as Paid, Cancel) is
 * expired at Stripe.
 */
@Service
public class PayNowCheckouts {

    private final PaymentAttemptRepository attempts;
    private final InvoiceCharges invoices;
    private final ChargeAttempts outcomes;
    private final ClientCards cards;
    private final StripeGateway stripe;
    private final PaymentLinks links;
    private final StripeProperties properties;
    private final Clock clock;
    private final TransactionTemplate tx;

    PayNowCheckouts(PaymentAttemptRepository attempts, InvoiceCharges invoices, ChargeAttempts outcomes,
            ClientCards cards, StripeGateway stripe, PaymentLinks links, StripeProperties properties, Clock clock,
            PlatformTransactionManager transactions) {
        this.attempts = attempts;
        this.invoices = invoices;
        this.outcomes = outcomes;
        this.cards = cards;
        this.stripe = stripe;
        this.links = links;
        this.properties = properties;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    private record CheckoutStep(PayPage page, Long recheckAttemptId, Long createAttemptId) {
    }

    /**
     * Opens the Pay now page of an invoice for exactly its open amount. Anyone with the link may open
     * it (the link carries an HMAC, checked by the caller).
     *
     * @return the Stripe page, or a page of text (paid, cancelled, being charged, not available)
     */
    public PayPage openPayPage(long invoiceId) {
        if (!stripe.configured()) {
            return PayPage.say("Online card payment is not available. The invoice says how else to pay.");
        }
        for (int round = 0; round < 3; round++) {
            CheckoutStep step = tx.execute(status -> checkoutStep(invoiceId));
            if (step.page() != null) {
                return step.page();
            }
            if (step.recheckAttemptId() != null) {
                settleCheckout(step.recheckAttemptId());
                continue;
            }
            return createCheckout(step.createAttemptId());
        }
        return PayPage.say("The payment page could not be opened just now. Please try the link again in a minute.");
    }

    private CheckoutStep checkoutStep(long invoiceId) {
        Optional<ChargeableInvoice> found = invoices.find(invoiceId);
        if (found.isEmpty() || found.get().state() == InvoiceState.DRAFT) {
            return new CheckoutStep(PayPage.say("This payment link is not valid."), null, null);
        }
        ChargeableInvoice invoice = invoices.lock(invoiceId);
        if (invoice.state() == InvoiceState.PAID) {
            return new CheckoutStep(PayPage.say("Invoice " + invoice.number() + " is paid. Thank you!"), null, null);
        }
        if (invoice.state() != InvoiceState.OPEN) {
            return new CheckoutStep(PayPage.say("Invoice " + invoice.number() + " was cancelled: nothing is due."),
                    null, null);
        }
        Instant now = clock.instant();
        Optional<PaymentAttempt> inFlight = attempts.findByInFlightInvoiceId(invoiceId);
        if (inFlight.isPresent()) {
            PaymentAttempt attempt = inFlight.get();
            if (attempt.getKind() == AttemptKind.OFF_SESSION) {
                return new CheckoutStep(PayPage.say("Invoice " + invoice.number() + " is being charged to your saved"
                        + " card right now. You will receive a receipt by email; if the charge fails, we will email"
                        + " you a new link."), null, null);
            }
            if (!attempt.getCheckoutExpiresAt().isAfter(now.plusSeconds(60))) {
                return new CheckoutStep(null, attempt.getId(), null);
            }
            if (attempt.getCheckoutUrl() != null) {
                return new CheckoutStep(PayPage.to(attempt.getCheckoutUrl()), null, null);
            }
            return new CheckoutStep(null, null, attempt.getId());
        }
        ClientPayer payer = cards.payer(invoice.clientId()).orElseThrow();
        PaymentAttempt attempt = attempts.saveAndFlush(PaymentAttempt.checkout(invoiceId,
                attempts.lastNumber(invoiceId) + 1, invoice.openAmountMinor(), invoice.currency(),
                payer.stripeCustomerId(), now, now.plus(properties.checkoutExpiry())));
        return new CheckoutStep(null, null, attempt.getId());
    }

    private StripeGateway.PaymentCheckout checkoutRequest(PaymentAttempt attempt) {
        ChargeableInvoice invoice = invoices.find(attempt.getInvoiceId()).orElseThrow();
        return new StripeGateway.PaymentCheckout(invoice.id(), invoice.number(), attempt.getIdempotencyKey(),
                attempt.getAmountMinor(), attempt.getCurrency(), attempt.getStripeCustomerId(), invoice.billToEmail(),
                attempt.getCheckoutExpiresAt(), links.page("/pay/done?invoice=" + invoice.id()),
                links.page("/pay/cancelled?invoice=" + invoice.id()));
    }

    private PayPage createCheckout(long attemptId) {
        PaymentAttempt attempt = attempts.findById(attemptId).orElseThrow();
        StripeGateway.Checkout checkout;
        try {
            checkout = stripe.createPaymentCheckout(checkoutRequest(attempt));
        } catch (StripeUnavailableException e) {
            return PayPage.say("The payment page could not be opened just now. Please try the link again in a minute.");
        } catch (StripeRejectedException e) {
            tx.executeWithoutResult(status -> {
                invoices.lock(attempt.getInvoiceId());
                PaymentAttempt locked = attempts.lockById(attemptId).orElseThrow();
                if (locked.inFlight()) {
                    locked.failed(AttemptStatus.FAILED, null, e.code(), e.getMessage(), clock.instant());
                }
            });
            return PayPage.say("The payment page could not be opened. Please contact us to pay this invoice.");
        }
        tx.executeWithoutResult(status -> {
            PaymentAttempt locked = attempts.lockById(attemptId).orElseThrow();
            locked.checkoutCreated(checkout.id(), checkout.url());
        });
        return PayPage.to(checkout.url());
    }

    /**
     * Expires at Stripe the Pay now page of an attempt the office closed (issue 12); outside any
     * transaction. A page whose creation got no answer is first looked up by sending its request again
     * with its own key.
     *
     * @return what happened, for the log
     * @throws StripeUnavailableException when Stripe did not answer (the caller's publication is retried)
     */
    String expirePayPage(long attemptId) {
        if (!stripe.configured()) {
            return "card payments are not configured";
        }
        PaymentAttempt attempt = attempts.findById(attemptId).orElseThrow();
        String checkoutId = attempt.getStripeCheckoutId();
        if (checkoutId == null) {
            try {
                checkoutId = stripe.createPaymentCheckout(checkoutRequest(attempt)).id();
            } catch (StripeRejectedException e) {
                return "the page was never opened";
            }
            String id = checkoutId;
            tx.executeWithoutResult(status -> attempts.lockById(attemptId).orElseThrow().checkoutCreated(id, null));
        }
        try {
            return "Stripe says " + stripe.expireCheckout(checkoutId, attempt.getIdempotencyKey() + "-expire").status();
        } catch (StripeRejectedException e) {
            // Already complete (a payment then arrives by webhook and is flagged for a refund) or expired.
            return "not expired: " + e.getMessage();
        }
    }

    /**
     * Settles a Pay now attempt from what Stripe says about its Checkout page now (paid, expired or
     * still open); also used when its page has passed its expiry.
     */
    void settleCheckout(long attemptId) {
        PaymentAttempt attempt = attempts.findById(attemptId).orElseThrow();
        String checkoutId = attempt.getStripeCheckoutId();
        if (checkoutId == null) {
            // The create request got no answer: sending it again with its key tells whether Stripe made the page.
            try {
                checkoutId = stripe.createPaymentCheckout(checkoutRequest(attempt)).id();
                String id = checkoutId;
                tx.executeWithoutResult(status -> attempts.lockById(attemptId).orElseThrow().checkoutCreated(id, null));
            } catch (StripeRejectedException e) {
                tx.executeWithoutResult(status -> {
                    invoices.lock(attempt.getInvoiceId());
                    PaymentAttempt locked = attempts.lockById(attemptId).orElseThrow();
                    if (locked.inFlight()) {
                        locked.failed(AttemptStatus.EXPIRED, null, null, "The Pay now page was never opened",
                                clock.instant());
                    }
                });
                return;
            }
        }
        applyCheckout(stripe.retrieveCheckout(checkoutId));
    }

    /**
     * Applies a Checkout page in payment mode as Stripe describes it now (webhook or re-check).
     *
     * @return what was done, for the webhook log
     */
    String applyCheckout(StripeGateway.CheckoutState state) {
        return tx.execute(status -> {
            PaymentAttempt seen = attempts.findByStripeCheckoutId(state.id())
                    .or(() -> Optional.ofNullable(state.metadata().get("attempt")).flatMap(attempts::findByIdempotencyKey))
                    .orElse(null);
            if (seen == null) {
                return "no attempt for checkout " + state.id();
            }
            ChargeableInvoice invoice = invoices.lock(seen.getInvoiceId());
            PaymentAttempt attempt = attempts.lockById(seen.getId()).orElseThrow();
            if (attempt.getStripeCheckoutId() == null) {
                attempt.checkoutCreated(state.id(), null);
            }
            Instant now = clock.instant();
            if ("complete".equals(state.status()) && "paid".equals(state.paymentStatus())) {
                if (attempt.getStatus() == AttemptStatus.SUCCEEDED) {
                    return "already paid";
                }
                if (state.card() != null && attempt.getCardLabel() == null) {
                    attempt.setCardLabel(ChargeAttempts.cardLabel(state.card()));
                }
                return outcomes.paid(attempt, invoice, state.paymentIntentId(), state.chargeId(), now);
            }
            if ("expired".equals(state.status()) && attempt.inFlight()) {
                attempt.failed(AttemptStatus.EXPIRED, state.paymentIntentId(), null,
                        "The Pay now page closed without a payment", now);
                attempts.saveAndFlush(attempt);
                return "expired";
            }
            return "checkout " + state.status();
        });
    }
}
