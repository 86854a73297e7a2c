package com.tutordesk.payroll;

import java.time.Instant;

/**
 * One session on a pay statement. For an approved or paid statement the values are those the
 * approval fixed; for an open one, the session's current ones.
 *
 * @param sessionId       session id (for a link to its page)
 * @param startsAt        start, UTC instant (shown as a business-local date)
 * @param studentName     student
 * @param subjectName     subject
 * @param durationMinutes duration in minutes
 * @param tutorWageMinor  tutor wage per hour copied at logging, minor units
 * @param earningsMinor   the session's stored tutor earnings, minor units
 * @param lateCancelled   whether it is a late cancellation (paid by the policy's share)
 * @param carriedFrom     the period of its date when it is paid in a later one ("carried forward from
 *                        …"), else {@code null}
 */
public record StatementLine(long sessionId, Instant startsAt, String studentName, String subjectName,
        int durationMinutes, long tutorWageMinor, long earningsMinor, boolean lateCancelled, PayPeriod carriedFrom) {

    /** @return "Completed" or "Late cancellation" */
    public String statusLabel() {
        return lateCancelled ? "Late cancellation" : "Completed";
    }
}
