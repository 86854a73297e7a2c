package com.tutordesk.payment;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PaymentRefundRepository extends JpaRepository<PaymentRefund, Long> {

    List<PaymentRefund> findByInvoiceIdOrderByRefundNumberAsc(long invoiceId);

    List<PaymentRefund> findByAttemptId(long attemptId);

    Optional<PaymentRefund> findByStripeRefundId(String stripeRefundId);

    Optional<PaymentRefund> findByIdempotencyKey(String key);

    @Query("select coalesce(max(r.refundNumber), 0) from PaymentRefund r where r.invoiceId = :invoiceId")
    int lastNumber(long invoiceId);
}
