package com.tutordesk.session;

/**
 * What the sessions list is narrowed to. Every part is optional ({@code null} = any). Whatever it
 * says, a tutor's results stay limited to their own sessions: the service adds that condition.
 *
 * @param dates     business-local date range of the session start
 * @param tutorId   one tutor
 * @param clientId  one client
 * @param studentId one student
 * @param subjectId one subject
 * @param status    one status, as of now (a scheduled session whose end has passed counts as completed)
 * @param report    report state
 * @param billing   billing state
 * @param text      words to find in the student, client or tutor name (case-insensitive)
 */
public record SessionFilter(DateRange dates, Long tutorId, Long clientId, Long studentId, Long subjectId,
        SessionStatus status, ReportState report, BillingState billing, String text) {

    /** Longest free-text search accepted. */
    public static final int TEXT_MAX_LENGTH = 100;

    /** Everything. */
    public static final SessionFilter NONE = new SessionFilter(DateRange.ALL, null, null, null, null, null, null,
            null, null);

    public SessionFilter {
        dates = dates == null ? DateRange.ALL : dates;
        text = text == null || text.isBlank() ? null : text.strip();
        if (text != null && text.length() > TEXT_MAX_LENGTH) {
            throw new IllegalArgumentException("Search text must be at most " + TEXT_MAX_LENGTH + " characters");
        }
    }

    public SessionFilter withDates(DateRange range) {
        return new SessionFilter(range, tutorId, clientId, studentId, subjectId, status, report, billing, text);
    }
}
