package com.tutordesk.session;

import java.time.Instant;

/**
 * One line of the sessions list: ids and names for display and links, no entity graph. Amounts the
 * viewer may not see are {@code null} (domain.md roles: a plain tutor never sees client amounts).
 *
 * @param id                 session id
 * @param startsAt           start, UTC instant
 * @param endsAt             end, UTC instant
 * @param durationMinutes    duration in minutes
 * @param status             status as of the query
 * @param studentName        student
 * @param clientName         client
 * @param tutorName          tutor
 * @param subjectName        subject
 * @param location           location or {@code null}
 * @param report             report state
 * @param billing            billing state as people see it ({@link BillingState#of})
 * @param clientAmountMinor  client amount in minor units, or {@code null} when hidden from the viewer
 * @param tutorEarningsMinor tutor earnings in minor units
 * @param rating             1–5 or {@code null}
 * @param prepaidMinutes     minutes prepaid packages cover (issue 17), 0 when none
 * @param remainderMinutes   minutes billable after them, when some are prepaid
 */
public record SessionRow(long id, Instant startsAt, Instant endsAt, int durationMinutes, SessionStatus status,
        String studentName, String clientName, String tutorName, String subjectName, String location,
        ReportState report, BillingState billing, Long clientAmountMinor, long tutorEarningsMinor, Integer rating,
        int prepaidMinutes, int remainderMinutes) {

    /** @return e.g. "Unbilled", "Prepaid" or "Prepaid 45 min + unbilled 15 min" ({@link BillingState#describe}) */
    public String billingText() {
        return BillingState.describe(billing, prepaidMinutes, remainderMinutes);
    }

    /** @return whether the session is on an invoice (open or paid) */
    public boolean invoiced() {
        return billing == BillingState.INVOICED || billing == BillingState.PAID;
    }

    /** @return whether the session is paid */
    public boolean paid() {
        return billing == BillingState.PAID;
    }

    /** @return whether the session starts after {@code now} */
    public boolean upcoming(Instant now) {
        return startsAt.isAfter(now);
    }
}
