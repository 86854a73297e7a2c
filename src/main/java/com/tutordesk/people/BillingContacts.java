package com.tutordesk.people;

import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who an invoice is addressed to, for the billing module (one primary-key read). Checks no role: the
 * billing services check that the user may bill the client (domain.md "Roles": invoices), and its
 * background jobs act for the business.
 */
@Service
public class BillingContacts {

    private final ClientRepository clients;

    BillingContacts(ClientRepository clients) {
        this.clients = clients;
    }

    /** @return the client's billing contact as it is now, if the client exists */
    @Transactional(readOnly = true)
    public Optional<BillTo> of(long clientId) {
        return clients.findById(clientId).map(c -> new BillTo(c.getId(), c.getName(), c.getBillingContactName(),
                c.getBillingContactEmail(), c.getAddress(), c.getAddedByTutorId()));
    }
}
