package com.tutordesk.portal;

import com.tutordesk.people.BillTo;
import com.tutordesk.people.BillingContacts;
import com.tutordesk.security.ClientLoginService;
import com.tutordesk.security.CurrentUser;
import com.tutordesk.security.CurrentUserService;
import com.tutordesk.shared.NotFoundException;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in family and their invitation link, for the portal's pages (issue 18). The family's
 * sessions and invoices come from {@link com.tutordesk.session.FamilySessionService} and
 * {@link com.tutordesk.billing.FamilyInvoiceService}, which scope by the same login.
 */
@Service
public class PortalService {

    private final CurrentUserService currentUsers;
    private final BillingContacts contacts;
    private final ClientLoginService logins;

    PortalService(CurrentUserService currentUsers, BillingContacts contacts, ClientLoginService logins) {
        this.currentUsers = currentUsers;
        this.contacts = contacts;
        this.logins = logins;
    }

    /**
     * @param clientName   the client (often a family), e.g. "Chen family"
     * @param contactName  the billing contact (who signs in)
     * @param contactEmail the billing contact's email
     */
    public record Family(String clientName, String contactName, String contactEmail) {
    }

    /**
     * @return the signed-in family
     * @throws org.springframework.security.access.AccessDeniedException unless the caller is a client
     * @throws NotFoundException when the client was deleted since the login was made
     */
    @Transactional(readOnly = true)
    public Family family() {
        CurrentUser family = currentUsers.requireClient();
        BillTo client = contacts.of(family.clientId()).orElseThrow(() -> new NotFoundException("Client",
                family.clientId()));
        return new Family(client.clientName(), client.contactName(), client.contactEmail());
    }

    /**
     * @param token the token from an invitation link (no sign-in needed: the token is the key)
     * @return the invitation the link opens, or empty when it does not work (expired, used, replaced)
     */
    public Optional<ClientLoginService.InvitationPreview> invitation(String token) {
        return logins.preview(token);
    }

    /**
     * Sets the password of the family's login from an invitation link.
     *
     * @return the email to sign in with
     * @throws com.tutordesk.shared.RuleViolationException when the link no longer works
     * @throws com.tutordesk.shared.InvalidFieldException "password" when the password policy refuses it
     */
    public String acceptInvitation(String token, String password) {
        return logins.accept(token, password);
    }
}
