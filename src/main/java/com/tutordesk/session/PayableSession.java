package com.tutordesk.session;

import java.time.Instant;

/**
 * A session as payroll sees it (domain.md "Payroll"): who taught it, when, for how long, the tutor
 * wage copied at logging and the stored tutor earnings (never recomputed here).
 *
 * @param id                 session id
 * @param tutorId            tutor who gave it
 * @param startsAt           start, UTC instant
 * @param endsAt             end, UTC instant
 * @param durationMinutes    duration in minutes
 * @param status             status as of now (a scheduled session whose end has passed is completed)
 * @param studentName        student
 * @param subjectName        subject
 * @param tutorWageMinor     tutor wage per hour, minor units
 * @param tutorEarningsMinor tutor earnings as stored on the session, minor units
 */
public record PayableSession(long id, long tutorId, Instant startsAt, Instant endsAt, int durationMinutes,
        SessionStatus status, String studentName, String subjectName, long tutorWageMinor, long tutorEarningsMinor) {

    /** @return whether it counts for pay: completed (its end has passed) or late-cancelled */
    public boolean payable() {
        return status == SessionStatus.COMPLETED || status == SessionStatus.LATE_CANCELLED;
    }
}
