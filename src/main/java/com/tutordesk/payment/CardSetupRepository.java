package com.tutordesk.payment;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CardSetupRepository extends JpaRepository<CardSetup, Long> {

    Optional<CardSetup> findFirstByClientIdOrderBySetupNumberDesc(long clientId);

    Optional<CardSetup> findByStripeCheckoutId(String checkoutId);

    @Query("select coalesce(max(s.setupNumber), 0) from CardSetup s where s.clientId = :clientId")
    int lastNumber(long clientId);
}
