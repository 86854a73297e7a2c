package com.tutordesk.payment;

import com.tutordesk.billing.InvoiceCardRefundSettled;
import com.tutordesk.billing.InvoiceCardRefunds;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refunds of card payments (issue 8), full or partial, with a reason; listed on the invoice. Like a
 * charge, a refund's key {@code invoice-{id}-refund-{n}} and amount are committed before Stripe is
 * called, and one without an answer is sent again with them. Refunds made in the Stripe dashboard
 * arrive by webhook and are added. Every refund that succeeds publishes {@link CardPaymentRefunded}.
 *
 * <p>Other modules refund through billing's {@link InvoiceCardRefunds} (issue 17: a prepaid package's
 * unused hours), with a key of their own derived from what is refunded, so a second click or a retry
 * never refunds twice; every refund that reaches its end also publishes billing's
 * {@link InvoiceCardRefundSettled}.
 */
@Service
public class CardRefunds implements InvoiceCardRefunds {

    private static final Pattern LAST4 = Pattern.compile("(\\d{4})\\D*$");

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

    /**
     * What a refund came to, for the person who asked for it.
     *
     * @param answered whether Stripe answered ({@code false}: no answer yet, the refund is sent again)
     */
    public record RefundResult(PaymentRefund.Status status, String message, boolean answered) {
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
        String why = checked(user, invoiceId, amountMinor, reason);
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

    /** The checks every refund passes first; returns the reason, stripped. */
    private String checked(CurrentUser user, long invoiceId, long amountMinor, String reason) {
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
        return why;
    }

    @Override
    public Optional<CardPayment> cardPayment(long invoiceId) {
        return tx.execute(status -> succeeded(invoiceId).stream().reduce((first, later) -> later)
                .map(attempt -> new CardPayment(last4(attempt.getCardLabel()), refundable(attempt))));
    }

    /** @return the last four digits of a card label such as "Visa •••• 4242", or {@code null} */
    static String last4(String cardLabel) {
        if (cardLabel == null) {
            return null;
        }
        Matcher digits = LAST4.matcher(cardLabel);
        return digits.find() ? digits.group(1) : null;
    }

    private List<PaymentAttempt> succeeded(long invoiceId) {
        return attempts.findByInvoiceIdOrderByAttemptNumberAsc(invoiceId).stream()
                .filter(a -> a.getStatus() == AttemptStatus.SUCCEEDED && a.getStripePaymentIntentId() != null)
                .toList();
    }

    @Override
    public RefundOutcome refund(long invoiceId, long amountMinor, String reason, String keyPrefix) {
        CurrentUser user = currentUsers.require();
        String why = checked(user, invoiceId, amountMinor, reason);
        record Pending(long refundId, String paymentIntentId, String key, long amountMinor, String reason,
                PaymentRefund.Status status, boolean send) {
        }
        Pending pending = tx.execute(status -> {
            invoices.lock(invoiceId);
            List<PaymentRefund> earlier = refunds.findByInvoiceIdOrderByRefundNumberAsc(invoiceId).stream()
                    .filter(r -> r.getIdempotencyKey().startsWith(keyPrefix + "-")).toList();
            Optional<PaymentRefund> live = earlier.stream()
                    .filter(r -> r.getStatus() != PaymentRefund.Status.FAILED).findFirst();
            if (live.isPresent()) {
                // Asked again: the refund already made (or on its way) is the answer; one Stripe never
                // answered goes again with its own key and parameters, so Stripe makes it at most once.
                PaymentRefund refund = live.get();
                PaymentAttempt attempt = attempts.findById(refund.getAttemptId()).orElseThrow();
                return new Pending(refund.getId(), attempt.getStripePaymentIntentId(), refund.getIdempotencyKey(),
                        refund.getAmountMinor(), refund.getReason(), refund.getStatus(),
                        refund.getStatus() == PaymentRefund.Status.PENDING && refund.getStripeRefundId() == null);
            }
            List<PaymentAttempt> paid = succeeded(invoiceId);
            if (paid.isEmpty()) {
                throw new RuleViolationException("This invoice was not paid by card: there is no card payment to refund");
            }
            PaymentAttempt attempt = paid.reversed().stream().filter(a -> refundable(a) >= amountMinor).findFirst()
                    .orElseThrow(() -> new RuleViolationException("Only " + settings.profile().formatMoney(
                            paid.stream().mapToLong(this::refundable).max().orElse(0))
                            + " is left to refund of this invoice's card payment"));
            String key = keyPrefix + "-" + (earlier.size() + 1);
            int number = refunds.lastNumber(invoiceId) + 1;
            PaymentRefund refund = refunds.saveAndFlush(new PaymentRefund(attempt.getId(), invoiceId, number, key,
                    amountMinor, why, user.userId(), clock.instant()));
            return new Pending(refund.getId(), attempt.getStripePaymentIntentId(), key, amountMinor, why,
                    PaymentRefund.Status.PENDING, true);
        });
        if (!pending.send()) {
            return new RefundOutcome(pending.status() == PaymentRefund.Status.SUCCEEDED ? Outcome.SUCCEEDED
                    : Outcome.PENDING, pending.key(), null);
        }
        RefundResult result = sendRefund(pending.refundId(), invoiceId, pending.paymentIntentId(), pending.amountMinor(),
                pending.reason(), pending.key());
        if (!result.answered()) {
            return new RefundOutcome(Outcome.NO_ANSWER, pending.key(), result.message());
        }
        return switch (result.status()) {
            case SUCCEEDED -> new RefundOutcome(Outcome.SUCCEEDED, pending.key(), null);
            case PENDING -> new RefundOutcome(Outcome.PENDING, pending.key(), null);
            case FAILED -> new RefundOutcome(Outcome.FAILED, pending.key(), tx.execute(s -> refunds
                    .findById(pending.refundId()).map(PaymentRefund::getFailureReason).orElse(result.message())));
        };
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
            }, true);
        } catch (StripeUnavailableException e) {
            return new RefundResult(PaymentRefund.Status.PENDING, "No answer from Stripe yet: the refund of " + amount
                    + " is sent again with the same idempotency key, so it is never made twice.", false);
        } catch (StripeRejectedException e) {
            tx.executeWithoutResult(s -> {
                PaymentRefund refund = refunds.findById(refundId).orElseThrow();
                refund.rejected(e.getMessage(), clock.instant());
                PaymentRefund saved = refunds.saveAndFlush(refund);
                events.publishEvent(new InvoiceCardRefundSettled(saved.getInvoiceId(), saved.getIdempotencyKey(),
                        saved.getAmountMinor(), false));
            });
            return new RefundResult(PaymentRefund.Status.FAILED, "Not refunded: " + e.getMessage(), true);
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
        PaymentRefund.Status before = refund.getStatus();
        refund.update(state.id(), state.status(), state.failureReason(), now);
        PaymentRefund saved = refunds.saveAndFlush(refund);
        if (before != PaymentRefund.Status.SUCCEEDED && saved.getStatus() == PaymentRefund.Status.SUCCEEDED) {
            events.publishEvent(new CardPaymentRefunded(saved.getInvoiceId(), saved.getId(), saved.getAmountMinor()));
        }
        if (before != saved.getStatus() && saved.getStatus() != PaymentRefund.Status.PENDING) {
            events.publishEvent(new InvoiceCardRefundSettled(saved.getInvoiceId(), saved.getIdempotencyKey(),
                    saved.getAmountMinor(), saved.getStatus() == PaymentRefund.Status.SUCCEEDED));
        }
    }
}
