package com.tutordesk.billing;

import java.time.LocalDate;
import java.util.List;

/**
 * What the admin chose on "Invoice all clients".
 *
 * @param cutOff    the last day included, business-local
 * @param tutorId   only this tutor's sessions, or {@code null}
 * @param subjectId only this subject's sessions, or {@code null}
 * @param clientIds the clients left ticked in the preview
 * @param delivery  send now, schedule, or save as drafts (as for one invoice)
 * @param sendOn    business-local send date when {@code delivery} is SCHEDULE, else ignored
 * @param dueDate   business-local due date of every invoice of the run
 */
public record BillingRunRequest(LocalDate cutOff, Long tutorId, Long subjectId, List<Long> clientIds,
        NewInvoice.Delivery delivery, LocalDate sendOn, LocalDate dueDate) {

    public BillingRunRequest {
        clientIds = clientIds == null ? List.of() : List.copyOf(clientIds);
        java.util.Objects.requireNonNull(delivery, "delivery");
    }
}
