package com.tutordesk.settings;

import org.springframework.data.jpa.repository.JpaRepository;

interface BusinessSettingsRepository extends JpaRepository<BusinessSettings, Long> {
}
