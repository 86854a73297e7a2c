package com.tutordesk.billing;

import java.time.LocalDate;
import java.util.List;

/**
 * Where a billing run is and what it did per client.
 *
 * @param runId    run id
 * @param cutOff   the run's cut-off date, business-local
 * @param delivery how its invoices go out
 * @param finished whether the job has gone through every client
 * @param clients  each client in preview order with its outcome
 */
public record BillingRunStatus(long runId, LocalDate cutOff, NewInvoice.Delivery delivery, boolean finished,
        List<Client> clients) {

    /**
     * @param clientId     client
     * @param clientName   client name
     * @param sessionCount sessions chosen at the preview
     * @param packageCount prepaid package lines added for the client (issue 17)
     * @param totalMinor   the sessions' total at the preview plus the packages' prices, minor units
     * @param autopay      whether the client paid automatically at the preview
     * @param done         whether the run has dealt with this client
     * @param outcome      PENDING, ISSUED, CHARGED, NOT_CHARGED, SCHEDULED, DRAFTED, ALREADY_INVOICED or FAILED
     * @param outcomeLabel the outcome in words
     * @param invoiceId    the invoice made, or {@code null}
     * @param message      why it failed, or what else happened; {@code null} when nothing to add
     */
    public record Client(long clientId, String clientName, int sessionCount, int packageCount, long totalMinor,
            boolean autopay,
            boolean done, String outcome, String outcomeLabel, Long invoiceId, String message) {
    }

    /** @return how many clients the run has dealt with */
    public long doneCount() {
        return clients.stream().filter(Client::done).count();
    }
}
