package com.tutordesk.billing;

import org.springframework.data.jpa.repository.JpaRepository;

interface BillingRunRepository extends JpaRepository<BillingRun, Long> {
}
