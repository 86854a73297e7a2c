package com.tutordesk.settings;

import java.time.LocalDate;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface BusinessSettingsRepository extends JpaRepository<BusinessSettings, Long> {

    /**
     * Replaces the pay schedule if it is still {@code expected…} (compare-and-set): the pay period
     * has its own form on the Settings page, so it neither raises nor checks the row's version.
     *
     * @return 1 when replaced, 0 when someone changed it since
     */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query(value = "update business_settings set pay_frequency = :frequency, pay_anchor = :anchor"
            + " where id = 1 and pay_frequency = :expectedFrequency and pay_anchor = :expectedAnchor",
            nativeQuery = true)
    int updatePaySchedule(String frequency, LocalDate anchor, String expectedFrequency, LocalDate expectedAnchor);
}
