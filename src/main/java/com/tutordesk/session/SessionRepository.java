package com.tutordesk.session;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SessionRepository extends JpaRepository<TutoringSession, Long> {

    /** Agenda rows in one statement: names joined in SQL, no entity graph loaded. */
    @Query("""
            select new com.tutordesk.session.AgendaEntry(s.id, s.startsAt, s.endsAt, s.durationMinutes, s.status,
                   st.name, c.name, sub.name, t.name, s.location)
            from TutoringSession s
            join Student st on st.id = s.studentId
            join Client c on c.id = s.clientId
            join Subject sub on sub.id = s.subjectId
            join Tutor t on t.id = s.tutorId
            where s.startsAt >= :from and s.startsAt < :to
              and (:tutorId is null or s.tutorId = :tutorId)
            order by s.startsAt, s.id
            """)
    List<AgendaEntry> findAgenda(Instant from, Instant to, Long tutorId);

    @Query("select s.id from TutoringSession s where s.requestKey = :key")
    java.util.Optional<Long> findIdByRequestKey(String key);

    /** The occurrences of a series from {@code from} (a position) on, in series order. */
    @Query("select s from TutoringSession s where s.seriesId = :seriesId and s.seriesPosition >= :from"
            + " order by s.seriesPosition")
    List<TutoringSession> findSeriesFrom(long seriesId, int from);

    @Query("select count(s) from TutoringSession s where s.seriesId = :seriesId and s.seriesPosition > :position")
    int countFollowing(long seriesId, int position);

    /**
     * Scheduled sessions whose end has passed, oldest end first (the order they use package hours in), locked for update ({@code SELECT … FOR
     * UPDATE}) so that two nodes never complete the same one.
     */
    @org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
    @Query("""
            select s from TutoringSession s
            where s.status = com.tutordesk.session.SessionStatus.SCHEDULED and s.endsAt <= :now
            order by s.endsAt, s.id
            """)
    List<TutoringSession> findEndedScheduled(Instant now, org.springframework.data.domain.Pageable page);
}
