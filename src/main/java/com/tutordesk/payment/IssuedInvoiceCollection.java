package com.tutordesk.payment;

import com.tutordesk.billing.InvoiceCharges;
import com.tutordesk.billing.InvoiceIssued;
import com.tutordesk.people.ClientCards;
import com.tutordesk.people.ClientPayer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * The one place that decides what follows the issue of an invoice (domain.md "Payments": with autopay
 * "invoices are charged when issued"; otherwise "the business sends an invoice with a pay link"): an
 * autopay client's invoice is charged to the card on file — a receipt follows, or, when the card is
 * declined, the invoice with its Pay now link — and any other invoice is emailed with its Pay now link
 * (where card payments are on).
 *
 * <p>It reacts to {@link InvoiceIssued} after the issuing transaction committed, in the publishing
 * thread (module listeners run there, see {@code shared.ModuleEventsConfiguration}), so the person who
 * issued the invoice, or the billing run, sees the outcome at once. The event publication registry
 * keeps the event until this method returns; an issue whose charge or email did not happen (a crash)
 * is handed over again on restart. Both paths are idempotent: the first charge attempt is made only
 * once whoever comes first (the invoice row lock), and the email only while the invoice has none.
 */
@Component
class IssuedInvoiceCollection {

    private static final Logger log = LoggerFactory.getLogger(IssuedInvoiceCollection.class);

    private final CardChargeService charges;
    private final InvoiceCharges invoices;
    private final ClientCards cards;
    private final StripeGateway stripe;

    IssuedInvoiceCollection(CardChargeService charges, InvoiceCharges invoices, ClientCards cards,
            StripeGateway stripe) {
        this.charges = charges;
        this.invoices = invoices;
        this.cards = cards;
        this.stripe = stripe;
    }

    /** @return whether an invoice of this client issued now is charged to its card (autopay with a card, card payments on) */
    boolean chargesOnIssue(long clientId) {
        return stripe.configured() && cards.payer(clientId).map(ClientPayer::chargesAutomatically).orElse(false);
    }

    /**
     * Charges or emails the issued invoice. Outside any transaction (NOT_SUPPORTED): the charge makes
     * its own short transactions around the Stripe call, never one held open across it.
     */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(InvoiceIssued issued) {
        if (issued.totalMinor() > 0 && chargesOnIssue(issued.clientId())) {
            ChargeResult result = charges.chargeOnIssue(issued.invoiceId(), issued.issuedByUserId());
            log.info("Invoice {} charged when issued: {}", issued.number(), result.outcome());
            if (result.outcome() != ChargeResult.Outcome.NOT_CHARGED) {
                // Paid (a receipt is on its way), declined (the invoice went out with its pay link), or
                // in progress (settled by the background job).
                return;
            }
        }
        invoices.emailIssued(issued.invoiceId());
    }
}
