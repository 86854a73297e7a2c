package com.tutordesk.billing;

/**
 * Hosted Pay now pages of an invoice, as billing needs them when the office settles or cancels it by
 * hand (issue 12: "a pending hosted checkout must not block the office"). Declared here and
 * implemented by the card-payments module, so that billing never depends on it.
 */
public interface InvoiceCheckouts {

    /**
     * Called inside the transaction that moves an open invoice out of OPEN by hand (Mark as Paid,
     * Cancel Invoice), with the invoice row locked: a Pay now page still open for it no longer holds
     * the invoice, and is expired at Stripe once that transaction has committed. An off-session card
     * charge in flight is left alone (money may be moving: the move is then refused).
     *
     * @param why e.g. "invoice marked as paid", for the payment attempt's record
     */
    void closeOpenPages(long invoiceId, String why);
}
