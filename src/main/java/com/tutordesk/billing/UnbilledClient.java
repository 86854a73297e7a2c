package com.tutordesk.billing;

import java.time.Instant;

/**
 * A client with billable sessions on no invoice.
 *
 * @param clientId      client id
 * @param clientName    client
 * @param sessions      how many such sessions
 * @param amountMinor   Σ of their client amounts
 * @param oldestEnd     end of the oldest one (UTC instant)
 * @param label         the client as pickers and lists show it, with the billing contact
 *                      ({@link com.tutordesk.people.ClientLabel}): two "García family" clients differ
 */
public record UnbilledClient(long clientId, String clientName, long sessions, long amountMinor, Instant oldestEnd,
        String label) {
}
