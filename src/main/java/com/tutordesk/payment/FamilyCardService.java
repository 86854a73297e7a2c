package com.tutordesk.payment;

import com.tutordesk.people.CardOnFile;
import com.tutordesk.people.ClientCards;
import com.tutordesk.people.ClientPayer;
import com.tutordesk.security.CurrentUser;
import com.tutordesk.security.CurrentUserService;
import com.tutordesk.shared.NotFoundException;
import java.net.URI;
import org.springframework.stereotype.Service;

/**
 * A family's own card on file, for the client portal (issue 18, domain.md "Client portal": they can
 * save or replace a card). Saving goes through the same hosted Stripe setup page as the card setup
 * link the office emails (the same signed link), so the card number never reaches this app. For a
 * CLIENT login only, about its own client.
 */
@Service
public class FamilyCardService {

    private final ClientCards cards;
    private final StripeGateway stripe;
    private final PaymentLinks links;
    private final CurrentUserService currentUsers;

    FamilyCardService(ClientCards cards, StripeGateway stripe, PaymentLinks links, CurrentUserService currentUsers) {
        this.cards = cards;
        this.stripe = stripe;
        this.links = links;
        this.currentUsers = currentUsers;
    }

    /**
     * @param card      the card on file (brand, last four, expiry), or {@code null}
     * @param autopay   whether invoices are charged to it automatically when issued
     * @param setupLink the hosted page to save or replace the card, or {@code null} while card payments
     *                  are not configured or the client is deactivated
     */
    public record FamilyCard(CardOnFile card, boolean autopay, URI setupLink) {
    }

    /**
     * @return the signed-in family's card on file and where to save or replace it
     * @throws org.springframework.security.access.AccessDeniedException unless the caller is a client
     * @throws NotFoundException when the client no longer exists
     */
    public FamilyCard myCard() {
        CurrentUser family = currentUsers.requireClient();
        ClientPayer payer = cards.payer(family.clientId())
                .orElseThrow(() -> new NotFoundException("Client", family.clientId()));
        URI setup = stripe.configured() && payer.active() ? links.cardSetupLink(payer.id()) : null;
        return new FamilyCard(payer.card(), payer.chargesAutomatically(), setup);
    }
}
