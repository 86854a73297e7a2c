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
 * @param cancelled       logged as cancelled in time (zero amounts)
 * @param requestKey      idempotency key chosen by the client once per dialog; the same key always
 *                        yields the same session, so a double click logs one session
 */
public record LogSessionRequest(Long engagementId, LocalDate date, LocalTime startTime, Integer durationMinutes,
        String location, boolean cancelled, String requestKey) {

    /** Shortest and longest session the dialog accepts, in minutes. */
    public static final int MIN_MINUTES = 5;
    public static final int MAX_MINUTES = 600;
    public static final int REQUEST_KEY_MAX_LENGTH = 64;

    /** @return the same request on another date (for weekly repeats), with a key per occurrence */
    public LogSessionRequest on(LocalDate otherDate) {
        return new LogSessionRequest(engagementId, otherDate, startTime, durationMinutes, location, cancelled,
                requestKey);
    }
}
