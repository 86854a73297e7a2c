package com.tutordesk.payment;

import com.tutordesk.billing.InvoiceCharges;
import com.tutordesk.billing.InvoiceCharges.ChargeableInvoice;
import com.tutordesk.billing.InvoiceService;
import com.tutordesk.billing.InvoiceState;
import com.tutordesk.billing.NewInvoice;
import com.tutordesk.people.ClientCards;
import com.tutordesk.people.ClientPayer;
import com.tutordesk.security.CurrentUser;
import com.tutordesk.security.CurrentUserService;
import com.tutordesk.session.SessionDetails;
import com.tutordesk.session.SessionPage;
import com.tutordesk.session.SessionViewService;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.InvalidFieldException;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Charging invoices by card (issue 8; rules: domain.md "Payments" and "Roles").
 *
 * <p>Every charge goes the same way: (1) a short transaction locks the invoice, checks that it is
 * open and has no attempt in flight, and commits a {@link PaymentAttempt} with its idempotency key
 * {@code invoice-{id}-attempt-{n}} and exact parameters; (2) Stripe is called outside any
 * transaction with that key; (3) a second short transaction records the outcome — on success the
 * invoice and its sessions are paid through billing with a receipt email; declined or needing
 * authentication, the invoice stays open and the client is emailed the invoice with its Pay now link
 * (never retried by itself). Without an answer the attempt stays in flight and is sent again later
 * with the same key and parameters, so Stripe charges at most once. Two clicks, two admins or a
 * crash therefore never charge twice; the database refuses a second attempt in flight and any attempt
 * on an invoice that is not open.
 *
 * <p>Charging, refunding and handling cards is for admins and Enhanced-Access tutors for the clients
 * they added; checked in every method that a person calls.
 */
@Service
public class CardCharges {

    private static final Logger log = LoggerFactory.getLogger(CardCharges.class);
    /** Stripe keeps an idempotency key for 24 hours; past that a resend could charge again. */
    static final Duration RESEND_LIMIT = Duration.ofHours(23);

    private final PaymentAttemptRepository attempts;
    private final PaymentRefundRepository refunds;
    private final InvoiceCharges invoices;
    private final InvoiceService invoiceService;
    private final SessionViewService sessionViews;
    private final ClientCards cards;
    private final StripeGateway stripe;
    private final PaymentLinks links;
    private final StripeProperties properties;
    private final CurrentUserService currentUsers;
    private final SettingsService settings;
    private final Clock clock;
    private final TransactionTemplate tx;

    CardCharges(PaymentAttemptRepository attempts, PaymentRefundRepository refunds, InvoiceCharges invoices,
            InvoiceService invoiceService, SessionViewService sessionViews, ClientCards cards, StripeGateway stripe,
            PaymentLinks links, StripeProperties properties, CurrentUserService currentUsers, SettingsService settings,
            Clock clock, PlatformTransactionManager transactions) {
        this.attempts = attempts;
        this.refunds = refunds;
        this.invoices = invoices;
        this.invoiceService = invoiceService;
        this.sessionViews = sessionViews;
        this.cards = cards;
        this.stripe = stripe;
        this.links = links;
        this.properties = properties;
        this.currentUsers = currentUsers;
        this.settings = settings;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** @return whether card payments are configured (Stripe keys set) */
    public boolean configured() {
        return stripe.configured();
    }

    // ---- Confirm & Charge (session page) ----

    /**
     * What the confirmation of Confirm &amp; Charge shows.
     *
     * @param amountMinor the session's client amount, what is charged, minor units
     * @param cardLabel   e.g. "Visa •••• 4242", or {@code null} without a card
     * @param cardExpiry  e.g. "04/2030", or {@code null}
     * @param enabled     whether it can be done now
     * @param disabledReason why not ("Card payments are not configured", no card on file), or {@code null}
     */
    public record ChargeOffer(long sessionId, long clientId, String clientName, long amountMinor, String cardLabel,
            String cardExpiry, boolean enabled, String disabledReason) {
    }

    /**
     * Whether the session page offers Confirm &amp; Charge: a completed (or late-cancelled), unbilled
     * session with a client amount, of an autopay client that the viewer may charge. Empty when it
     * does not apply (then "Send invoice" is offered instead).
     */
    public Optional<ChargeOffer> offerFor(SessionPage page) {
        SessionDetails session = page.details();
        if (!page.actions().mayInvoice() || session.clientAmountMinor() == null || session.clientAmountMinor() <= 0) {
            return Optional.empty();
        }
        CurrentUser user = currentUsers.require();
        ClientPayer payer = cards.payer(session.clientId()).orElse(null);
        if (payer == null || !payer.autopay() || !CardAccess.mayHandle(user, payer.addedByTutorId())) {
            return Optional.empty();
        }
        String reason = !configured() ? CardPaymentsNotConfiguredException.MESSAGE
                : payer.card() == null || payer.stripePaymentMethodId() == null
                        ? "No card on file: send the card setup link from the client's page"
                        : null;
        return Optional.of(new ChargeOffer(session.id(), payer.id(), payer.name(), session.clientAmountMinor(),
                payer.card() == null ? null : payer.card().label(), payer.card() == null ? null : payer.card().expiry(),
                reason == null, reason));
    }

    /**
     * Confirm &amp; Charge: issues a one-session invoice for the session (billing's rules and checks
     * apply) and charges it to the client's saved card off session.
     *
     * @param expectedAmountMinor the amount the confirmation showed; a different amount now is refused
     * @throws NotFoundException when the session is not the caller's to see
     * @throws AccessDeniedException when the caller may not charge this client
     * @throws RuleViolationException when not configured, the client has no card or no autopay, the
     *         session cannot be billed (e.g. someone invoiced it a moment ago), or the amount changed
     */
    public ChargeResult confirmAndCharge(long sessionId, long expectedAmountMinor) {
        CurrentUser user = currentUsers.require();
        requireConfigured();
        SessionPage page = sessionViews.page(sessionId);
        SessionDetails session = page.details();
        ClientPayer payer = cards.payer(session.clientId()).orElseThrow(() -> new NotFoundException("Client",
                session.clientId()));
        if (!CardAccess.mayHandle(user, payer.addedByTutorId())) {
            throw new AccessDeniedException("Only admins and the Enhanced-Access tutor who added the client may charge"
                    + " its card");
        }
        if (!page.actions().mayInvoice()) {
            throw new RuleViolationException("This session cannot be billed now (" + session.billing().label()
                    .toLowerCase() + "): reload the page");
        }
        if (!payer.chargesAutomatically()) {
            throw new RuleViolationException(payer.card() == null
                    ? payer.name() + " has no card on file: send the card setup link, or send an invoice"
                    : payer.name() + " does not pay automatically: send an invoice instead");
        }
        if (session.clientAmountMinor() == null || session.clientAmountMinor() != expectedAmountMinor) {
            throw new RuleViolationException("The amount is now " + settings.profile().formatMoney(
                    session.clientAmountMinor() == null ? 0 : session.clientAmountMinor()) + ": review and confirm again");
        }
        long invoiceId;
        try {
            invoiceId = invoiceService.create(new NewInvoice(session.clientId(), List.of(sessionId), List.of(),
                    invoiceService.defaultDueDate(), NewInvoice.Delivery.SEND_NOW, null));
        } catch (RuleViolationException e) {
            if (e.getMessage() != null && e.getMessage().contains("another invoice")) {
                throw new RuleViolationException("Someone invoiced this session a moment ago: it is not charged again."
                        + " Reload the page to see its invoice.");
            }
            throw e;
        }
        // Issuing already charged the card when the issue event is handled in this thread; this call then
        // only reports that attempt's outcome (the first attempt is made once, whoever comes first).
        return chargeOnIssue(invoiceId, user.userId());
    }

    // ---- autopay: charge when issued ----

    /**
     * Makes the first charge of an autopay client's invoice, unless an attempt already exists (then
     * reports it). Called when the invoice is issued ({@link InvoiceIssuedListener}) and by Confirm
     * &amp; Charge; the invoice row lock makes the first caller the only one to charge.
     */
    ChargeResult chargeOnIssue(long invoiceId, Long userId) {
        Claim claim = tx.execute(status -> {
            ChargeableInvoice invoice = invoices.lock(invoiceId);
            List<PaymentAttempt> existing = attempts.findByInvoiceIdOrderByAttemptNumberAsc(invoiceId);
            if (!existing.isEmpty()) {
                return Claim.done(result(existing.getLast(), invoice));
            }
            if (invoice.state() != InvoiceState.OPEN) {
                return Claim.done(new ChargeResult(ChargeResult.Outcome.NOT_CHARGED, invoiceId, invoice.number(),
                        "Invoice " + invoice.title() + " is " + invoice.state().label().toLowerCase() + ": not charged"));
            }
            ClientPayer payer = cards.payer(invoice.clientId()).orElseThrow();
            if (!configured() || !payer.chargesAutomatically()) {
                return Claim.done(new ChargeResult(ChargeResult.Outcome.NOT_CHARGED, invoiceId, invoice.number(),
                        !configured() ? CardPaymentsNotConfiguredException.MESSAGE
                                : payer.name() + " has no card on file or no automatic payments: not charged"));
            }
            Instant now = clock.instant();
            PaymentAttempt attempt = attempts.saveAndFlush(PaymentAttempt.offSession(invoiceId, 1,
                    invoice.openAmountMinor(), invoice.currency(), payer.stripeCustomerId(),
                    payer.stripePaymentMethodId(), payer.card().label(), RequestedVia.ON_ISSUE, userId, now,
                    now.plus(properties.staleAfter())));
            return Claim.send(Send.of(attempt, invoice));
        });
        return claim.send() == null ? claim.result() : send(claim.send());
    }

    /**
     * An autopay invoice that could not be charged when issued (card removed meanwhile, card payments
     * switched off): billing sent no payment request, so the invoice goes out now with its pay link.
     */
    void emailInsteadOfCharge(long invoiceId) {
        tx.executeWithoutResult(status -> {
            ChargeableInvoice invoice = invoices.lock(invoiceId);
            if (invoice.state() == InvoiceState.OPEN && !attempts.existsByInvoiceId(invoiceId)) {
                invoices.emailPayRequest(invoiceId, null);
            }
        });
    }

    // ---- Charge card now (invoice page) ----

    /**
     * "Charge card now" for an open invoice of a client with a card on file and automatic payments.
     * When the last charge got no answer from Stripe, it is sent again with its own key and parameters
     * instead of making a new one.
     *
     * @throws NotFoundException when the invoice does not exist or is not the caller's to charge
     * @throws RuleViolationException when not configured, the invoice is not open, a charge or a Pay now
     *         page of it is in flight, the client has no card or no automatic payments, or (for a tutor)
     *         it includes other tutors' sessions, whose amounts they may not see
     */
    public ChargeResult chargeNow(long invoiceId) {
        CurrentUser user = currentUsers.require();
        ChargeableInvoice seen = invoices.find(invoiceId).orElseThrow(() -> new NotFoundException("Invoice", invoiceId));
        if (!CardAccess.mayHandle(user, seen.clientAddedByTutorId())) {
            throw new NotFoundException("Invoice", invoiceId);
        }
        requireConfigured();
        if (totalHiddenFrom(user, invoiceId)) {
            // The total is hidden from the tutor (issue 7): they could not confirm what is charged, and the
            // outcome ("charged $…") would tell it.
            throw new RuleViolationException("This invoice includes other tutors' sessions: ask the office to charge it");
        }
        BusinessProfile profile = settings.profile();
        Send send = tx.execute(status -> {
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
                    return Send.of(attempt, invoice);
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
            return Send.of(attempt, invoice);
        });
        return send(send);
    }

    // ---- sending and settling ----

    /** What one send of an off-session charge needs, read from the committed attempt. */
    record Send(long attemptId, StripeGateway.OffSessionCharge request) {
        static Send of(PaymentAttempt attempt, ChargeableInvoice invoice) {
            return new Send(attempt.getId(), new StripeGateway.OffSessionCharge(invoice.id(), invoice.number(),
                    attempt.getIdempotencyKey(), attempt.getAmountMinor(), attempt.getCurrency(),
                    attempt.getStripeCustomerId(), attempt.getStripePaymentMethodId()));
        }
    }

    private record Claim(Send send, ChargeResult result) {
        static Claim send(Send send) {
            return new Claim(send, null);
        }

        static Claim done(ChargeResult result) {
            return new Claim(null, result);
        }
    }

    /** Sends one off-session charge (outside any transaction) and records its outcome. */
    private ChargeResult send(Send send) {
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

    private ChargeResult result(PaymentAttempt attempt, ChargeableInvoice invoice) {
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

    // ---- Pay now link (hosted Checkout, payment mode) ----

    /** Where the Pay now link takes the client: to a Stripe page, or a page of text. */
    public record PayPage(URI redirect, String message) {
        static PayPage to(String url) {
            return new PayPage(URI.create(url), null);
        }

        static PayPage say(String message) {
            return new PayPage(null, message);
        }
    }

    private record CheckoutStep(PayPage page, Long recheckAttemptId, Long createAttemptId) {
    }

    /**
     * Opens the Pay now page of an invoice for exactly its open amount: the still-open Checkout page
     * of this invoice, or a new one (an attempt with its own key, so a repeated request reuses it).
     * Anyone with the link may open it (the link carries an HMAC, checked by the caller).
     */
    public PayPage openPayPage(long invoiceId) {
        if (!configured()) {
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
        if (!configured()) {
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
                    attempt.setCardLabel(cardLabel(state.card()));
                }
                return paid(attempt, invoice, state.paymentIntentId(), state.chargeId(), now);
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

    /**
     * Applies a PaymentIntent as Stripe describes it now (webhook payment_intent.* or a re-check):
     * its current status decides, whatever the order the events came in.
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

    /** Money was taken for this attempt: the invoice is paid, or — when it was settled otherwise meanwhile — flagged for a refund. */
    private String paid(PaymentAttempt attempt, ChargeableInvoice invoice, String paymentIntentId, String chargeId,
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

    static String cardLabel(StripeGateway.Card card) {
        try {
            return new com.tutordesk.people.CardOnFile(card.brand(), card.last4(), card.expMonth(), card.expYear()).label();
        } catch (IllegalArgumentException e) {
            return "Card";
        }
    }

    // ---- the unsettled: charges without an answer, Pay now pages past their expiry ----

    /**
     * Settles what is still in flight without an outcome: an off-session charge whose send got no
     * answer is sent again with the same key and parameters (or read back when Stripe named its
     * PaymentIntent); a Pay now page past its expiry is read back from Stripe. Runs as a background job.
     *
     * @return how many attempts were looked at
     */
    public int settleUnsettled() {
        if (!configured()) {
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
            settleCheckout(attemptId);
            return;
        }
        if (attempt.getStripePaymentIntentId() != null) {
            applyIntent(stripe.retrievePaymentIntent(attempt.getStripePaymentIntentId()));
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
        Send send = tx.execute(status -> {
            ChargeableInvoice invoice = invoices.lock(attempt.getInvoiceId());
            PaymentAttempt locked = attempts.lockById(attemptId).orElseThrow();
            if (!locked.inFlight() || !locked.leaseFree(clock.instant())) {
                return null;
            }
            locked.takeLease(clock.instant().plus(properties.staleAfter()));
            attempts.saveAndFlush(locked);
            return Send.of(locked, invoice);
        });
        if (send != null) {
            send(send);
        }
    }

    // ---- refunds ----

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
        ChargeableInvoice seen = invoices.find(invoiceId).orElseThrow(() -> new NotFoundException("Invoice", invoiceId));
        if (!CardAccess.mayHandle(user, seen.clientAddedByTutorId())) {
            throw new NotFoundException("Invoice", invoiceId);
        }
        requireConfigured();
        if (totalHiddenFrom(user, invoiceId)) {
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

    /** What a refund came to. */
    public record RefundResult(PaymentRefund.Status status, String message) {
    }

    private RefundResult sendRefund(long refundId, long invoiceId, String paymentIntentId, long amountMinor,
            String reason, String key) {
        String amount = settings.profile().formatMoney(amountMinor);
        try {
            StripeGateway.RefundState state = stripe.createRefund(invoiceId, paymentIntentId, amountMinor, reason, key);
            PaymentRefund.Status status = tx.execute(s -> {
                PaymentRefund refund = refunds.findById(refundId).orElseThrow();
                refund.update(state.id(), state.status(), state.failureReason(), clock.instant());
                refunds.saveAndFlush(refund);
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

    /** Sends again the refunds that got no answer (same key and parameters). */
    public int resendUnansweredRefunds() {
        if (!configured()) {
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
                refund.update(state.id(), state.status(), state.failureReason(), now);
                refunds.saveAndFlush(refund);
            }
            return states.size() + " refund(s), " + added + " new";
        });
    }

    private long refundable(PaymentAttempt attempt) {
        long taken = refunds.findByAttemptId(attempt.getId()).stream()
                .filter(r -> r.getStatus() != PaymentRefund.Status.FAILED).mapToLong(PaymentRefund::getAmountMinor).sum();
        return attempt.getAmountMinor() - taken;
    }

    // ---- the invoice page ----

    /** One attempt as the invoice page lists it. */
    public record AttemptRow(int number, AttemptKind kind, RequestedVia via, Instant createdAt, long amountMinor,
            String cardLabel, AttemptStatus status, String reason, String paymentIntentId, long refundableMinor) {
    }

    /** One refund as the invoice page lists it. */
    public record RefundRow(int number, int attemptNumber, Instant createdAt, long amountMinor, String reason,
            PaymentRefund.Status status, String failureReason) {
    }

    /**
     * The card payments part of the invoice page.
     *
     * @param configured       card payments configured
     * @param chargeOffered    "Charge card now" is shown (an open invoice of an autopay client)
     * @param chargeEnabled    … and can be pressed
     * @param chargeDisabledReason why not, or {@code null}
     * @param cardLabel        the client's card, e.g. "Visa •••• 4242, expires 04/2030", or {@code null}
     * @param payLink          the invoice's Pay now link while it is open and card payments are on, or {@code null}
     * @param mayRefund        the viewer may refund (and card payments are configured)
     */
    public record InvoiceCardPanel(boolean configured, boolean chargeOffered, boolean chargeEnabled,
            String chargeDisabledReason, String cardLabel, URI payLink, List<AttemptRow> attempts,
            List<RefundRow> refunds, boolean mayRefund) {

        /** @return the sum of the refunds made or in progress, minor units */
        public long refundedMinor() {
            return refunds.stream().filter(r -> r.status() != PaymentRefund.Status.FAILED)
                    .mapToLong(RefundRow::amountMinor).sum();
        }
    }

    /**
     * The card payments part of the invoice page, or empty for viewers who may not handle the
     * client's payments (a plain tutor never gets here: billing shows them no invoice).
     */
    public Optional<InvoiceCardPanel> panel(long invoiceId) {
        CurrentUser user = currentUsers.require();
        ChargeableInvoice invoice = invoices.find(invoiceId).orElseThrow(() -> new NotFoundException("Invoice", invoiceId));
        if (!CardAccess.mayHandle(user, invoice.clientAddedByTutorId())) {
            return Optional.empty();
        }
        ClientPayer payer = cards.payer(invoice.clientId()).orElseThrow();
        List<PaymentAttempt> all = attempts.findByInvoiceIdOrderByAttemptNumberAsc(invoiceId);
        java.util.Map<Long, Integer> numbers = new java.util.HashMap<>();
        List<AttemptRow> rows = all.stream().map(a -> {
            numbers.put(a.getId(), a.getAttemptNumber());
            return new AttemptRow(a.getAttemptNumber(), a.getKind(), a.getRequestedVia(), a.getCreatedAt(),
                    a.getAmountMinor(), a.getCardLabel(), a.getStatus(), a.getFailureReason(), a.getStripePaymentIntentId(),
                    a.getStatus() == AttemptStatus.SUCCEEDED ? refundable(a) : 0);
        }).toList();
        List<RefundRow> refundRows = refunds.findByInvoiceIdOrderByRefundNumberAsc(invoiceId).stream()
                .map(r -> new RefundRow(r.getRefundNumber(), numbers.getOrDefault(r.getAttemptId(), 0), r.getCreatedAt(),
                        r.getAmountMinor(), r.getReason(), r.getStatus(), r.getFailureReason()))
                .toList();
        boolean open = invoice.state() == InvoiceState.OPEN;
        // An invoice's total is hidden from a tutor when it has other tutors' sessions (issue 7): neither a
        // charge of it nor its Pay now link (Stripe's page shows the total) is theirs.
        boolean redacted = totalHiddenFrom(user, invoiceId);
        boolean offered = open && payer.autopay() && !redacted;
        Optional<PaymentAttempt> inFlight = all.stream().filter(PaymentAttempt::inFlight).findFirst();
        String reason = !configured() ? CardPaymentsNotConfiguredException.MESSAGE
                : payer.card() == null ? "No card on file: send the card setup link from the client's page"
                : inFlight.isPresent() && inFlight.get().getKind() == AttemptKind.CHECKOUT
                        ? "The client has the Pay now page open"
                        : inFlight.isPresent() && !(inFlight.get().getStripePaymentIntentId() == null
                                && inFlight.get().leaseFree(clock.instant())) ? "A charge is in progress"
                        : null;
        String card = payer.card() == null ? null : payer.card().label() + ", expires " + payer.card().expiry();
        URI payLink = open && !redacted ? links.payLinkFor(invoiceId).orElse(null) : null;
        return Optional.of(new InvoiceCardPanel(configured(), offered, offered && reason == null, reason, card, payLink,
                rows, refundRows, configured()));
    }

    private void requireConfigured() {
        if (!configured()) {
            throw new CardPaymentsNotConfiguredException();
        }
    }

    /** @return the signed-in user's id, or {@code null} (webhook, background job) */
    Long currentUserId() {
        return currentUsers.find().map(CurrentUser::userId).orElse(null);
    }

    /** A tutor does not see the total of an invoice with other tutors' sessions (issue 7). */
    private boolean totalHiddenFrom(CurrentUser user, long invoiceId) {
        return !user.isAdmin() && invoices.hasOtherTutorsLines(invoiceId, user.tutorId());
    }
}
