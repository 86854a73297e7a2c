package com.tutordesk.engagement;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface EngagementRepository extends JpaRepository<Engagement, Long> {

    String ROW = """
            select new com.tutordesk.engagement.EngagementRow(e.id, t.id, t.name, st.id, st.name, c.id, c.name,
                   sub.name, e.clientRateMinor, e.tutorWageMinor, e.currency, e.defaultDurationMinutes, e.active,
                   e.version)
            from Engagement e join e.tutor t join e.student st join st.client c join e.subject sub
            """;

    @Query(ROW + " where t.id = :tutorId order by e.active desc, lower(st.name), lower(sub.name)")
    List<EngagementRow> findRowsOfTutor(long tutorId);

    @Query(ROW + " where c.id = :clientId and (:tutorId is null or t.id = :tutorId)"
            + " order by e.active desc, lower(st.name), lower(sub.name)")
    List<EngagementRow> findRowsOfClient(long clientId, Long tutorId);

    @Query(ROW + " where e.id = :id")
    Optional<EngagementRow> findRow(long id);

    @Query("select e from Engagement e where e.tutor.id = :tutorId and e.student.id = :studentId"
            + " and e.subject.id = :subjectId")
    Optional<Engagement> findDuplicate(long tutorId, long studentId, long subjectId);

    long countByTutorId(long tutorId);

    long countByStudentId(long studentId);

    long countBySubjectId(long subjectId);

    @Query("select count(e) from Engagement e where e.student.client.id = :clientId")
    long countByClientId(long clientId);
}
