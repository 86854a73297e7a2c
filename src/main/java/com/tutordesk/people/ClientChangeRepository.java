package com.tutordesk.people;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ClientChangeRepository extends JpaRepository<ClientChange, Long> {

    /** The client's history, newest first (ties in the same instant: the later row first). */
    @Query("""
            select new com.tutordesk.people.ClientHistoryRow(c.changedAt, c.field, c.oldValue, c.newValue, c.byFamily,
                   c.byName)
            from ClientChange c where c.clientId = :clientId order by c.changedAt desc, c.id desc""")
    List<ClientHistoryRow> findHistory(long clientId);
}
