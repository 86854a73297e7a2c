package com.tutordesk.payment;

import com.tutordesk.billing.InvoiceAutoCharge;
import com.tutordesk.billing.InvoiceIssued;
import com.tutordesk.people.ClientCards;
import com.tutordesk.people.ClientPayer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Autopay (issue 8): tells billing which clients are charged when an invoice is issued, and charges
 * such an invoice once its issue has committed. The event comes through Spring Modulith's publication
 * registry, so an issue whose charge did not run (a crash) is handed over again on restart; the first
 * attempt is made only once whoever comes first.
 */
@Component
class InvoiceIssuedListener implements InvoiceAutoCharge {

    private static final Logger log = LoggerFactory.getLogger(InvoiceIssuedListener.class);

    private final CardCharges charges;
    private final ClientCards cards;
    private final StripeGateway stripe;

    InvoiceIssuedListener(CardCharges charges, ClientCards cards, StripeGateway stripe) {
        this.charges = charges;
        this.cards = cards;
        this.stripe = stripe;
    }

    @Override
    public boolean chargesOnIssue(long clientId) {
        return stripe.configured() && cards.payer(clientId).map(ClientPayer::chargesAutomatically).orElse(false);
    }

    /**
     * Runs after the issuing transaction committed, outside it (NOT_SUPPORTED: the charge makes its own
     * short transactions around the Stripe call, never one held open across it).
     */
    @TransactionalEventListener
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void on(InvoiceIssued issued) {
        if (!issued.awaitsCardCharge()) {
            return;
        }
        ChargeResult result = charges.chargeOnIssue(issued.invoiceId(), charges.currentUserId());
        log.info("Invoice {} charged when issued: {}", issued.number(), result.outcome());
        if (result.outcome() == ChargeResult.Outcome.NOT_CHARGED) {
            // Billing sent no payment request because a charge was expected: send the invoice now.
            charges.emailInsteadOfCharge(issued.invoiceId());
        }
    }
}
