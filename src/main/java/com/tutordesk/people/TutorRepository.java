package com.tutordesk.people;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TutorRepository extends JpaRepository<Tutor, Long> {

    @Query("select count(t) > 0 from Tutor t where t.email = :email and t.id <> :exceptId")
    boolean emailTaken(String email, long exceptId);

    @Query(value = """
            select new com.tutordesk.people.TutorRow(t.id, t.name, t.email, t.phone, t.active, t.enhancedAccess,
                   u.email, '')
            from Tutor t left join com.tutordesk.security.UserAccount u on u.tutorId = t.id
            where (:includeInactive = true or t.active = true)
              and (:search = '' or lower(t.name) like :search or lower(t.email) like :search)
            """, countQuery = """
            select count(t) from Tutor t
            where (:includeInactive = true or t.active = true)
              and (:search = '' or lower(t.name) like :search or lower(t.email) like :search)
            """)
    Page<TutorRow> findRows(String search, boolean includeInactive, Pageable pageable);

    @Query("select t.id, s.name from Tutor t join t.subjects s where t.id in :ids order by lower(s.name)")
    List<Object[]> findSubjectNames(Collection<Long> ids);

    @Query("select t from Tutor t where t.active = true order by lower(t.name)")
    List<Tutor> findActive();
}
