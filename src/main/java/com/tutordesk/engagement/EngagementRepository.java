package com.tutordesk.engagement;

import org.springframework.data.jpa.repository.JpaRepository;

interface EngagementRepository extends JpaRepository<Engagement, Long> {
}
