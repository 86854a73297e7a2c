package com.tutordesk.billing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A payment received for an invoice. A manual payment recorded by mistake is undone (issue 12), never
 * deleted: the row stays with when, by whom and why, and the invoice page lists it as undone.
 */
@Entity
@Table(name = "invoice_payments")
public class InvoicePayment {

    public static final int REFERENCE_MAX_LENGTH = 120;
    public static final int UNDO_REASON_MAX_LENGTH = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "invoice_id", nullable = false)
    private long invoiceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private PaymentMethod method;

    @Column(name = "amount_minor", nullable = false)
    private long amountMinor;

    @Column(name = "paid_on", nullable = false)
    private LocalDate paidOn;

    @Column(length = REFERENCE_MAX_LENGTH)
    private String reference;

    @Column(name = "recorded_by_user_id")
    private Long recordedByUserId;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "undone_at")
    private Instant undoneAt;

    @Column(name = "undone_by_user_id")
    private Long undoneByUserId;

    @Column(name = "undo_reason", length = UNDO_REASON_MAX_LENGTH)
    private String undoReason;

    protected InvoicePayment() {
    }

    InvoicePayment(long invoiceId, PaymentMethod method, long amountMinor, LocalDate paidOn, String reference,
            Long recordedByUserId, Instant recordedAt) {
        this.invoiceId = invoiceId;
        this.method = method;
        this.amountMinor = amountMinor;
        this.paidOn = paidOn;
        this.reference = reference;
        this.recordedByUserId = recordedByUserId;
        this.recordedAt = recordedAt;
    }

    /**
     * Undoes this manual payment (a typo, a bounced cheque).
     *
     * @param reason why, already checked (1–{@value #UNDO_REASON_MAX_LENGTH} characters)
     * @throws IllegalStateException for a card payment (refunded, never undone) or one already undone
     */
    void undo(String reason, Long userId, Instant now) {
        if (method == PaymentMethod.CARD) {
            throw new IllegalStateException("Card payment " + id + " is refunded, not undone");
        }
        if (undoneAt != null) {
            throw new IllegalStateException("Payment " + id + " is already undone");
        }
        this.undoneAt = now;
        this.undoneByUserId = userId;
        this.undoReason = reason;
    }

    /** @return whether the payment was undone (it no longer counts) */
    public boolean isUndone() {
        return undoneAt != null;
    }

    /** @return when it was undone (UTC), or {@code null} */
    public Instant getUndoneAt() {
        return undoneAt;
    }

    /** @return why it was undone, or {@code null} */
    public String getUndoReason() {
        return undoReason;
    }

    public Long getId() {
        return id;
    }

    public long getInvoiceId() {
        return invoiceId;
    }

    public PaymentMethod getMethod() {
        return method;
    }

    public long getAmountMinor() {
        return amountMinor;
    }

    /** @return business-local date the money was received */
    public LocalDate getPaidOn() {
        return paidOn;
    }

    public String getReference() {
        return reference;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
