package com.tutordesk.session;

/**
 * What the viewer may do on one session right now, so that the page shows only what the services
 * would accept (the services check again: domain.md "Roles", issue 5 rules).
 *
 * @param mayRate            the session has taken place (rating needs that)
 * @param maySendReport      the report may be emailed now (the session has started and was not
 *                           cancelled in time)
 * @param sendBlockedReason  why not, when {@code maySendReport} is false
 * @param mayEdit            every field of Edit Session, Late Cancellation and Delete are allowed (unbilled)
 * @param mayLateCancel      Late Cancellation is offered (not late-cancelled yet)
 * @param mayUndoLateCancel  Undo late cancellation is offered
 * @param mayDelete          Delete is offered
 * @param billingLock        why editing and deleting are refused ("… cancel invoice INV-… first"), or
 *                           {@code null} when the session is unbilled
 * @param mayInvoice         "Send invoice" is offered (a completed unbilled session, for those who
 *                           handle invoices: admins and Enhanced-Access tutors)
 * @param mayEditLocation    Edit Session is offered for the location alone (an invoiced or paid session:
 *                           only what changes money is locked, issue 12)
 */
public record SessionActions(boolean mayRate, boolean maySendReport, String sendBlockedReason, boolean mayEdit,
        boolean mayLateCancel, boolean mayUndoLateCancel, boolean mayDelete, String billingLock, boolean mayInvoice,
        boolean mayEditLocation) {
}
