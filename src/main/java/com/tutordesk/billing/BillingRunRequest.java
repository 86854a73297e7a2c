package com.tutordesk.billing;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * @param packages  prepaid package lines per client id (issue 17), sold on that client's invoice; a
 *                  client listed here is invoiced even without billable sessions
 */
public record BillingRunRequest(LocalDate cutOff, Long tutorId, Long subjectId, List<Long> clientIds,
        NewInvoice.Delivery delivery, LocalDate sendOn, LocalDate dueDate,
        Map<Long, List<NewInvoice.PackageLine>> packages) {

    /** A run of sessions only. */
    public BillingRunRequest(LocalDate cutOff, Long tutorId, Long subjectId, List<Long> clientIds,
            NewInvoice.Delivery delivery, LocalDate sendOn, LocalDate dueDate) {
        this(cutOff, tutorId, subjectId, clientIds, delivery, sendOn, dueDate, Map.of());
    }

    public BillingRunRequest {
        clientIds = clientIds == null ? List.of() : List.copyOf(clientIds);
        java.util.Objects.requireNonNull(delivery, "delivery");
        Map<Long, List<NewInvoice.PackageLine>> copy = new LinkedHashMap<>();
        if (packages != null) {
            packages.forEach((client, lines) -> {
                if (lines != null && !lines.isEmpty()) {
                    copy.put(client, List.copyOf(lines));
                }
            });
        }
        packages = java.util.Collections.unmodifiableMap(copy);
    }

    /** @return the package lines for a client, possibly none */
    public List<NewInvoice.PackageLine> packagesOf(long clientId) {
        return packages.getOrDefault(clientId, List.of());
    }
}
