package com.tutordesk.billing;

/**
 * Whether a client's invoices are charged to the card on file as soon as they are issued (autopay,
 * issue 8). Declared here and implemented by the card-payments module, so billing never depends on
 * it. When it says yes, issuing sends no payment request: the card module charges the invoice on
 * {@link InvoiceIssued} and emails a receipt, or the invoice with its pay link when the charge fails
 * (through {@link InvoiceCharges}).
 */
public interface InvoiceAutoCharge {

    /** @return whether an invoice of this client issued now is charged to its card at once */
    boolean chargesOnIssue(long clientId);
}
