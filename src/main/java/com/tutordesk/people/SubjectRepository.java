package com.tutordesk.people;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SubjectRepository extends JpaRepository<Subject, Long> {

    @Query("select count(s) > 0 from Subject s where lower(s.name) = lower(:name) and s.id <> :exceptId")
    boolean nameTaken(String name, long exceptId);

    @Query("""
            select new com.tutordesk.people.SubjectRow(s.id, s.name, s.active,
                   (select count(t) from Tutor t join t.subjects ts where ts.id = s.id), 0L, s.version)
            from Subject s
            where (:includeInactive = true or s.active = true)
            order by s.active desc, lower(s.name)
            """)
    List<SubjectRow> findRows(boolean includeInactive);

    @Query("select count(t) from Tutor t join t.subjects s where s.id = :subjectId")
    long countTutors(long subjectId);
}
