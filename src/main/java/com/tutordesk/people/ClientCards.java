package com.tutordesk.people;

import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The card on file of clients and their autopay switch, for the card-payments module (issue 8).
 * Checks no role: the caller has checked that the user may handle this client's cards (domain.md
 * "Roles": cards — admins, Enhanced-Access tutors for their own clients), or is Stripe's verified
 * webhook. The rule kept here: automatic payments only with a card on file.
 */
@Service
public class ClientCards {

    private final ClientRepository clients;

    ClientCards(ClientRepository clients) {
        this.clients = clients;
    }

    /** @return the client as card payments need it, if it exists */
    @Transactional(readOnly = true)
    public Optional<ClientPayer> payer(long clientId) {
        return clients.findById(clientId).map(ClientCards::payer);
    }

    /** Records the Stripe customer made for the client (before any card is saved). */
    @Transactional
    public void rememberCustomer(long clientId, String customerId) {
        require(clientId).rememberCustomer(customerId);
    }

    /**
     * Saves (or replaces) the card on file. Autopay stays as it was.
     *
     * @throws NotFoundException when the client does not exist
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void saveCard(long clientId, String customerId, String paymentMethodId, CardOnFile card) {
        Client client = require(clientId);
        client.saveCard(customerId, paymentMethodId, card);
        clients.flush();
    }

    /** Forgets the card on file; automatic payments are switched off with it. */
    @Transactional
    public void removeCard(long clientId) {
        require(clientId).removeCard();
        clients.flush();
    }

    /**
     * Switches automatic payments on or off.
     *
     * @throws RuleViolationException when switching on without a card on file
     */
    @Transactional
    public void setAutopay(long clientId, boolean on) {
        Client client = require(clientId);
        if (on && client.getCard() == null) {
            throw new RuleViolationException("Automatic payments need a card on file: send the card setup link first");
        }
        client.setAutopay(on);
        clients.flush();
    }

    private Client require(long clientId) {
        return clients.findById(clientId).orElseThrow(() -> new NotFoundException("Client", clientId));
    }

    private static ClientPayer payer(Client c) {
        return new ClientPayer(c.getId(), c.getName(), c.getBillingContactName(), c.getBillingContactEmail(),
                c.getAddedByTutorId(), c.isActive(), c.isAutopay(), c.getStripeCustomerId(),
                c.getStripePaymentMethodId(), c.getCard());
    }
}
