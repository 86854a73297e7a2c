package com.tutordesk.prepaid;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface PrepaidPackageRepository extends JpaRepository<PrepaidPackage, Long> {

    /**
     * The engagement's packages and those the session uses now, locked for the rest of the transaction
     * ({@code SELECT … FOR UPDATE}), always in id order so that two settling transactions cannot deadlock.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("""
            select p from PrepaidPackage p
            where p.engagementId = :engagementId
               or p.id in (select u.packageId from PackageUsage u where u.sessionId = :sessionId)
            order by p.id
            """)
    List<PrepaidPackage> lockForSettling(long engagementId, long sessionId);

    /** The invoice's packages, locked, in id order. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from PrepaidPackage p where p.invoiceId = :invoiceId order by p.id")
    List<PrepaidPackage> lockOfInvoice(long invoiceId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from PrepaidPackage p where p.id = :id")
    Optional<PrepaidPackage> lockById(long id);

    Optional<PrepaidPackage> findByInvoiceLineId(long invoiceLineId);

    @Query("""
            select coalesce(sum(p.minutesBought - p.minutesUsed - p.refundedMinutes), 0) from PrepaidPackage p
            where p.engagementId = :engagementId and p.state = com.tutordesk.prepaid.PrepaidPackage.Stored.ACTIVE
            """)
    long minutesLeftOf(long engagementId);

    @Query("""
            select distinct p.engagementId from PrepaidPackage p
            where p.state = com.tutordesk.prepaid.PrepaidPackage.Stored.ACTIVE
              and p.minutesBought - p.minutesUsed - p.refundedMinutes > 0
            """)
    List<Long> engagementsWithMinutesLeft();

    @Query("select p from PrepaidPackage p where p.invoiceId = :invoiceId order by p.id")
    List<PrepaidPackage> findOfInvoice(long invoiceId);

    @Query("select p from PrepaidPackage p where p.clientId = :clientId order by p.paidAt, p.id")
    List<PrepaidPackage> findOfClient(long clientId);

    @Query("select p from PrepaidPackage p where p.engagementId = :engagementId order by p.paidAt, p.id")
    List<PrepaidPackage> findOfEngagement(long engagementId);

    @Query("""
            select p from PrepaidPackage p where p.state = com.tutordesk.prepaid.PrepaidPackage.Stored.ACTIVE
              and p.minutesBought - p.minutesUsed - p.refundedMinutes > 0
            """)
    List<PrepaidPackage> findWithMinutesLeft();
}
