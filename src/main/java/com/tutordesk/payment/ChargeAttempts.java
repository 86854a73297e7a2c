package com.tutordesk.payment;

import com.tutordesk.billing.InvoiceCharges;
import com.tutordesk.billing.InvoiceCharges.ChargeableInvoice;
import com.tutordesk.billing.InvoiceState;
import com.tutordesk.settings.SettingsService;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How a payment attempt gets its outcome, whoever learns it first — the answer to an off-session
 * charge, a webhook, or the background re-check (issue 8): an off-session charge is sent outside any
 * transaction with its committed key and parameters, and each outcome is recorded in one short
 * transaction that locks the invoice, then the attempt (the order every path takes, so no two
 * deadlock). Succeeded: the invoice and its sessions are paid through billing, with a receipt email;
 * declined or needing authentication: the invoice stays open and the client is emailed the invoice
 * with its Pay now link — never retried by itself. A payment that arrives for an invoice settled
 * otherwise meanwhile is flagged on the invoice page for a refund, never recorded twice.
 */
@Component
class ChargeAttempts {

    private static final Logger log = LoggerFactory.getLogger(ChargeAttempts.class);

    private final PaymentAttemptRepository attempts;
    private final InvoiceCharges invoices;
    private final StripeGateway stripe;
    private final SettingsService settings;
    private final Clock clock;
    private final TransactionTemplate tx;

    ChargeAttempts(PaymentAttemptRepository attempts, InvoiceCharges invoices, StripeGateway stripe,
            SettingsService settings, Clock clock, PlatformTransactionManager transactions) {
        this.attempts = attempts;
        this.invoices = invoices;
        this.stripe = stripe;
        this.settings = settings;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** What one send of an off-session charge needs, read from the committed attempt. */
    record Send(long attemptId, StripeGateway.OffSessionCharge request) {
        static Send of(PaymentAttempt attempt, ChargeableInvoice invoice) {
            return new Send(attempt.getId(), new StripeGateway.OffSessionCharge(invoice.id(), invoice.number(),
                    attempt.getIdempotencyKey(), attempt.getAmountMinor(), attempt.getCurrency(),
                    attempt.getStripeCustomerId(), attempt.getStripePaymentMethodId()));
        }
    }

    /** Sends one off-session charge (outside any transaction) and records its outcome. */
    ChargeResult send(Send send) {
        StripeGateway.ChargeOutcome outcome;
        try {
            outcome = stripe.chargeOffSession(send.request());
        } catch (StripeUnavailableException e) {
            return new ChargeResult(ChargeResult.Outcome.IN_PROGRESS, send.request().invoiceId(),
                    send.request().invoiceNumber(), "No answer from Stripe yet: " + send.request().invoiceNumber()
                            + " stays open while the charge is confirmed. It is sent again with the same idempotency"
                            + " key, so the card is never charged twice.");
        } catch (StripeRejectedException e) {
            return settle(send.attemptId(), null, attempt -> {
                attempt.failed(AttemptStatus.FAILED, null, e.code(), e.getMessage(), clock.instant());
                return true;
            });
        }
        return settle(send.attemptId(), outcome);
    }

    /** Records what Stripe answered to an off-session charge (unless a webhook did so first). */
    ChargeResult settle(long attemptId, StripeGateway.ChargeOutcome outcome) {
        Instant now = clock.instant();
        return switch (outcome) {
            case StripeGateway.ChargeOutcome.Succeeded ok -> settle(attemptId, ok, attempt -> {
                attempt.succeeded(ok.paymentIntentId(), ok.chargeId(), now);
                return false;
            });
            case StripeGateway.ChargeOutcome.Processing processing -> settle(attemptId, null, attempt -> {
                attempt.processing(processing.paymentIntentId());
                return false;
            });
            case StripeGateway.ChargeOutcome.Declined declined -> settle(attemptId, null, attempt -> {
                attempt.failed(AttemptStatus.DECLINED, declined.paymentIntentId(), declined.code(), declined.reason(), now);
                return true;
            });
            case StripeGateway.ChargeOutcome.AuthenticationRequired auth -> settle(attemptId, null, attempt -> {
                attempt.failed(AttemptStatus.AUTHENTICATION_REQUIRED, auth.paymentIntentId(), "authentication_required",
                        auth.reason(), now);
                return true;
            });
        };
    }

    private interface Change {
        /** @return whether the client is to be emailed the invoice with its pay link */
        boolean apply(PaymentAttempt attempt);
    }

    private ChargeResult settle(long attemptId, StripeGateway.ChargeOutcome.Succeeded success, Change change) {
        return tx.execute(status -> {
            long invoiceId = attempts.findById(attemptId).orElseThrow().getInvoiceId();
            // Invoice first, then the attempt: the order every path takes, so no two deadlock.
            ChargeableInvoice invoice = invoices.lock(invoiceId);
            PaymentAttempt attempt = attempts.lockById(attemptId).orElseThrow();
            if (!attempt.inFlight()) {
                return result(attempt, invoice);
            }
            boolean email = change.apply(attempt);
            attempts.saveAndFlush(attempt);
            if (success != null) {
                invoices.recordCardPayment(invoiceId, attempt.getAmountMinor(), paymentReference(attempt),
                        attempt.getCardLabel() == null ? "Card" : attempt.getCardLabel(), attempt.getRequestedByUserId());
            } else if (email) {
                invoices.emailPayRequest(invoiceId, payLinkNote(attempt));
            }
            return result(attempt, invoices.find(invoiceId).orElseThrow());
        });
    }

    /**
     * Applies a PaymentIntent as Stripe describes it now (webhook payment_intent.* or a re-check):
     * its current status decides, whatever the order the events came in.
     *
     * @return what was done, for the webhook log
     */
    String applyIntent(StripeGateway.IntentState state) {
        return tx.execute(status -> {
            PaymentAttempt seen = attempts.findByStripePaymentIntentId(state.id())
                    .or(() -> Optional.ofNullable(state.metadata().get("attempt")).flatMap(attempts::findByIdempotencyKey))
                    .orElse(null);
            if (seen == null) {
                return "no attempt for payment intent " + state.id();
            }
            ChargeableInvoice invoice = invoices.lock(seen.getInvoiceId());
            PaymentAttempt attempt = attempts.lockById(seen.getId()).orElseThrow();
            Instant now = clock.instant();
            switch (state.status()) {
                case "succeeded" -> {
                    if (attempt.getStatus() == AttemptStatus.SUCCEEDED) {
                        return "already succeeded";
                    }
                    return paid(attempt, invoice, state.id(), state.chargeId(), now);
                }
                case "requires_payment_method", "canceled", "requires_action" -> {
                    if (!attempt.inFlight() || attempt.getKind() != AttemptKind.OFF_SESSION) {
                        // A Pay now page lets the client try another card; a settled attempt stays settled.
                        return "no change (" + attempt.getStatus() + ")";
                    }
                    boolean auth = "requires_action".equals(state.status())
                            || "authentication_required".equals(state.failureCode());
                    attempt.failed(auth ? AttemptStatus.AUTHENTICATION_REQUIRED : AttemptStatus.DECLINED, state.id(),
                            state.failureCode() == null ? "card_declined" : state.failureCode(),
                            auth ? "The card needs the cardholder's authentication"
                                    : StripeGateway.declineReason(state.failureCode()), now);
                    attempts.saveAndFlush(attempt);
                    invoices.emailPayRequest(invoice.id(), payLinkNote(attempt));
                    return attempt.getStatus().name().toLowerCase();
                }
                default -> {
                    if (attempt.inFlight()) {
                        attempt.processing(state.id());
                        attempts.saveAndFlush(attempt);
                    }
                    return "payment intent " + state.status();
                }
            }
        });
    }

    /**
     * Money was taken for this attempt: the invoice is paid, or — when it was settled otherwise
     * meanwhile — the attempt is flagged for a refund. In the caller's transaction, invoice locked.
     */
    String paid(PaymentAttempt attempt, ChargeableInvoice invoice, String paymentIntentId, String chargeId,
            Instant now) {
        attempt.succeeded(paymentIntentId, chargeId, now);
        if (invoice.state() != InvoiceState.OPEN) {
            attempt.remark("Paid after the invoice was " + invoice.state().label().toLowerCase()
                    + ": refund this payment");
            attempts.saveAndFlush(attempt);
            log.warn("Card payment {} of invoice {} arrived while the invoice was {}: it needs a refund",
                    paymentIntentId, invoice.id(), invoice.state());
            return "paid twice: flagged for refund";
        }
        attempts.saveAndFlush(attempt);
        invoices.recordCardPayment(invoice.id(), attempt.getAmountMinor(), paymentReference(attempt),
                attempt.getCardLabel() == null ? "Card" : attempt.getCardLabel(), attempt.getRequestedByUserId());
        return "invoice paid";
    }

    /** @return what an attempt came to, for the person who asked for it */
    ChargeResult result(PaymentAttempt attempt, ChargeableInvoice invoice) {
        String number = invoice.title();
        String email = " " + number + " stays open and the client was emailed a Pay now link.";
        return switch (attempt.getStatus()) {
            case SUCCEEDED -> new ChargeResult(ChargeResult.Outcome.PAID, invoice.id(), invoice.number(), "Paid: "
                    + number + " charged " + settings.profile().formatMoney(attempt.getAmountMinor())
                    + (attempt.getCardLabel() == null ? "" : " to " + attempt.getCardLabel())
                    + ". A receipt is on its way to the client.");
            case DECLINED -> new ChargeResult(ChargeResult.Outcome.DECLINED, invoice.id(), invoice.number(),
                    attempt.getFailureReason() + "." + email);
            case AUTHENTICATION_REQUIRED -> new ChargeResult(ChargeResult.Outcome.AUTHENTICATION_REQUIRED, invoice.id(),
                    invoice.number(), "The card needs the cardholder's authentication." + email);
            case FAILED -> new ChargeResult(ChargeResult.Outcome.FAILED, invoice.id(), invoice.number(),
                    "Not charged: " + attempt.getFailureReason() + "." + email);
            case EXPIRED -> new ChargeResult(ChargeResult.Outcome.NOT_CHARGED, invoice.id(), invoice.number(),
                    "The client's Pay now page closed without a payment.");
            case PENDING -> new ChargeResult(ChargeResult.Outcome.IN_PROGRESS, invoice.id(), invoice.number(),
                    "The charge of " + number + " is in progress: its outcome shows on the invoice.");
        };
    }

    private static String paymentReference(PaymentAttempt attempt) {
        return attempt.getStripePaymentIntentId() != null ? attempt.getStripePaymentIntentId()
                : attempt.getIdempotencyKey();
    }

    private static String payLinkNote(PaymentAttempt attempt) {
        return switch (attempt.getStatus()) {
            case AUTHENTICATION_REQUIRED -> "We could not charge your saved card: your bank asks you to confirm the"
                    + " payment yourself. Please use the Pay now link below.";
            case DECLINED -> "We could not charge your saved card (" + attempt.getFailureReason().replaceFirst(
                    "^Declined: ", "").replaceFirst("^Declined ", "") + "). Please use the Pay now link below.";
            default -> "We could not charge your saved card. Please use the Pay now link below.";
        };
    }

    /** @return e.g. "Visa •••• 4242", or "Card" when Stripe's summary is incomplete */
    static String cardLabel(StripeGateway.Card card) {
        try {
            return new com.tutordesk.people.CardOnFile(card.brand(), card.last4(), card.expMonth(), card.expYear()).label();
        } catch (IllegalArgumentException e) {
            return "Card";
        }
    }
}
