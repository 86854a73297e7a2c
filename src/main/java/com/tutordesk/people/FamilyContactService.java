package com.tutordesk.people;

import com.tutordesk.security.ConfirmedEmailChange;
import com.tutordesk.security.CurrentUser;
import com.tutordesk.security.CurrentUserService;
import com.tutordesk.shared.Fields;
import com.tutordesk.shared.InvalidFieldException;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.Versions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A family's own contact details in the portal (issue 18, domain.md "Client portal": "correct their
 * contact details"): the billing contact's name, phone and address are corrected at once; the email,
 * which is also the portal sign-in email, only after the family confirmed it from the new address
 * ({@link com.tutordesk.security.ClientSignInEmailService}). Every change is recorded on the client's
 * history as made by the family. Only a CLIENT login, and only for its own client: another family's
 * id is "not found".
 */
@Service
public class FamilyContactService {

    private final ClientRepository clients;
    private final ClientChangeLog history;
    private final CurrentUserService currentUsers;

    FamilyContactService(ClientRepository clients, ClientChangeLog history, CurrentUserService currentUsers) {
        this.clients = clients;
        this.history = history;
        this.currentUsers = currentUsers;
    }

    /**
     * @return the signed-in family's details
     * @throws org.springframework.security.access.AccessDeniedException unless the caller is a family
     * @throws NotFoundException when the client was deleted since the login was made
     */
    @Transactional(readOnly = true)
    public FamilyContact mine() {
        CurrentUser family = currentUsers.requireClient();
        return contact(own(family.clientId()));
    }

    /**
     * Saves the family's correction of its billing contact name, phone and address.
     *
     * @param clientId        the family's client
     * @param expectedVersion {@link FamilyContact#version()} as the family read it
     * @return the details as saved (with the new version)
     * @throws org.springframework.security.access.AccessDeniedException unless the caller is a family
     * @throws NotFoundException when {@code clientId} is not the caller's family
     * @throws InvalidFieldException "contactName" (empty or too long), "contactPhone" (malformed or too
     *         long), "address" (too long), the message naming the field
     * @throws org.springframework.orm.ObjectOptimisticLockingFailureException when the office changed the
     *         client since the family read it
     */
    @Transactional
    public FamilyContact correct(long clientId, long expectedVersion, ContactCorrection correction) {
        Client client = own(clientId);
        Versions.require(Client.class, clientId, client.getVersion(), expectedVersion);
        String name = Fields.required("contactName", "Your name", correction.contactName(), Client.NAME_MAX_LENGTH);
        String phone = Fields.phone("contactPhone", "Phone", correction.phone(), Client.PHONE_MAX_LENGTH);
        String address = Fields.optional("address", "Address", correction.address(), Client.ADDRESS_MAX_LENGTH);
        ClientChangeLog.Snapshot before = ClientChangeLog.Snapshot.of(client);
        client.correctContact(name, phone, address);
        clients.saveAndFlush(client);
        history.byFamily(clientId, before, ClientChangeLog.Snapshot.of(client));
        return contact(client);
    }

    /**
     * Makes the confirmed address the billing email too, recorded on the history as the family's
     * change. Takes the proof of confirmation instead of checking a caller: the link may be opened
     * without signing in.
     *
     * @return the billing email until now (for the notice to the old address)
     * @throws NotFoundException when the client was deleted meanwhile
     */
    @Transactional
    public String applyConfirmedEmail(ConfirmedEmailChange confirmed) {
        Client client = clients.findById(confirmed.clientId())
                .orElseThrow(() -> new NotFoundException("Client", confirmed.clientId()));
        ClientChangeLog.Snapshot before = ClientChangeLog.Snapshot.of(client);
        client.changeBillingEmail(confirmed.newEmail());
        clients.saveAndFlush(client);
        history.byFamily(client.getId(), before, ClientChangeLog.Snapshot.of(client));
        return before.contactEmail();
    }

    private Client own(long clientId) {
        CurrentUser family = currentUsers.requireClient();
        if (!Long.valueOf(clientId).equals(family.clientId())) {
            throw new NotFoundException("Client", clientId);
        }
        return clients.findById(clientId).orElseThrow(() -> new NotFoundException("Client", clientId));
    }

    private static FamilyContact contact(Client c) {
        return new FamilyContact(c.getId(), c.getName(), c.getBillingContactName(), c.getBillingContactEmail(),
                c.getBillingContactPhone(), c.getAddress(), c.getVersion());
    }
}
