package com.tutordesk.payment;

import com.tutordesk.billing.InvoiceCharges;
import com.tutordesk.billing.InvoiceCharges.ChargeableInvoice;
import com.tutordesk.billing.InvoiceState;
import com.tutordesk.people.ClientCards;
import com.tutordesk.people.ClientPayer;
import com.tutordesk.security.CurrentUser;
import com.tutordesk.security.CurrentUserService;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Off-session charges of the card on file (issue 8; domain.md "Payments"): the first charge of an
 * autopay client's invoice when it is issued, and "Charge card now" on the invoice page.
 *
 * <p>Every charge goes the same way: (1) a short transaction locks the invoice, checks that it is
 * open and has no attempt in flight, and commits a {@link PaymentAttempt} with its idempotency key
 * {@code invoice-{id}-attempt-{n}} and exact parameters; (2) Stripe is called outside any
 * transaction with that key; (3) {@link ChargeAttempts} records the outcome. Without an answer the
 * attempt stays in flight and is sent again later with the same key and parameters
 * ({@link UnsettledAttempts}), so Stripe charges at most once. Two clicks, two admins or a crash
 * therefore never charge twice; the database refuses a second attempt in flight and any attempt on an
 * invoice that is not open.
 */
@Service
public class CardChargeService {

    private final PaymentAttemptRepository attempts;
    private final InvoiceCharges invoices;
    private final ChargeAttempts outcomes;
    private final CardGuard guard;
    private final ClientCards cards;
    private final StripeProperties properties;
    private final CurrentUserService currentUsers;
    private final SettingsService settings;
    private final Clock clock;
    private final TransactionTemplate tx;

    CardChargeService(PaymentAttemptRepository attempts, InvoiceCharges invoices, ChargeAttempts outcomes,
            CardGuard guard, ClientCards cards, StripeProperties properties, CurrentUserService currentUsers,
            SettingsService settings, Clock clock, PlatformTransactionManager transactions) {
        this.attempts = attempts;
        this.invoices = invoices;
        this.outcomes = outcomes;
        this.guard = guard;
        this.cards = cards;
        this.properties = properties;
        this.currentUsers = currentUsers;
        this.settings = settings;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** @return whether card payments are configured (Stripe keys set) */
    public boolean configured() {
        return guard.configured();
    }

    /**
     * Makes the first charge of an autopay client's invoice, unless an attempt already exists (then
     * reports it). Called when the invoice is issued ({@link IssuedInvoiceCollection}) and by Confirm
     * &amp; Charge; the invoice row lock makes the first caller the only one to charge.
     *
     * @param userId who issued the invoice, or {@code null}
     * @return the outcome; NOT_CHARGED when the invoice is not open or the client has no card or no
     *         automatic payments (anymore), or card payments are off
     */
    ChargeResult chargeOnIssue(long invoiceId, Long userId) {
        record Claim(ChargeAttempts.Send send, ChargeResult result) {
        }
        Claim claim = tx.execute(status -> {
            ChargeableInvoice invoice = invoices.lock(invoiceId);
            List<PaymentAttempt> existing = attempts.findByInvoiceIdOrderByAttemptNumberAsc(invoiceId);
            if (!existing.isEmpty()) {
                return new Claim(null, outcomes.result(existing.getLast(), invoice));
            }
            if (invoice.state() != InvoiceState.OPEN) {
                return new Claim(null, new ChargeResult(ChargeResult.Outcome.NOT_CHARGED, invoiceId, invoice.number(),
                        "Invoice " + invoice.title() + " is " + invoice.state().label().toLowerCase() + ": not charged"));
            }
            ClientPayer payer = cards.payer(invoice.clientId()).orElseThrow();
            if (!configured() || !payer.chargesAutomatically()) {
                return new Claim(null, new ChargeResult(ChargeResult.Outcome.NOT_CHARGED, invoiceId, invoice.number(),
                        !configured() ? CardPaymentsNotConfiguredException.MESSAGE
                                : payer.name() + " has no card on file or no automatic payments: not charged"));
            }
            Instant now = clock.instant();
            PaymentAttempt attempt = attempts.saveAndFlush(PaymentAttempt.offSession(invoiceId, 1,
                    invoice.openAmountMinor(), invoice.currency(), payer.stripeCustomerId(),
                    payer.stripePaymentMethodId(), payer.card().label(), RequestedVia.ON_ISSUE, userId, now,
                    now.plus(properties.staleAfter())));
            return new Claim(ChargeAttempts.Send.of(attempt, invoice), null);
        });
        return claim.send() == null ? claim.result() : outcomes.send(claim.send());
    }

    /**
     * "Charge card now" for an open invoice of a client with a card on file and automatic payments.
     * When the last charge got no answer from Stripe, it is sent again with its own key and parameters
     * instead of making a new one.
     *
     * @throws NotFoundException when the invoice does not exist or is not the caller's to charge
     * @throws CardPaymentsNotConfiguredException when card payments are off
     * @throws RuleViolationException when the invoice is not open, a charge or a Pay now page of it is
     *         in flight, the client has no card or no automatic payments, or (for a tutor) it includes
     *         other tutors' sessions, whose amounts they may not see
     */
    public ChargeResult chargeNow(long invoiceId) {
        CurrentUser user = currentUsers.require();
        guard.handledInvoice(user, invoiceId);
        guard.requireConfigured();
        if (guard.totalHiddenFrom(user, invoiceId)) {
            // The total is hidden from the tutor (issue 7): they could not confirm what is charged, and the
            // outcome ("charged $…") would tell it.
            throw new RuleViolationException("This invoice includes other tutors' sessions: ask the office to charge it");
        }
        BusinessProfile profile = settings.profile();
        ChargeAttempts.Send send = tx.execute(status -> {
            ChargeableInvoice invoice = invoices.lock(invoiceId);
            if (invoice.state() != InvoiceState.OPEN) {
                throw new RuleViolationException("Invoice " + invoice.title() + " is " + invoice.state().label()
                        .toLowerCase() + ": there is nothing to charge");
            }
            Instant now = clock.instant();
            Optional<PaymentAttempt> inFlight = attempts.findByInFlightInvoiceId(invoiceId);
            if (inFlight.isPresent()) {
                PaymentAttempt attempt = inFlight.get();
                if (attempt.getKind() == AttemptKind.CHECKOUT) {
                    throw new RuleViolationException("The client opened the Pay now page at "
                            + profile.formatDateTime(attempt.getCreatedAt()) + "; it stays open until "
                            + profile.formatDateTime(attempt.getCheckoutExpiresAt())
                            + ". Wait for their payment, or charge the card after that.");
                }
                if (attempt.getStripePaymentIntentId() == null && attempt.leaseFree(now)) {
                    attempt.takeLease(now.plus(properties.staleAfter()));
                    attempts.saveAndFlush(attempt);
                    return ChargeAttempts.Send.of(attempt, invoice);
                }
                throw new RuleViolationException("A charge of " + invoice.title() + " is in progress (started "
                        + profile.formatDateTime(attempt.getCreatedAt()) + "): wait for its outcome");
            }
            ClientPayer payer = cards.payer(invoice.clientId()).orElseThrow();
            if (!payer.chargesAutomatically()) {
                throw new RuleViolationException(payer.card() == null
                        ? payer.name() + " has no card on file: send the card setup link from the client's page"
                        : payer.name() + " does not pay automatically: enable automatic payments on the client's page");
            }
            PaymentAttempt attempt = attempts.saveAndFlush(PaymentAttempt.offSession(invoiceId,
                    attempts.lastNumber(invoiceId) + 1, invoice.openAmountMinor(), invoice.currency(),
                    payer.stripeCustomerId(), payer.stripePaymentMethodId(), payer.card().label(),
                    RequestedVia.CHARGE_NOW, user.userId(), now, now.plus(properties.staleAfter())));
            return ChargeAttempts.Send.of(attempt, invoice);
        });
        return outcomes.send(send);
    }
}
