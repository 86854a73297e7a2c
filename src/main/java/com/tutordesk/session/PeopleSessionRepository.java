package com.tutordesk.session;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Sessions seen from a tutor, a client or an engagement (the directory pages). */
interface PeopleSessionRepository extends JpaRepository<TutoringSession, Long> {

    String ROW = """
            select new com.tutordesk.session.RelatedSession(s.id, s.engagement.id, s.startsAt, s.endsAt, s.durationMinutes,
                   s.status, s.billingState, t.name, st.name, c.name, sub.name, s.clientAmountMinor,
                   s.tutorEarningsMinor)
            from TutoringSession s
            join Student st on st.id = s.studentId
            join Client c on c.id = s.clientId
            join Subject sub on sub.id = s.subjectId
            join Tutor t on t.id = s.tutorId
            """;

    /** "Billable and on no invoice" (domain.md "Unbilled"): ended or late-cancelled, not cancelled in time. */
    String BILLABLE_UNBILLED = """
            s.billingState = com.tutordesk.session.BillingState.UNBILLED
            and s.status <> com.tutordesk.session.SessionStatus.CANCELLED
            and (s.status = com.tutordesk.session.SessionStatus.LATE_CANCELLED or s.endsAt <= :now)
            """;

    @Query(ROW + " where s.tutorId = :tutorId and s.startsAt <= :now order by s.startsAt desc, s.id desc")
    List<RelatedSession> findRecentOfTutor(long tutorId, Instant now, Pageable limit);

    @Query(ROW + """
             where s.tutorId = :tutorId and s.startsAt > :now
               and s.status = com.tutordesk.session.SessionStatus.SCHEDULED
             order by s.startsAt, s.id
            """)
    List<RelatedSession> findUpcomingOfTutor(long tutorId, Instant now);

    @Query(value = ROW + " where s.clientId = :clientId and (:tutorId is null or s.tutorId = :tutorId)",
            countQuery = "select count(s) from TutoringSession s where s.clientId = :clientId"
                    + " and (:tutorId is null or s.tutorId = :tutorId)")
    Page<RelatedSession> findOfClient(long clientId, Long tutorId, Pageable pageable);

    @Query(ROW + " where s.engagement.id = :engagementId order by s.startsAt desc, s.id desc")
    List<RelatedSession> findOfEngagement(long engagementId, Pageable limit);

    @Query("select s from TutoringSession s where s.engagement.id = :engagementId"
            + " and s.billingState = com.tutordesk.session.BillingState.UNBILLED")
    List<TutoringSession> findUnbilledOfEngagement(long engagementId);

    @Query("select count(s) from TutoringSession s where s.engagement.id = :engagementId"
            + " and s.billingState = com.tutordesk.session.BillingState.UNBILLED")
    long countUnbilledOfEngagement(long engagementId);

    @Query("select count(s) from TutoringSession s where s.engagement.id = :engagementId")
    long countOfEngagement(long engagementId);

    @Query("select s from TutoringSession s where s.id in :ids")
    List<TutoringSession> findAllByIds(Collection<Long> ids);

    @Query("select distinct s.clientId from TutoringSession s where " + BILLABLE_UNBILLED
            + " and (:tutorId is null or s.tutorId = :tutorId)")
    List<Long> findClientIdsWithUnbilled(Instant now, Long tutorId);

    @Query("select coalesce(sum(s.clientAmountMinor), 0) from TutoringSession s where s.clientId = :clientId and "
            + BILLABLE_UNBILLED + " and (:tutorId is null or s.tutorId = :tutorId)")
    long sumUnbilledOfClient(long clientId, Instant now, Long tutorId);
}
