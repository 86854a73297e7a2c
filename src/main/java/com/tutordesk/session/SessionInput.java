package com.tutordesk.session;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * The checks a logged or edited session's fields must pass, shared by logging and editing so both
 * refuse the same input with the same words (each message names the field).
 */
final class SessionInput {

    /** How far back a session may be logged: older dates are typing mistakes (e.g. 1900), not history. */
    static final int MAX_YEARS_BACK = 10;
    /** How far ahead a session may be scheduled. */
    static final int MAX_YEARS_AHEAD = 2;

    private SessionInput() {
    }

    /**
     * @param today the business-local date, for the sane date range
     * @throws IllegalArgumentException naming the first field that is missing or out of range
     */
    static void check(Long engagementId, LocalDate date, LocalTime startTime, Integer minutes, String location,
            LocalDate today) {
        if (engagementId == null) {
            throw new IllegalArgumentException("Engagement is required");
        }
        if (date == null) {
            throw new IllegalArgumentException("Date is required");
        }
        LocalDate earliest = today.minusYears(MAX_YEARS_BACK);
        LocalDate latest = today.plusYears(MAX_YEARS_AHEAD);
        if (date.isBefore(earliest) || date.isAfter(latest)) {
            throw new IllegalArgumentException("Date must be between " + earliest + " and " + latest);
        }
        if (startTime == null) {
            throw new IllegalArgumentException("Start time is required");
        }
        if (minutes == null || minutes < LogSessionRequest.MIN_MINUTES || minutes > LogSessionRequest.MAX_MINUTES) {
            throw new IllegalArgumentException("Duration must be between " + LogSessionRequest.MIN_MINUTES + " and "
                    + LogSessionRequest.MAX_MINUTES + " minutes");
        }
        if (location != null && location.strip().length() > TutoringSession.LOCATION_MAX_LENGTH) {
            throw new IllegalArgumentException("Location must be at most " + TutoringSession.LOCATION_MAX_LENGTH
                    + " characters");
        }
    }
}
