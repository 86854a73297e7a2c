package com.tutordesk.billing;

import java.net.URI;
import java.util.Optional;

/**
 * Where a client can pay an invoice online ("Pay now" in the invoice email and PDF). Implemented by
 * the card-payments module (issue 8) when card payments are configured; without an implementation
 * invoices carry only the manual payment instructions.
 */
public interface InvoicePayLinks {

    /**
     * @param invoiceId an issued, open invoice
     * @return an absolute https link to pay exactly the open amount, or empty when card payments are
     *         not available for this invoice
     */
    Optional<URI> payLinkFor(long invoiceId);
}
