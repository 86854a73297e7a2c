package com.tutordesk.payment;

import com.tutordesk.mail.HtmlEmail;
import com.tutordesk.mail.MailOutbox;
import com.tutordesk.mail.MailReference;
import com.tutordesk.mail.OutboxMessage;
import com.tutordesk.mail.OutgoingEmail;
import com.tutordesk.people.CardOnFile;
import com.tutordesk.people.ClientCards;
import com.tutordesk.people.ClientPayer;
import com.tutordesk.security.CurrentUser;
import com.tutordesk.security.CurrentUserService;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The card on file of a client (issue 8): the card setup link (a hosted Stripe Checkout page in setup
 * mode, reached through a link emailed to the billing contact), the card it saves (brand, last 4,
 * expiry — never more), automatic payments (only with a card) and removing the card. Who: admins, and
 * tutors with Enhanced Access for the clients they added (domain.md "Roles": cards); anyone else gets
 * "not found", as for a client that does not exist.
 */
@Service
public class CardsOnFile {

    /** Outbox reference type of card setup link emails. */
    public static final String SETUP_EMAIL = "CARD_SETUP";

    private static final Logger log = LoggerFactory.getLogger(CardsOnFile.class);

    private final ClientCards cards;
    private final CardSetupRepository setups;
    private final StripeGateway stripe;
    private final PaymentLinks links;
    private final StripeProperties properties;
    private final MailOutbox outbox;
    private final CurrentUserService currentUsers;
    private final SettingsService settings;
    private final Clock clock;
    private final TransactionTemplate tx;

    CardsOnFile(ClientCards cards, CardSetupRepository setups, StripeGateway stripe, PaymentLinks links,
            StripeProperties properties, MailOutbox outbox, CurrentUserService currentUsers, SettingsService settings,
            Clock clock, PlatformTransactionManager transactions) {
        this.cards = cards;
        this.setups = setups;
        this.stripe = stripe;
        this.links = links;
        this.properties = properties;
        this.outbox = outbox;
        this.currentUsers = currentUsers;
        this.settings = settings;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * The card section of a client page.
     *
     * @param configured    card payments configured
     * @param card          the card on file, or {@code null}
     * @param autopay       automatic payments on
     * @param contactEmail  where the setup link goes
     * @param lastSetupLink the latest card setup link email, or {@code null}
     */
    public record CardStatus(long clientId, boolean configured, CardOnFile card, boolean autopay, String contactEmail,
            OutboxMessage lastSetupLink) {
    }

    /** @throws NotFoundException when the client does not exist or is not the caller's to handle */
    public CardStatus status(long clientId) {
        ClientPayer payer = handled(clientId);
        Optional<OutboxMessage> last = outbox.latestFor(new MailReference(SETUP_EMAIL, clientId));
        return new CardStatus(clientId, stripe.configured(), payer.card(), payer.autopay(), payer.contactEmail(),
                last.orElse(null));
    }

    /**
     * "Send card setup link": makes the client's Stripe customer if there is none yet (key
     * {@code client-{id}-customer}) and emails the billing contact the card setup link.
     *
     * @return what happened to the email, e.g. "queued for ann@example.org" or "held: no mail server
     *         configured (for ann@example.org)" (never "sent" before it was, issue 12)
     * @throws RuleViolationException when not configured or the client is deactivated
     */
    public String sendSetupLink(long clientId) {
        ClientPayer payer = handled(clientId);
        requireConfigured();
        if (!payer.active()) {
            throw new RuleViolationException("Reactivate " + payer.name() + " before sending a card setup link");
        }
        ensureCustomer(payer);
        URI link = links.cardSetupLink(clientId);
        BusinessProfile profile = settings.profile();
        return tx.execute(status -> outbox.message(outbox.enqueue(OutgoingEmail.of(new MailReference(SETUP_EMAIL, clientId),
                payer.contactEmail(), "Save a card for payments to " + profile.name(),
                HtmlEmail.titled("Save a card for your payments")
                        .paragraph("Dear " + payer.contactName() + ",")
                        .paragraph(profile.name() + " asks you to save a payment card for " + payer.name()
                                + ". The card is entered on Stripe's secure page; we keep only its brand, last four"
                                + " digits and expiry.")
                        .link("Save a card", link)
                        .paragraph("With your agreement, invoices are then charged to this card and you receive a"
                                + " receipt by email.")
                        .footer("Sent by " + profile.emailSenderName())
                        .build()))).queuedText());
    }

    /**
     * Switches automatic payments on (only with a card on file) or off.
     *
     * @throws RuleViolationException when switching on without a card, or while not configured
     */
    public void setAutopay(long clientId, boolean on) {
        handled(clientId);
        if (on) {
            requireConfigured();
        }
        cards.setAutopay(clientId, on);
    }

    /**
     * Removes the card on file: detached from the Stripe customer (it can no longer be charged) and
     * forgotten here; automatic payments stop with it.
     *
     * @throws RuleViolationException when not configured or there is no card
     */
    public void removeCard(long clientId) {
        ClientPayer payer = handled(clientId);
        requireConfigured();
        if (payer.stripePaymentMethodId() == null) {
            throw new RuleViolationException(payer.name() + " has no card on file");
        }
        try {
            stripe.detachPaymentMethod(payer.stripePaymentMethodId(),
                    "client-" + clientId + "-detach-" + payer.stripePaymentMethodId());
        } catch (StripeRejectedException e) {
            if (!"resource_missing".equals(e.code()) && !"payment_method_not_attached".equals(e.code())) {
                throw new RuleViolationException("Stripe did not remove the card: " + e.getMessage());
            }
            // Already gone at Stripe: forget it here too.
        } catch (StripeUnavailableException e) {
            throw new RuleViolationException("Stripe did not answer: the card is kept. Try again in a minute.");
        }
        cards.removeCard(clientId);
    }

    // ---- the link the client follows ----

    /**
     * Where the card setup link takes the client: a still-open setup page, or a new one (key
     * {@code client-{id}-setup-{n}}). Anyone with the link may open it (the caller checks its HMAC).
     */
    public PayPage openSetupPage(long clientId) {
        if (!stripe.configured()) {
            return PayPage.say("Saving a card is not available. Please contact us.");
        }
        ClientPayer payer = cards.payer(clientId).orElse(null);
        if (payer == null || !payer.active()) {
            return PayPage.say("This link is no longer valid. Please contact us.");
        }
        String customer;
        try {
            customer = ensureCustomer(payer);
        } catch (RuleViolationException e) {
            return PayPage.say("The page to save a card could not be opened just now. Please try the link"
                    + " again in a minute.");
        }
        Instant now = clock.instant();
        CardSetup setup = tx.execute(status -> {
            Optional<CardSetup> last = setups.findFirstByClientIdOrderBySetupNumberDesc(clientId);
            if (last.isPresent() && last.get().usable(now) && customer.equals(last.get().getStripeCustomerId())) {
                return last.get();
            }
            if (last.isPresent() && last.get().getCheckoutUrl() == null && last.get().getCompletedAt() == null
                    && last.get().getExpiresAt().isAfter(now.plusSeconds(60))
                    && customer.equals(last.get().getStripeCustomerId())) {
                return last.get();
            }
            return setups.saveAndFlush(new CardSetup(clientId, setups.lastNumber(clientId) + 1, customer,
                    now.plus(properties.checkoutExpiry()), now));
        });
        if (setup.getCheckoutUrl() != null) {
            return PayPage.to(setup.getCheckoutUrl());
        }
        try {
            StripeGateway.Checkout checkout = stripe.createSetupCheckout(clientId, setup.getStripeCustomerId(),
                    setup.getExpiresAt(), links.page("/pay/card-saved"), links.page("/pay/cancelled"),
                    setup.getIdempotencyKey());
            tx.executeWithoutResult(status -> {
                CardSetup saved = setups.findById(setup.getId()).orElseThrow();
                saved.created(checkout.id(), checkout.url());
                setups.saveAndFlush(saved);
            });
            return PayPage.to(checkout.url());
        } catch (StripeUnavailableException | StripeRejectedException e) {
            return PayPage.say("The page to save a card could not be opened just now. Please try the link"
                    + " again in a minute.");
        }
    }

    /**
     * Saves the card of a completed setup page (webhook checkout.session.completed in setup mode, as
     * re-read from Stripe). A card saved for another Stripe customer than the client's is refused.
     *
     * @return what was done, for the webhook log
     */
    String applySetup(StripeGateway.CheckoutState state) {
        if (!"complete".equals(state.status()) || state.card() == null) {
            return "setup " + state.status() + " without a card";
        }
        Optional<CardSetup> setup = setups.findByStripeCheckoutId(state.id());
        Long clientId = setup.map(CardSetup::getClientId).orElseGet(() -> {
            String id = state.metadata().get("client_id");
            return id == null || !id.matches("\\d{1,18}") ? null : Long.parseLong(id);
        });
        if (clientId == null) {
            return "no client for setup " + state.id();
        }
        ClientPayer payer = cards.payer(clientId).orElse(null);
        if (payer == null || payer.stripeCustomerId() == null || !payer.stripeCustomerId().equals(state.customerId())) {
            log.warn("Card setup {} is for customer {}, not the customer of client {}: ignored", state.id(),
                    state.customerId(), clientId);
            return "customer mismatch: ignored";
        }
        StripeGateway.Card card = state.card();
        CardOnFile summary = new CardOnFile(card.brand(), card.last4(), card.expMonth(), card.expYear());
        String replaced = payer.stripePaymentMethodId() != null
                && !payer.stripePaymentMethodId().equals(card.paymentMethodId()) ? payer.stripePaymentMethodId() : null;
        cards.saveCard(clientId, payer.stripeCustomerId(), card.paymentMethodId(), summary);
        setup.ifPresent(s -> {
            s.completed(clock.instant());
            setups.saveAndFlush(s);
        });
        return "card saved for client " + clientId + (replaced == null ? "" : ", replacing " + replaced);
    }

    private String ensureCustomer(ClientPayer payer) {
        if (payer.stripeCustomerId() != null) {
            return payer.stripeCustomerId();
        }
        String customer;
        try {
            customer = stripe.createCustomer(payer.id(), payer.name(), payer.contactEmail(),
                    "client-" + payer.id() + "-customer");
        } catch (StripeUnavailableException e) {
            throw new RuleViolationException("Stripe did not answer: nothing was sent. Try again in a minute.");
        } catch (StripeRejectedException e) {
            throw new RuleViolationException(e.getMessage());
        }
        cards.rememberCustomer(payer.id(), customer);
        return customer;
    }

    private ClientPayer handled(long clientId) {
        CurrentUser user = currentUsers.require();
        ClientPayer payer = cards.payer(clientId).orElseThrow(() -> new NotFoundException("Client", clientId));
        if (!CardAccess.mayHandle(user, payer.addedByTutorId())) {
            throw new NotFoundException("Client", clientId);
        }
        return payer;
    }

    private void requireConfigured() {
        if (!stripe.configured()) {
            throw new CardPaymentsNotConfiguredException();
        }
    }
}
