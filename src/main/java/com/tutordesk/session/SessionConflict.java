package com.tutordesk.session;

import java.time.Instant;

/**
 * An existing, non-cancelled session that overlaps the one being logged, of the same tutor or the
 * same student. Sessions the viewer may not open are described without names or id.
 *
 * @param sessionId   id, or {@code null} when the viewer may not open it
 * @param startsAt    start, UTC instant
 * @param endsAt      end, UTC instant
 * @param sameTutor   the tutor is double-booked
 * @param sameStudent the student is double-booked
 * @param description e.g. "Łucja Kowalska with Ingrid Åberg (Algebra II)", or "another session of the student"
 */
public record SessionConflict(Long sessionId, Instant startsAt, Instant endsAt, boolean sameTutor,
        boolean sameStudent, String description) {
}
