package com.tutordesk.dashboard;

import java.time.Instant;

/**
 * A session of the signed-in tutor that has taken place and has no report yet.
 *
 * @param sessionId   the session (its page is {@code /sessions/{id}})
 * @param startsAt    start, UTC instant
 * @param studentName student
 * @param subjectName subject
 */
public record ReportWaiting(long sessionId, Instant startsAt, String studentName, String subjectName) {
}
