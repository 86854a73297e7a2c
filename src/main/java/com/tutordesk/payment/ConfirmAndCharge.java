package com.tutordesk.payment;

import com.tutordesk.billing.InvoiceIssuingService;
import com.tutordesk.billing.NewInvoice;
import com.tutordesk.billing.SessionAlreadyInvoicedException;
import com.tutordesk.people.ClientCards;
import com.tutordesk.people.ClientPayer;
import com.tutordesk.security.CurrentUser;
import com.tutordesk.security.CurrentUserService;
import com.tutordesk.session.SessionDetails;
import com.tutordesk.session.SessionPage;
import com.tutordesk.session.SessionViewService;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * "Confirm &amp; Charge" on the page of a completed session of an autopay client (issue 8): issues a
 * one-session invoice and charges it to the card on file, reporting the charge's outcome. The
 * charge itself is the one made when any invoice of an autopay client is issued
 * ({@link CardChargeService}), so the card is charged once whoever comes first.
 */
@Service
public class ConfirmAndCharge {

    private final InvoiceIssuingService issuing;
    private final CardChargeService charges;
    private final CardGuard guard;
    private final SessionViewService sessionViews;
    private final ClientCards cards;
    private final CurrentUserService currentUsers;
    private final SettingsService settings;

    ConfirmAndCharge(InvoiceIssuingService issuing, CardChargeService charges,
            CardGuard guard, SessionViewService sessionViews, ClientCards cards, CurrentUserService currentUsers,
            SettingsService settings) {
        this.issuing = issuing;
        this.charges = charges;
        this.guard = guard;
        this.sessionViews = sessionViews;
        this.cards = cards;
        this.currentUsers = currentUsers;
        this.settings = settings;
    }

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
        // What the one-session invoice bills: the client amount less any part prepaid packages cover (issue 17).
        if (!page.actions().mayInvoice() || session.billableAmountMinor() == null || session.billableAmountMinor() <= 0) {
            return Optional.empty();
        }
        CurrentUser user = currentUsers.require();
        ClientPayer payer = cards.payer(session.clientId()).orElse(null);
        if (payer == null || !payer.autopay() || !CardAccess.mayHandle(user, payer.addedByTutorId())) {
            return Optional.empty();
        }
        String reason = !guard.configured() ? CardPaymentsNotConfiguredException.MESSAGE
                : payer.card() == null || payer.stripePaymentMethodId() == null
                        ? "No card on file: send the card setup link from the client's page"
                        : null;
        return Optional.of(new ChargeOffer(session.id(), payer.id(), payer.name(), session.billableAmountMinor(),
                payer.card() == null ? null : payer.card().label(), payer.card() == null ? null : payer.card().expiry(),
                reason == null, reason));
    }

    /**
     * Issues a one-session invoice for the session (billing's rules and checks apply) and charges it
     * to the client's saved card off session.
     *
     * @param expectedAmountMinor the amount the confirmation showed; a different amount now is refused
     * @throws NotFoundException when the session is not the caller's to see
     * @throws AccessDeniedException when the caller may not charge this client
     * @throws CardPaymentsNotConfiguredException when card payments are off
     * @throws RuleViolationException when the client has no card or no autopay, the session cannot be
     *         billed (e.g. someone invoiced it a moment ago), or the amount changed
     */
    public ChargeResult confirmAndCharge(long sessionId, long expectedAmountMinor) {
        CurrentUser user = currentUsers.require();
        guard.requireConfigured();
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
        if (session.billableAmountMinor() == null || session.billableAmountMinor() != expectedAmountMinor) {
            throw new RuleViolationException("The amount is now " + settings.profile().formatMoney(
                    session.billableAmountMinor() == null ? 0 : session.billableAmountMinor())
                    + ": review and confirm again");
        }
        long invoiceId;
        try {
            invoiceId = issuing.create(new NewInvoice(session.clientId(), List.of(sessionId), List.of(),
                    issuing.defaultDueDate(), NewInvoice.Delivery.SEND_NOW, null));
        } catch (SessionAlreadyInvoicedException e) {
            throw new RuleViolationException("Someone invoiced this session a moment ago: it is not charged again."
                    + " Reload the page to see its invoice.");
        }
        // The charge was made when the issued invoice's event was handled, right after the commit; this
        // call only reports that attempt's outcome (the first attempt is made once, whoever comes first).
        return charges.chargeOnIssue(invoiceId, user.userId());
    }
}
