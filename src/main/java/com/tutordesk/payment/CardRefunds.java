package com.tutordesk.payment;

import com.tutordesk.billing.InvoiceCharges;
import com.tutordesk.security.CurrentUser;
import com.tutordesk.security.CurrentUserService;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.InvalidFieldException;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refunds of card payments (issue 8), full or partial, with a reason; listed on the invoice. Like a
 * charge, a refund's key {@code invoice-{id}-refund-{n}} and amount are committed before Stripe is
 * called, and one without an answer is sent again with them. Refunds made in the Stripe dashboard
 * arrive by webhook and are added. Every refund that succeeds publishes {@link CardPaymentRefunded}.
 */
@Service
public class CardRefunds {

    private final PaymentAttemptRepository attempts;
    private final PaymentRefundRepository refunds;
    private final InvoiceCharges invoices;
    private final CardGuard guard;
    private final StripeGateway stripe;
    private final StripeProperties properties;
    private final CurrentUserService currentUsers;
    private final SettingsService settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;

    CardRefunds(PaymentAttemptRepository attempts, PaymentRefundRepository refunds, InvoiceCharges invoices,
            CardGuard guard, StripeGateway stripe, StripeProperties properties, CurrentUserService currentUsers,
            SettingsService settings, ApplicationEventPublisher events, Clock clock,
            PlatformTransactionManager transactions) {
        this.attempts = attempts;
        this.refunds = refunds;
        this.invoices = invoices;
        this.guard = guard;
        this.stripe = stripe;
        this.properties = properties;
        this.currentUsers = currentUsers;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** What a refund came to, for the person who asked for it. */
    public record RefundResult(PaymentRefund.Status status, String message) {
    }

    /**
     * Refunds (part of) a succeeded card payment of an invoice, with a reason; the invoice shows it.
     *
     * @param attemptNumber which payment of the invoice (its attempt number)
     * @param amountMinor   at most what is left to refund of that payment, minor units
     * @param reason        why, 1 to {@value PaymentRefund#REASON_MAX_LENGTH} characters
     * @throws NotFoundException when the invoice is not the caller's to handle
     * @throws InvalidFieldException naming the field ("amount", "reason")
     * @throws RuleViolationException when not configured or that payment cannot be refunded
     */
    public RefundResult refund(long invoiceId, int attemptNumber, long amountMinor, String reason) {
        CurrentUser user = currentUsers.require();
        guard.handledInvoice(user, invoiceId);
        guard.requireConfigured();
        if (guard.totalHiddenFrom(user, invoiceId)) {
            // Their amounts are hidden from the tutor (issue 7), and a refund would need them.
            throw new RuleViolationException("This invoice includes other tutors' sessions: ask the office to refund it");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new InvalidFieldException("reason", "Reason is required");
        }
        if (why.length() > PaymentRefund.REASON_MAX_LENGTH) {
            throw new InvalidFieldException("reason", "Reason must be at most " + PaymentRefund.REASON_MAX_LENGTH
                    + " characters");
        }
        if (amountMinor <= 0) {
            throw new InvalidFieldException("amount", "Amount must be more than zero");
        }
        record Pending(long refundId, String paymentIntentId, String key) {
        }
        Pending pending = tx.execute(status -> {
            invoices.lock(invoiceId);
            PaymentAttempt attempt = attempts.findByInvoiceIdOrderByAttemptNumberAsc(invoiceId).stream()
                    .filter(a -> a.getAttemptNumber() == attemptNumber).findFirst()
                    .orElseThrow(() -> new RuleViolationException("There is no such card payment on this invoice"));
            if (attempt.getStatus() != AttemptStatus.SUCCEEDED || attempt.getStripePaymentIntentId() == null) {
                throw new RuleViolationException("Only a succeeded card payment can be refunded");
            }
            long left = refundable(attempt);
            if (amountMinor > left) {
                throw new InvalidFieldException("amount", "Amount must be at most " + settings.profile()
                        .formatMoney(left) + ", what is left to refund of this payment");
            }
            int number = refunds.lastNumber(invoiceId) + 1;
            PaymentRefund refund = refunds.saveAndFlush(new PaymentRefund(attempt.getId(), invoiceId, number,
                    PaymentRefund.key(invoiceId, number), amountMinor, why, user.userId(), clock.instant()));
            return new Pending(refund.getId(), attempt.getStripePaymentIntentId(), refund.getIdempotencyKey());
        });
        return sendRefund(pending.refundId(), invoiceId, pending.paymentIntentId(), amountMinor, why, pending.key());
    }

    private RefundResult sendRefund(long refundId, long invoiceId, String paymentIntentId, long amountMinor,
            String reason, String key) {
        String amount = settings.profile().formatMoney(amountMinor);
        try {
            StripeGateway.RefundState state = stripe.createRefund(invoiceId, paymentIntentId, amountMinor, reason, key);
            PaymentRefund.Status status = tx.execute(s -> {
                PaymentRefund refund = refunds.findById(refundId).orElseThrow();
                update(refund, state, clock.instant());
                return refund.getStatus();
            });
            return new RefundResult(status, switch (status) {
                case SUCCEEDED -> "Refunded " + amount + ".";
                case PENDING -> "Refund of " + amount + " requested: Stripe is processing it.";
                case FAILED -> "The refund of " + amount + " failed.";
            });
        } catch (StripeUnavailableException e) {
            return new RefundResult(PaymentRefund.Status.PENDING, "No answer from Stripe yet: the refund of " + amount
                    + " is sent again with the same idempotency key, so it is never made twice.");
        } catch (StripeRejectedException e) {
            tx.executeWithoutResult(s -> {
                PaymentRefund refund = refunds.findById(refundId).orElseThrow();
                refund.rejected(e.getMessage(), clock.instant());
                refunds.saveAndFlush(refund);
            });
            return new RefundResult(PaymentRefund.Status.FAILED, "Not refunded: " + e.getMessage());
        }
    }

    /** Sends again the refunds that got no answer (same key and parameters); the background job calls it. */
    public int resendUnansweredRefunds() {
        if (!stripe.configured()) {
            return 0;
        }
        Instant before = clock.instant().minus(properties.staleAfter());
        List<PaymentRefund> open = refunds.findAll().stream()
                .filter(r -> r.getStatus() == PaymentRefund.Status.PENDING && r.getStripeRefundId() == null
                        && r.getCreatedAt().isBefore(before))
                .toList();
        for (PaymentRefund refund : open) {
            PaymentAttempt attempt = attempts.findById(refund.getAttemptId()).orElseThrow();
            sendRefund(refund.getId(), refund.getInvoiceId(), attempt.getStripePaymentIntentId(), refund.getAmountMinor(),
                    refund.getReason(), refund.getIdempotencyKey());
        }
        return open.size();
    }

    /**
     * Applies the refunds Stripe lists for a charge (webhook charge.refunded): known ones get their
     * status, ones made elsewhere (e.g. the Stripe dashboard) are added.
     *
     * @return what was done, for the webhook log
     */
    String applyRefunds(String chargeId, String paymentIntentId, List<StripeGateway.RefundState> states) {
        return tx.execute(status -> {
            PaymentAttempt attempt = attempts.findByStripeChargeId(chargeId)
                    .or(() -> paymentIntentId == null ? Optional.empty() : attempts.findByStripePaymentIntentId(paymentIntentId))
                    .orElse(null);
            if (attempt == null) {
                return "no attempt for charge " + chargeId;
            }
            invoices.lock(attempt.getInvoiceId());
            Instant now = clock.instant();
            int added = 0;
            for (StripeGateway.RefundState state : states) {
                Optional<PaymentRefund> known = refunds.findByStripeRefundId(state.id())
                        .or(() -> Optional.ofNullable(state.metadata().get("refund")).flatMap(refunds::findByIdempotencyKey));
                PaymentRefund refund = known.orElseGet(() -> {
                    int number = refunds.lastNumber(attempt.getInvoiceId()) + 1;
                    String reason = state.metadata().getOrDefault("reason", "Refunded in the Stripe dashboard");
                    return new PaymentRefund(attempt.getId(), attempt.getInvoiceId(), number, "stripe-" + state.id(),
                            state.amount(), reason.isBlank() ? "Refunded in the Stripe dashboard" : reason, null, now);
                });
                if (known.isEmpty()) {
                    added++;
                }
                update(refund, state, now);
            }
            return states.size() + " refund(s), " + added + " new";
        });
    }

    /** @return what is left to refund of a succeeded payment, minor units (failed refunds give back) */
    long refundable(PaymentAttempt attempt) {
        long taken = refunds.findByAttemptId(attempt.getId()).stream()
                .filter(r -> r.getStatus() != PaymentRefund.Status.FAILED).mapToLong(PaymentRefund::getAmountMinor).sum();
        return attempt.getAmountMinor() - taken;
    }

    /** Records Stripe's word on a refund; one that has just succeeded is announced after the commit. */
    private void update(PaymentRefund refund, StripeGateway.RefundState state, Instant now) {
        boolean succeededBefore = refund.getStatus() == PaymentRefund.Status.SUCCEEDED;
        refund.update(state.id(), state.status(), state.failureReason(), now);
        PaymentRefund saved = refunds.saveAndFlush(refund);
        if (!succeededBefore && saved.getStatus() == PaymentRefund.Status.SUCCEEDED) {
            events.publishEvent(new CardPaymentRefunded(saved.getInvoiceId(), saved.getId(), saved.getAmountMinor()));
        }
    }
}
