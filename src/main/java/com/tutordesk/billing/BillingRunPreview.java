package com.tutordesk.billing;

import java.time.LocalDate;
import java.util.List;

/**
 * What a billing run would invoice (issue 15): one row per client with billable sessions up to the
 * cut-off date, by client name.
 *
 * @param cutOff   the last day included, business-local
 * @param currency ISO 4217 currency of the totals
 * @param clients  the clients, by name
 */
public record BillingRunPreview(LocalDate cutOff, String currency, List<Client> clients) {

    /**
     * @param clientId       client
     * @param clientName     client name
     * @param billingContact the billing contact as shown (name and email)
     * @param contactEmail   the billing contact's email
     * @param sessionIds     the sessions the invoice would bill, oldest first
     * @param totalMinor     their client amounts, minor units
     * @param autopay        whether the client pays automatically by card on file
     */
    public record Client(long clientId, String clientName, String billingContact, String contactEmail,
            List<Long> sessionIds, long totalMinor, boolean autopay) {

        public Client {
            sessionIds = List.copyOf(sessionIds);
        }

        /** @return how many sessions the invoice would bill */
        public int sessionCount() {
            return sessionIds.size();
        }
    }

    public BillingRunPreview {
        clients = List.copyOf(clients);
    }

    /** @return the sum of all clients' totals, minor units */
    public long grandTotalMinor() {
        return clients.stream().mapToLong(Client::totalMinor).sum();
    }
}
