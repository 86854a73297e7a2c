package com.tutordesk.billing;

/**
 * What billing needs to know of card refunds to let a paid invoice be cancelled (issue 12: "a paid
 * invoice can be cancelled only after its payments are undone or refunded; card payments are
 * refunded, not undone"). Declared here and implemented by the card-payments module, so that billing
 * never depends on it.
 */
public interface InvoiceRefunds {

    /** @return the sum of the invoice's card refunds that Stripe reports as succeeded, minor units */
    long refundedMinor(long invoiceId);
}
