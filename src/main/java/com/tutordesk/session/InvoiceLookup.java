package com.tutordesk.session;

import java.util.Optional;

/**
 * Which invoice a session is on, for the session page ("Invoiced on INV-000123") and for the
 * message that refuses editing an invoiced session ("cancel invoice INV-000123 first"). Declared
 * here and implemented by the billing module, so that the session module never depends on billing.
 */
public interface InvoiceLookup {

    /**
     * The non-cancelled invoice a session is on.
     *
     * @param invoiceId invoice id, for a link to {@code /invoices/{id}}
     * @param number    e.g. "INV-000123", or {@code null} for a draft (drafts have no number yet)
     * @param paid      whether the invoice is paid
     */
    record SessionInvoice(long invoiceId, String number, boolean paid) {

        /** @return the number, or "a draft invoice" */
        public String label() {
            return number == null ? "a draft invoice" : number;
        }
    }

    /** @return the non-cancelled invoice (draft, open or paid) the session is on, if any */
    Optional<SessionInvoice> invoiceOf(long sessionId);

    /** @return the number of the issued, non-cancelled invoice (open or paid) the session is on */
    default Optional<String> openInvoiceNumberFor(long sessionId) {
        return invoiceOf(sessionId).map(SessionInvoice::number);
    }
}
