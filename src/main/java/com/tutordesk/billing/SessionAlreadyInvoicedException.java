package com.tutordesk.billing;

import com.tutordesk.shared.RuleViolationException;

/**
 * A session chosen for a new invoice is already on another invoice that is not cancelled (domain.md:
 * a session is on at most one open invoice; the database's unique key
 * {@code uq_invoice_lines_active_session} enforces it, also against two people at the same moment).
 * Callers that repeat work (Confirm &amp; Charge, a billing run started again) read it as "already
 * invoiced"; a person sees the message.
 */
public class SessionAlreadyInvoicedException extends RuleViolationException {

    /** @param sessions how many of the chosen sessions are taken (0 when the database said so at the write) */
    SessionAlreadyInvoicedException(int sessions) {
        super(sessions == 0 ? "One of these sessions was just put on another invoice: reload the page"
                : sessions == 1 ? "One of these sessions is already on another invoice: reload the page"
                : sessions + " of these sessions are already on other invoices: reload the page");
    }
}
