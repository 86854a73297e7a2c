package com.tutordesk.portal;

import com.tutordesk.mail.HtmlEmail;
import com.tutordesk.mail.MailOutbox;
import com.tutordesk.mail.MailReference;
import com.tutordesk.mail.OutgoingEmail;
import com.tutordesk.people.FamilyContactService;
import com.tutordesk.security.ClientLoginService;
import com.tutordesk.security.ClientSignInEmailService;
import com.tutordesk.security.ConfirmedEmailChange;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import java.net.URI;
import java.time.format.TextStyle;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A family changes its email in the portal (issue 18). The billing email is also the portal sign-in
 * email, so the change waits for the family to open a one-time link sent to the new address (valid
 * {@link ClientSignInEmailService#LINK_VALIDITY}); confirming changes both the sign-in email and the
 * billing email in one transaction, records it on the client's history and tells the old address.
 * Every email goes through the outbox in the caller's transaction (sent iff the change commits).
 */
@Service
public class PortalEmailChangeService {

    /** Reference type of confirm-new-email emails and of the notices to the old address (id = the client). */
    public static final String MAIL_REFERENCE = "PORTAL_EMAIL_CHANGE";

    /** Path of the confirmation page; the token follows. */
    public static final String CONFIRM_PATH = "portal/email/";

    private final ClientSignInEmailService emails;
    private final FamilyContactService contacts;
    private final ClientLoginService logins;
    private final MailOutbox outbox;
    private final SettingsService settings;

    PortalEmailChangeService(ClientSignInEmailService emails, FamilyContactService contacts, ClientLoginService logins,
            MailOutbox outbox, SettingsService settings) {
        this.emails = emails;
        this.contacts = contacts;
        this.logins = logins;
        this.outbox = outbox;
        this.settings = settings;
    }

    /**
     * The signed-in family asks to change its email: a confirmation link goes to the new address
     * through the outbox; nothing changes until it is opened. An earlier open link stops working.
     *
     * @param clientId the family's client
     * @param newEmail the new address
     * @return what happened to the email, e.g. "Confirmation link queued for new@example.org" (never
     *         "sent": it is only queued), or "held: no mail server configured" in the same shape
     * @throws org.springframework.security.access.AccessDeniedException unless the caller is a family
     * @throws com.tutordesk.shared.NotFoundException when {@code clientId} is not the caller's family
     * @throws com.tutordesk.shared.InvalidFieldException "email" when malformed, too long, unchanged, or
     *         asked again within a minute
     */
    @Transactional
    public String request(long clientId, String newEmail) {
        ClientSignInEmailService.Request request = emails.request(clientId, newEmail);
        BusinessProfile business = settings.profile();
        URI link = logins.portalAddress(CONFIRM_PATH + request.token());
        String until = business.formatDateTime(request.expiresAt()) + " ("
                + business.zone().getDisplayName(TextStyle.FULL, business.locale()) + ")";
        long id = outbox.enqueue(OutgoingEmail.of(new MailReference(MAIL_REFERENCE, clientId), request.newEmail(),
                "Confirm your new email for " + business.name(),
                HtmlEmail.titled("Confirm your new email")
                        .paragraph("Hello " + request.displayName() + ",")
                        .paragraph("You asked to use " + request.newEmail() + " as your family's email at "
                                + business.name() + ": for invoices and messages, and to sign in to your family"
                                + " portal.")
                        .link("Confirm this email", link)
                        .paragraph("Nothing changes until you confirm. The link works once, until " + until
                                + ". If you did not ask for this, ignore this email.")
                        .footer("Sent by " + business.name())
                        .build()));
        return "Confirmation link " + outbox.message(id).queuedText();
    }

    /**
     * @return the family's change waiting for its link, if any
     * @throws org.springframework.security.access.AccessDeniedException unless the caller is a family
     * @throws com.tutordesk.shared.NotFoundException when {@code clientId} is not the caller's family
     */
    public Optional<ClientSignInEmailService.Preview> pending(long clientId) {
        return emails.pending(clientId);
    }

    /**
     * @param token the token from a confirmation link (no sign-in needed: the token is the key)
     * @return the change the link confirms, or empty when it does not work (expired, used, replaced)
     */
    public Optional<ClientSignInEmailService.Preview> preview(String token) {
        return emails.preview(token);
    }

    /**
     * Confirms a change from its link: the portal sign-in email and the billing email both become the
     * new address, the client's history records it as the family's change, and the old address (the
     * old sign-in email, and the old billing email if it differed) gets a notice.
     *
     * @return the new email, to sign in with
     * @throws com.tutordesk.shared.RuleViolationException when the link no longer works, or the address
     *         has meanwhile become another login's sign-in email (the message says what to do)
     */
    @Transactional
    public String confirm(String token) {
        ConfirmedEmailChange confirmed = emails.confirm(token);
        String oldBilling = contacts.applyConfirmedEmail(confirmed);
        BusinessProfile business = settings.profile();
        Set<String> oldAddresses = new LinkedHashSet<>();
        oldAddresses.add(confirmed.oldSignInEmail());
        if (oldBilling != null) {
            oldAddresses.add(oldBilling.toLowerCase(java.util.Locale.ROOT));
        }
        oldAddresses.remove(confirmed.newEmail());
        for (String old : oldAddresses) {
            outbox.enqueue(OutgoingEmail.of(new MailReference(MAIL_REFERENCE, confirmed.clientId()), old,
                    "Your family's email at " + business.name() + " was changed",
                    HtmlEmail.titled("Your email was changed")
                            .paragraph("Your family's email at " + business.name() + " is now "
                                    + confirmed.newEmail() + ": invoices and messages go there, and the family"
                                    + " portal signs in with it. This address (" + old + ") is no longer used.")
                            .paragraph("The change was confirmed from the new address. If you did not ask for it,"
                                    + " contact " + business.name() + " right away.")
                            .footer("Sent by " + business.name())
                            .build()));
        }
        return confirmed.newEmail();
    }
}
