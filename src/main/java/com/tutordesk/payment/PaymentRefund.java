package com.tutordesk.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A refund of (part of) a succeeded card payment, with the reason given; key invoice-{id}-refund-{n}. */
@Entity
@Table(name = "payment_refunds")
public class PaymentRefund {

    public static final int REASON_MAX_LENGTH = 500;

    /** Where a refund is. */
    public enum Status {
        PENDING("In progress"), SUCCEEDED("Refunded"), FAILED("Failed");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "attempt_id", nullable = false)
    private long attemptId;

    @Column(name = "invoice_id", nullable = false)
    private long invoiceId;

    @Column(name = "refund_number", nullable = false)
    private int refundNumber;

    @Column(name = "idempotency_key", nullable = false, length = 100)
    private String idempotencyKey;

    @Column(name = "amount_minor", nullable = false)
    private long amountMinor;

    @Column(nullable = false, length = REASON_MAX_LENGTH)
    private String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(name = "stripe_refund_id", length = 255)
    private String stripeRefundId;

    @Column(name = "failure_reason", length = 500)
    private String failureReason;

    @Column(name = "requested_by_user_id")
    private Long requestedByUserId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected PaymentRefund() {
    }

    PaymentRefund(long attemptId, long invoiceId, int refundNumber, String idempotencyKey, long amountMinor, String reason,
            Long userId, Instant now) {
        this.attemptId = attemptId;
        this.invoiceId = invoiceId;
        this.refundNumber = refundNumber;
        this.idempotencyKey = idempotencyKey;
        this.amountMinor = amountMinor;
        this.reason = reason;
        this.status = Status.PENDING;
        this.requestedByUserId = userId;
        this.createdAt = now;
    }

    static String key(long invoiceId, int refundNumber) {
        return "invoice-" + invoiceId + "-refund-" + refundNumber;
    }

    /** Applies what Stripe says about the refund ("pending", "succeeded", "failed", "canceled"…). */
    void update(String stripeId, String stripeStatus, String failure, Instant now) {
        if (stripeId != null) {
            this.stripeRefundId = stripeId;
        }
        switch (stripeStatus == null ? "" : stripeStatus) {
            case "succeeded" -> {
                this.status = Status.SUCCEEDED;
                this.finishedAt = finishedAt == null ? now : finishedAt;
            }
            case "failed", "canceled" -> {
                this.status = Status.FAILED;
                this.failureReason = failure == null ? "Stripe reports the refund " + stripeStatus : failure;
                this.finishedAt = now;
            }
            default -> this.status = Status.PENDING;
        }
    }

    void rejected(String why, Instant now) {
        this.status = Status.FAILED;
        this.failureReason = why.length() > 500 ? why.substring(0, 500) : why;
        this.finishedAt = now;
    }

    public Long getId() {
        return id;
    }

    public long getAttemptId() {
        return attemptId;
    }

    public long getInvoiceId() {
        return invoiceId;
    }

    public int getRefundNumber() {
        return refundNumber;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public long getAmountMinor() {
        return amountMinor;
    }

    public String getReason() {
        return reason;
    }

    public Status getStatus() {
        return status;
    }

    public String getStripeRefundId() {
        return stripeRefundId;
    }

    public String getFailureReason() {
        return failureReason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
