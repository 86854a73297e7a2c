package com.tutordesk.billing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A signed amount with a memo on an invoice, e.g. −10.00 "sibling discount" (domain.md "Invoices"). */
@Entity
@Table(name = "invoice_adjustments")
public class InvoiceAdjustment {

    public static final int MEMO_MAX_LENGTH = 200;
    /** Largest adjustment either way, in minor units (100,000.00): a typo guard. */
    public static final long MAX_AMOUNT_MINOR = 10_000_000L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "invoice_id", nullable = false)
    private Invoice invoice;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false, length = MEMO_MAX_LENGTH)
    private String memo;

    @Column(name = "amount_minor", nullable = false)
    private long amountMinor;

    protected InvoiceAdjustment() {
    }

    InvoiceAdjustment(Invoice invoice, int position, String memo, long amountMinor) {
        this.invoice = invoice;
        this.position = position;
        this.memo = memo;
        this.amountMinor = amountMinor;
    }

    public Long getId() {
        return id;
    }

    public String getMemo() {
        return memo;
    }

    /** @return signed amount, minor units */
    public long getAmountMinor() {
        return amountMinor;
    }
}
