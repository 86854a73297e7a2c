package com.tutordesk.session;

import java.time.Instant;

/**
 * Everything about one session that its viewer may see. Client rate and amount are {@code null}
 * for viewers who may not see them (domain.md roles).
 *
 * @param id                 session id
 * @param version            optimistic-lock version (for edits)
 * @param engagementId       engagement the session was logged against
 * @param startsAt           start, UTC instant
 * @param endsAt             end, UTC instant
 * @param timeZone           IANA zone the start was entered in
 * @param durationMinutes    duration in minutes
 * @param tutorId            tutor id
 * @param tutorName          tutor
 * @param studentName        student
 * @param clientId           client id
 * @param clientName         client
 * @param subjectName        subject
 * @param location           location or {@code null}
 * @param status             status as of now
 * @param billing            billing state as people see it ({@link BillingState#of})
 * @param rating             1–5 or {@code null}
 * @param report             session report or {@code null}
 * @param reportState        none / written / sent
 * @param internalNote       internal note or {@code null} (never leaves the business)
 * @param clientRateMinor    client rate per hour copied at logging, minor units, or {@code null} when hidden
 * @param clientAmountMinor  client amount, minor units, or {@code null} when hidden
 * @param tutorWageMinor     tutor wage per hour copied at logging, minor units
 * @param tutorEarningsMinor tutor earnings, minor units
 * @param currency           ISO 4217 currency of the amounts
 * @param createdAt          when it was logged
 * @param updatedAt          when it last changed
 * @param prepaidMinutes     minutes prepaid packages cover (issue 17), 0 when none
 * @param remainderMinutes   minutes billable after them, when some are prepaid
 * @param billableAmountMinor what is left to invoice: the client amount less the prepaid part, minor
 *                           units, or {@code null} when hidden
 */
public record SessionDetails(long id, long version, long engagementId, Instant startsAt, Instant endsAt,
        String timeZone, int durationMinutes, long tutorId, String tutorName, String studentName, long clientId,
        String clientName, String subjectName, String location, SessionStatus status, BillingState billing,
        Integer rating, String report, ReportState reportState, String internalNote, Long clientRateMinor,
        Long clientAmountMinor, long tutorWageMinor, long tutorEarningsMinor, String currency, Instant createdAt,
        Instant updatedAt, int prepaidMinutes, int remainderMinutes, Long billableAmountMinor) {

    /** @return e.g. "Prepaid" or "Prepaid 45 min + unbilled 15 min" ({@link BillingState#describe}) */
    public String billingText() {
        return BillingState.describe(billing, prepaidMinutes, remainderMinutes);
    }
}
