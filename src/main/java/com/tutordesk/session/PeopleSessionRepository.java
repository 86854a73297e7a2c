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

    /** "Billable and on no invoice" (domain.md "Unbilled"), as everywhere: {@link BillingState#UNBILLED_JPQL}. */
    String BILLABLE_UNBILLED = BillingState.UNBILLED_JPQL;

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

    /** The sessions a rate change may re-price: unbilled and upcoming ones (never invoiced, paid or not billable). */
    @Query("select s from TutoringSession s where s.engagement.id = :engagementId and (" + BillingState.UNBILLED_JPQL
            + " or " + BillingState.UPCOMING_JPQL + ")")
    List<TutoringSession> findRepriceableOfEngagement(long engagementId, Instant now);

    @Query("select count(s) from TutoringSession s where s.engagement.id = :engagementId and "
            + BillingState.UNBILLED_JPQL)
    long countUnbilledOfEngagement(long engagementId, Instant now);

    @Query("select count(s) from TutoringSession s where s.engagement.id = :engagementId and "
            + BillingState.UPCOMING_JPQL)
    long countUpcomingOfEngagement(long engagementId, Instant now);

    @Query("select count(s) from TutoringSession s where s.engagement.id = :engagementId")
    long countOfEngagement(long engagementId);

    @Query("select s from TutoringSession s where s.id in :ids")
    List<TutoringSession> findAllByIds(Collection<Long> ids);

    @Query("select distinct s.clientId from TutoringSession s where " + BILLABLE_UNBILLED
            + " and (:tutorId is null or s.tutorId = :tutorId)")
    List<Long> findClientIdsWithUnbilled(Instant now, Long tutorId);

    @Query("select coalesce(sum(s.clientAmountMinor - s.prepaidAmountMinor), 0) from TutoringSession s where s.clientId = :clientId and "
            + BILLABLE_UNBILLED + " and (:tutorId is null or s.tutorId = :tutorId)")
    long sumUnbilledOfClient(long clientId, Instant now, Long tutorId);
}
