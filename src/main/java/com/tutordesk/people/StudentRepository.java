package com.tutordesk.people;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface StudentRepository extends JpaRepository<Student, Long> {

    @Query("""
            select new com.tutordesk.people.StudentRow(s.id, c.id, c.name, s.name, s.gradeLevel, s.email, s.notes,
                   s.active, s.version, false)
            from Student s join s.client c
            where c.id = :clientId
            order by s.active desc, lower(s.name)
            """)
    List<StudentRow> findRowsOfClient(long clientId);

    @Query("select count(s) > 0 from Student s where s.client.id = :clientId and lower(s.name) = lower(:name)"
            + " and s.id <> :exceptId")
    boolean nameTaken(long clientId, String name, long exceptId);

    List<Student> findByClientId(long clientId);

    @Query("""
            select new com.tutordesk.people.StudentRow(s.id, c.id, c.name, s.name, s.gradeLevel, s.email, s.notes,
                   s.active, s.version, false)
            from Student s join s.client c
            where s.active = true and c.active = true
              and (:addedBy is null or c.addedByTutorId = :addedBy)
              and (:search = '' or lower(s.name) like :search or lower(c.name) like :search)
            order by lower(s.name), s.id
            """)
    List<StudentRow> findPickable(Long addedBy, String search, org.springframework.data.domain.Pageable pageable);
}
