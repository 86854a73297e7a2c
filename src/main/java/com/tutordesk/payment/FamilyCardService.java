package com.tutordesk.payment;

import com.tutordesk.people.CardOnFile;
import com.tutordesk.people.ClientCards;
import com.tutordesk.people.ClientPayer;
import com.tutordesk.security.CurrentUser;
import com.tutordesk.security.CurrentUserService;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import java.net.URI;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A family's own card on file, for the client portal (issue 18, domain.md "Client portal": they can
 * save or replace a card and switch autopay on or off). Saving goes through the same hosted Stripe
 * setup page as the card setup link the office emails (the same signed link), so the card number
 * never reaches this app. Switching autopay is allowed only where the business allows it (Settings →
 * "Families may switch automatic payments", off by default). The family methods are for a CLIENT
 * login only, about its own client; the switch's methods for admins.
 */
@Service
public class FamilyCardService {

    /** Why a family cannot switch autopay while the business keeps it to the office. */
    public static final String SWITCH_NOT_ALLOWED = "Automatic payments are arranged with the office: contact us to"
            + " switch them on or off.";

    private final ClientCards cards;
    private final StripeGateway stripe;
    private final PaymentLinks links;
    private final CurrentUserService currentUsers;
    private final JdbcTemplate jdbc;

    FamilyCardService(ClientCards cards, StripeGateway stripe, PaymentLinks links, CurrentUserService currentUsers,
            JdbcTemplate jdbc) {
        this.cards = cards;
        this.stripe = stripe;
        this.links = links;
        this.currentUsers = currentUsers;
        this.jdbc = jdbc;
    }

    /**
     * @param card           the card on file (brand, last four, expiry), or {@code null}
     * @param autopay        whether invoices are charged to it automatically when issued
     * @param setupLink      the hosted page to save or replace the card, or {@code null} while card
     *                       payments are not configured or the client is deactivated
     * @param maySwitchAutopay whether the family may switch autopay here (the business allows it and
     *                       card payments are on)
     */
    public record FamilyCard(CardOnFile card, boolean autopay, URI setupLink, boolean maySwitchAutopay) {
    }

    /**
     * The business's switch.
     *
     * @param familiesMaySwitch whether families may switch autopay on or off in the portal
     * @param version           the settings row's version (a save based on an older one is refused)
     */
    public record AutopaySwitch(boolean familiesMaySwitch, long version) {
    }

    /**
     * @return the signed-in family's card on file and where to save or replace it
     * @throws org.springframework.security.access.AccessDeniedException unless the caller is a client
     * @throws NotFoundException when the client no longer exists
     */
    @Transactional(readOnly = true)
    public FamilyCard myCard() {
        ClientPayer payer = myPayer();
        boolean on = stripe.configured();
        URI setup = on && payer.active() ? links.cardSetupLink(payer.id()) : null;
        return new FamilyCard(payer.card(), payer.chargesAutomatically(), setup, on && switchAllowed());
    }

    /**
     * Switches automatic payments of the signed-in family on (only with a card on file) or off.
     *
     * @throws RuleViolationException {@link #SWITCH_NOT_ALLOWED} while the business does not allow it,
     *         when card payments are not configured, or when switching on without a card
     * @throws org.springframework.security.access.AccessDeniedException unless the caller is a client
     */
    @Transactional
    public void setMyAutopay(boolean on) {
        ClientPayer payer = myPayer();
        if (!switchAllowed()) {
            throw new RuleViolationException(SWITCH_NOT_ALLOWED);
        }
        if (!stripe.configured()) {
            throw new CardPaymentsNotConfiguredException();
        }
        if (on && payer.card() == null) {
            throw new RuleViolationException("Save a card first: automatic payments charge the card on file.");
        }
        cards.setAutopay(payer.id(), on);
    }

    /**
     * @return the business's switch
     * @throws org.springframework.security.access.AccessDeniedException unless the caller is an admin
     */
    @Transactional(readOnly = true)
    public AutopaySwitch autopaySwitch() {
        currentUsers.requireAdmin();
        return jdbc.queryForObject("select families_switch_autopay, version from payment_settings where id = 1",
                (rs, row) -> new AutopaySwitch(rs.getBoolean(1), rs.getLong(2)));
    }

    /**
     * Saves the business's switch.
     *
     * @param expectedVersion the version the form was read at
     * @return the saved switch
     * @throws OptimisticLockingFailureException when someone saved it since
     * @throws org.springframework.security.access.AccessDeniedException unless the caller is an admin
     */
    @Transactional
    public AutopaySwitch updateAutopaySwitch(boolean familiesMaySwitch, long expectedVersion) {
        currentUsers.requireAdmin();
        if (jdbc.update("update payment_settings set families_switch_autopay = ?, version = version + 1"
                + " where id = 1 and version = ?", familiesMaySwitch, expectedVersion) != 1) {
            throw new OptimisticLockingFailureException("The card payment settings changed meanwhile");
        }
        return autopaySwitch();
    }

    private boolean switchAllowed() {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select families_switch_autopay from payment_settings where id = 1", Boolean.class));
    }

    private ClientPayer myPayer() {
        CurrentUser family = currentUsers.requireClient();
        return cards.payer(family.clientId()).orElseThrow(() -> new NotFoundException("Client", family.clientId()));
    }
}
