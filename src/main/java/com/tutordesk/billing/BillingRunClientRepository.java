package com.tutordesk.billing;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface BillingRunClientRepository extends JpaRepository<BillingRunClient, Long> {

    /** @return the run's clients in preview order */
    @Query("select c from BillingRunClient c where c.runId = :runId order by c.position")
    List<BillingRunClient> clients(long runId);

    /** @return ids of the run's clients not done yet, in preview order */
    @Query("""
            select c.id from BillingRunClient c
            where c.runId = :runId and c.outcome = com.tutordesk.billing.BillingRunClient.Outcome.PENDING
            order by c.position""")
    List<Long> pendingClients(long runId);

    /** Locks one run client row until the transaction ends (one node at a time works on a client). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from BillingRunClient c where c.id = :id")
    Optional<BillingRunClient> lockClient(long id);
}
