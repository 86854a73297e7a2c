package com.tutordesk.portal;

import com.tutordesk.mail.HtmlEmail;
import com.tutordesk.mail.MailOutbox;
import com.tutordesk.mail.MailReference;
import com.tutordesk.mail.OutgoingEmail;
import com.tutordesk.people.ClientDetails;
import com.tutordesk.people.ClientService;
import com.tutordesk.security.ClientLoginService;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import java.net.URI;
import java.time.format.TextStyle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The client page's portal actions (issue 18): "Invite to portal", where the client stands (never /
 * invited / active / disabled) and "Disable portal login". Allowed to whoever may manage the client
 * (domain.md "Roles": admins, and the Enhanced-Access tutor who added it); anyone else gets "not
 * found", as for a missing client.
 */
@Service
public class PortalInvitationService {

    /** Reference type of invitation emails in the outbox (id = the client). */
    public static final String MAIL_REFERENCE = "PORTAL_INVITATION";

    /** Path of the set-password page; the token follows. */
    public static final String WELCOME_PATH = "portal/welcome/";

    private final ClientService clients;
    private final ClientLoginService logins;
    private final MailOutbox outbox;
    private final SettingsService settings;

    PortalInvitationService(ClientService clients, ClientLoginService logins, MailOutbox outbox,
            SettingsService settings) {
        this.clients = clients;
        this.logins = logins;
        this.outbox = outbox;
        this.settings = settings;
    }

    /**
     * Invites the client's billing contact: an email with a one-time link to set a password (valid 7
     * days) goes to the outbox in this transaction; an earlier link stops working.
     *
     * @return what happened to the email, e.g. "Invitation queued for ann@example.org" (never "sent":
     *         it is only queued, issue 12)
     * @throws com.tutordesk.shared.NotFoundException when the client does not exist or the caller may
     *         not manage it
     * @throws com.tutordesk.shared.InvalidFieldException "email" when the billing contact's email
     *         already signs in to another login
     */
    @Transactional
    public String invite(long clientId) {
        ClientDetails client = clients.get(clientId);
        ClientLoginService.Invitation invitation = logins.invite(clientId, client.form().contactEmail(),
                client.form().contactName());
        BusinessProfile business = settings.profile();
        URI link = logins.portalAddress(WELCOME_PATH + invitation.token());
        String until = business.formatDateTime(invitation.expiresAt()) + " ("
                + business.zone().getDisplayName(TextStyle.FULL, business.locale()) + ")";
        long id = outbox.enqueue(OutgoingEmail.of(new MailReference(MAIL_REFERENCE, clientId), invitation.email(),
                "Your family portal at " + business.name(),
                HtmlEmail.titled("Your family portal at " + business.name())
                        .paragraph("Hello " + client.form().contactName() + ",")
                        .paragraph(business.name() + " invites you to its family portal: your students' upcoming"
                                + " sessions, the session reports, your invoices and payments, in one place.")
                        .paragraph("Choose a password to start. You will then sign in with " + invitation.email()
                                + ".")
                        .link("Set your password", link)
                        .paragraph("The link works once, until " + until + ". If it has expired, ask us for a new"
                                + " one. If you did not expect this email, ignore it.")
                        .footer("Sent by " + business.name())
                        .build()));
        return "Invitation " + outbox.message(id).queuedText();
    }

    /**
     * @return where the client stands with the portal
     * @throws com.tutordesk.shared.NotFoundException when the client does not exist or the caller may
     *         not manage it
     */
    @Transactional(readOnly = true)
    public ClientLoginService.Status status(long clientId) {
        clients.get(clientId);
        return logins.status(clientId);
    }

    /**
     * "Disable portal login": the family can no longer sign in (signed out at its next click) and an
     * open invitation link stops working.
     *
     * @throws com.tutordesk.shared.NotFoundException when the client does not exist or the caller may
     *         not manage it
     */
    @Transactional
    public void disable(long clientId) {
        clients.get(clientId);
        logins.disable(clientId);
    }
}
