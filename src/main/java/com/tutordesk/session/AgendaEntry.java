package com.tutordesk.session;

import java.time.Instant;

/**
 * One session on the home page agenda: what a person needs to find their next sessions.
 *
 * @param id              session id (for {@code /sessions/{id}})
 * @param startsAt        start, UTC instant (format in the business zone)
 * @param endsAt          end, UTC instant
 * @param durationMinutes duration in minutes
 * @param status          status as of the time of the query
 * @param studentName     student
 * @param clientName      client (paying account)
 * @param subjectName     subject
 * @param tutorName       tutor
 * @param location        location, or {@code null}
 */
public record AgendaEntry(long id, Instant startsAt, Instant endsAt, int durationMinutes, SessionStatus status,
        String studentName, String clientName, String subjectName, String tutorName, String location) {
}
