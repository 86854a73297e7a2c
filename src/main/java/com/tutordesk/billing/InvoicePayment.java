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

/** A payment received for an invoice. */
@Entity
@Table(name = "invoice_payments")
public class InvoicePayment {

    public static final int REFERENCE_MAX_LENGTH = 120;

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
