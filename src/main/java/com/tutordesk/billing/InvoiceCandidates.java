package com.tutordesk.billing;

import com.tutordesk.session.BillableSession;
import java.time.LocalDate;
import java.util.List;

/**
 * What Create Invoice offers for one client.
 *
 * @param clientId       client id
 * @param clientName     client
 * @param billToName     billing contact (parent/guardian or the adult student)
 * @param billToEmail    where the invoice is emailed
 * @param billToAddress  postal address or {@code null}
 * @param sessions       the client's billable sessions on no invoice, oldest first (for an
 *                       Enhanced-Access tutor only their own sessions)
 * @param today          business-local today (the issue date when sent now)
 * @param defaultDueDate today + the due days (default 14)
 * @param currency       ISO 4217 currency of the business
 * @param onDrafts       the client's unbilled sessions (in the viewer's scope) that draft invoices hold,
 *                       so they are not offered again: draft id → how many sessions, oldest draft first
 */
public record InvoiceCandidates(long clientId, String clientName, String billToName, String billToEmail,
        String billToAddress, List<BillableSession> sessions, LocalDate today, LocalDate defaultDueDate,
        String currency, java.util.SortedMap<Long, Integer> onDrafts) {

    /** @return how many of the client's unbilled sessions are on drafts */
    public int sessionsOnDrafts() {
        return onDrafts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
