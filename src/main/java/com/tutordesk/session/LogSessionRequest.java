package com.tutordesk.session;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * What the Log Session dialog submits.
 *
 * @param engagementId    the engagement (tutor + student + subject) the session is logged against
 * @param date            business-local date of the start
 * @param startTime       business-local wall-clock start time
 * @param durationMinutes 5–600 minutes
 * @param location        optional free text (at most {@link TutoringSession#LOCATION_MAX_LENGTH})
 * @param cancellation    not cancelled, cancelled in time (zero amounts) or a late cancellation / no-show
 *                        (amounts by the policy); {@code null} reads as not cancelled
 * @param requestKey      idempotency key chosen by the client once per dialog; the same key always
 *                        yields the same session, so a double click logs one session
 */
public record LogSessionRequest(Long engagementId, LocalDate date, LocalTime startTime, Integer durationMinutes,
        String location, Cancellation cancellation, String requestKey) {

    /** Shortest and longest session the dialog accepts, in minutes. */
    public static final int MIN_MINUTES = 5;
    public static final int MAX_MINUTES = 600;
    public static final int REQUEST_KEY_MAX_LENGTH = 64;

    public LogSessionRequest {
        cancellation = cancellation == null ? Cancellation.NONE : cancellation;
    }

    /** @param cancelled cancelled in time (zero amounts), or not cancelled */
    public LogSessionRequest(Long engagementId, LocalDate date, LocalTime startTime, Integer durationMinutes,
            String location, boolean cancelled, String requestKey) {
        this(engagementId, date, startTime, durationMinutes, location,
                cancelled ? Cancellation.IN_TIME : Cancellation.NONE, requestKey);
    }

    /** @return whether the session is cancelled in any way (in time, fee waived, or late) */
    public boolean cancelled() {
        return cancellation != Cancellation.NONE;
    }

    /** @return the same request on another date (for weekly repeats), with a key per occurrence */
    public LogSessionRequest on(LocalDate otherDate) {
        return new LogSessionRequest(engagementId, otherDate, startTime, durationMinutes, location, cancellation,
                requestKey);
    }
}
