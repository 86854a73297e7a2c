package com.tutordesk.prepaid;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PackageUsageRepository extends JpaRepository<PackageUsage, Long> {

    List<PackageUsage> findBySessionId(long sessionId);

    @Query("select u from PackageUsage u where u.packageId in :packageIds order by u.packageId, u.sessionId")
    List<PackageUsage> findOfPackages(Collection<Long> packageIds);

    @Modifying(flushAutomatically = true)
    @Query("delete from PackageUsage u where u.sessionId = :sessionId")
    int deleteOfSession(long sessionId);
}
