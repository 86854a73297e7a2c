package com.tutordesk.session;

import java.util.Optional;

/**
 * Which invoice a session is on. Declared here and implemented by the billing module, so that the
 * session module can name the invoice ("cancel invoice INV-000123 first") without depending on it.
 */
public interface InvoiceLookup {

    /**
     * @param sessionId a session id
     * @return the number of the open (not cancelled) invoice the session is on, e.g. "INV-000123",
     *         or empty when it is on none
     */
    Optional<String> openInvoiceNumberFor(long sessionId);
}
