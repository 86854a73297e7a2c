package com.tutordesk.payment;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface PaymentAttemptRepository extends JpaRepository<PaymentAttempt, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from PaymentAttempt a where a.id = :id")
    Optional<PaymentAttempt> lockById(long id);

    Optional<PaymentAttempt> findByInFlightInvoiceId(long invoiceId);

    /** @return those of these invoices with an attempt in flight (a charge or a Pay now page not settled yet) */
    @Query("select a.inFlightInvoiceId from PaymentAttempt a where a.inFlightInvoiceId in :invoiceIds")
    List<Long> inFlightAmong(java.util.Collection<Long> invoiceIds);

    List<PaymentAttempt> findByInvoiceIdOrderByAttemptNumberAsc(long invoiceId);

    boolean existsByInvoiceId(long invoiceId);

    @Query("select coalesce(max(a.attemptNumber), 0) from PaymentAttempt a where a.invoiceId = :invoiceId")
    int lastNumber(long invoiceId);

    Optional<PaymentAttempt> findByStripePaymentIntentId(String paymentIntentId);

    Optional<PaymentAttempt> findByStripeCheckoutId(String checkoutId);

    Optional<PaymentAttempt> findByStripeChargeId(String chargeId);

    Optional<PaymentAttempt> findByIdempotencyKey(String key);

    /** In-flight charges whose send has had time to answer, and Pay now pages past their expiry. */
    @Query("select a.id from PaymentAttempt a where a.status = com.tutordesk.payment.AttemptStatus.PENDING and ("
            + " (a.kind = com.tutordesk.payment.AttemptKind.OFF_SESSION and (a.sendingUntil is null or a.sendingUntil < :now))"
            + " or (a.kind = com.tutordesk.payment.AttemptKind.CHECKOUT and a.checkoutExpiresAt < :now)) order by a.id")
    List<Long> findUnsettled(Instant now);
}
