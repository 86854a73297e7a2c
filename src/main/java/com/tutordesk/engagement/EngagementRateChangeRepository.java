package com.tutordesk.engagement;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface EngagementRateChangeRepository extends JpaRepository<EngagementRateChange, Long> {

    List<EngagementRateChange> findByEngagementIdOrderByChangedAtDescIdDesc(long engagementId);

    @Modifying
    @Query("delete from EngagementRateChange c where c.engagementId = :engagementId")
    void deleteByEngagement(long engagementId);
}
