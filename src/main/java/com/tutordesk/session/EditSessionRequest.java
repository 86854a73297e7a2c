package com.tutordesk.session;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * What the Edit Session dialog submits (issue 5 "Edit Session").
 *
 * @param sessionId       the session
 * @param seenVersion     the session version the dialog was opened on (optimistic locking)
 * @param engagementId    the engagement, the session's own or another one to move it to
 * @param date            business-local date of the start
 * @param startTime       business-local wall-clock start time
 * @param durationMinutes {@value LogSessionRequest#MIN_MINUTES}–{@value LogSessionRequest#MAX_MINUTES} minutes
 * @param location        optional, at most {@link TutoringSession#LOCATION_MAX_LENGTH} characters
 * @param cancellation    not cancelled; cancelled in time (both amounts 0: refused inside the
 *                        late-cancellation window); fee waived (0 on purpose); or a late cancellation
 *                        (policy amounts). Ignored for a late-cancelled session, which keeps its status
 *                        until the late cancellation is undone. {@code null} reads as not cancelled.
 */
public record EditSessionRequest(long sessionId, long seenVersion, Long engagementId, LocalDate date,
        LocalTime startTime, Integer durationMinutes, String location, Cancellation cancellation) {

    public EditSessionRequest {
        cancellation = cancellation == null ? Cancellation.NONE : cancellation;
    }

    /** @param cancelled cancelled in time, or not cancelled */
    public EditSessionRequest(long sessionId, long seenVersion, Long engagementId, LocalDate date,
            LocalTime startTime, Integer durationMinutes, String location, boolean cancelled) {
        this(sessionId, seenVersion, engagementId, date, startTime, durationMinutes, location,
                cancelled ? Cancellation.IN_TIME : Cancellation.NONE);
    }

    /** @return whether the session is to be cancelled in any way */
    public boolean cancelled() {
        return cancellation != Cancellation.NONE;
    }

    /** @return the same fields as the Log Session dialog's request (for its preview) */
    LogSessionRequest asLogRequest() {
        return new LogSessionRequest(engagementId, date, startTime, durationMinutes, location, cancellation, null);
    }
}
