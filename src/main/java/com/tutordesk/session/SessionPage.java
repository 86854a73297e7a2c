package com.tutordesk.session;

import java.time.Instant;
import java.util.List;

/**
 * Everything the session page shows (issue 5), as its viewer may see it.
 *
 * @param details               the session's fields (client rate and amount {@code null} when hidden)
 * @param invoiceNumber         the invoice it is on, e.g. "INV-000123", or {@code null} (unbilled, or
 *                              not known without the billing module)
 * @param reportSentTo          the address the report was last sent to, or {@code null}
 * @param reportSentAt          when it was last sent (UTC), or {@code null}
 * @param reportEditedAfterSend the report changed after it was last sent
 * @param delivery              where the latest report email is, or {@code null} when none was sent
 * @param actions               what the viewer may do now
 * @param history               who changed what and when, newest first
 */
public record SessionPage(SessionDetails details, String invoiceNumber, String reportSentTo, Instant reportSentAt,
        boolean reportEditedAfterSend, ReportDelivery delivery, SessionActions actions,
        List<SessionHistoryLine> history) {

    /** @return the session version this page shows (sent back with every change) */
    public long version() {
        return details.version();
    }
}
