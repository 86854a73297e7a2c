package com.tutordesk.payroll;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A bonus, deduction or reimbursement in a tutor's pay, with its memo. The amount is stored positive. */
@Entity
@Table(name = "tutor_pay_adjustments")
class PayAdjustment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "tutor_pay_id", nullable = false)
    private TutorPay pay;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AdjustmentKind kind;

    @Column(name = "amount_minor", nullable = false)
    private long amountMinor;

    @Column(nullable = false, length = TutorPay.MEMO_MAX_LENGTH)
    private String memo;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by_user_id")
    private Long createdByUserId;

    protected PayAdjustment() {
    }

    PayAdjustment(TutorPay pay, AdjustmentKind kind, long amountMinor, String memo, Long userId, Instant now) {
        this.pay = pay;
        this.kind = kind;
        this.amountMinor = amountMinor;
        this.memo = memo;
        this.createdByUserId = userId;
        this.createdAt = now;
    }

    Long getId() {
        return id;
    }

    TutorPay getPay() {
        return pay;
    }

    AdjustmentKind getKind() {
        return kind;
    }

    /** @return the amount as entered, positive, minor units */
    long getAmountMinor() {
        return amountMinor;
    }

    /** @return the amount as it counts in the total: negative for a deduction */
    long signedAmountMinor() {
        return kind.signed(amountMinor);
    }

    String getMemo() {
        return memo;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
