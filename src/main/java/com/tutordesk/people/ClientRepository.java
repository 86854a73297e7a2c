package com.tutordesk.people;

import java.util.Collection;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ClientRepository extends JpaRepository<Client, Long> {

    long countByAddedByTutorId(long tutorId);

    /**
     * One page of clients. {@code addedBy} null = all clients (admins), else only those the tutor
     * added; {@code onlyIds} null = no restriction; {@code autopay} null = either.
     */
    @Query(value = """
            select new com.tutordesk.people.ClientRow(c.id, c.name, c.billingContactName, c.billingContactEmail,
                   c.billingContactPhone, c.studentPays, c.autopay, c.active,
                   (select count(s) from Student s where s.client = c and s.active = true))
            from Client c
            where (:addedBy is null or c.addedByTutorId = :addedBy)
              and (:includeInactive = true or c.active = true)
              and (:autopay is null or c.autopay = :autopay)
              and (:restrict = false or c.id in :onlyIds)
              and (:search = '' or lower(c.name) like :search or lower(c.billingContactName) like :search
                   or lower(c.billingContactEmail) like :search
                   or exists (select 1 from Student s where s.client = c and lower(s.name) like :search))
            """, countQuery = """
            select count(c) from Client c
            where (:addedBy is null or c.addedByTutorId = :addedBy)
              and (:includeInactive = true or c.active = true)
              and (:autopay is null or c.autopay = :autopay)
              and (:restrict = false or c.id in :onlyIds)
              and (:search = '' or lower(c.name) like :search or lower(c.billingContactName) like :search
                   or lower(c.billingContactEmail) like :search
                   or exists (select 1 from Student s where s.client = c and lower(s.name) like :search))
            """)
    Page<ClientRow> findRows(Long addedBy, boolean includeInactive, Boolean autopay, boolean restrict,
            Collection<Long> onlyIds, String search, Pageable pageable);

    @Query("select new com.tutordesk.people.ClientKey(c.id, c.name, c.billingContactName, c.billingContactEmail)"
            + " from Client c order by c.id")
    java.util.List<ClientKey> findKeys();
}
