package com.tutordesk.billing;

import java.util.List;

/**
 * Published when an invoice is cancelled (domain.md "Invoices": its sessions become unbilled again),
 * after its transaction commits, through the event publication registry (listeners must be
 * idempotent). A paid invoice is cancelled only once its payments are undone or refunded, so
 * {@code wasPaid} tells a listener that the money went back (e.g. a prepaid package loses its unused
 * hours; an unpaid package invoice loses its package).
 *
 * @param invoiceId  invoice id
 * @param clientId   the client
 * @param wasPaid    whether the invoice was PAID (its payments undone or refunded) rather than OPEN
 * @param sessionIds the sessions it released, now unbilled
 */
public record InvoiceCancelled(long invoiceId, long clientId, boolean wasPaid, List<Long> sessionIds) {

    public InvoiceCancelled {
        sessionIds = List.copyOf(sessionIds);
    }
}
