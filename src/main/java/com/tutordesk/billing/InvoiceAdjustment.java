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

/**
 * A signed amount with a memo on an invoice, e.g. −10.00 "sibling discount" (domain.md "Invoices"), or
 * a prepaid package sold on the invoice (issue 17; domain.md "Prepaid packages": "sold on an invoice as
 * its own line"): then it names the engagement and the minutes bought, and its amount is the price
 * (never below zero; zero is allowed). Its hours become available when the invoice is paid (the
 * prepaid module listens for {@link InvoicePaid}).
 */
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

    @Column(name = "package_engagement_id")
    private Long packageEngagementId;

    @Column(name = "package_minutes")
    private Integer packageMinutes;

    protected InvoiceAdjustment() {
    }

    InvoiceAdjustment(Invoice invoice, int position, String memo, long amountMinor) {
        this.invoice = invoice;
        this.position = position;
        this.memo = memo;
        this.amountMinor = amountMinor;
    }

    /** A package line: {@code minutes} of {@code engagementId} for {@code priceMinor} (&ge; 0). */
    static InvoiceAdjustment packageLine(Invoice invoice, int position, String memo, long priceMinor,
            long engagementId, int minutes) {
        InvoiceAdjustment line = new InvoiceAdjustment(invoice, position, memo, priceMinor);
        line.packageEngagementId = engagementId;
        line.packageMinutes = minutes;
        return line;
    }

    /** @return whether this line sells a prepaid package */
    public boolean isPackage() {
        return packageMinutes != null;
    }

    /** @return the engagement a package line sells hours of, or {@code null} for an adjustment */
    public Long getPackageEngagementId() {
        return packageEngagementId;
    }

    /** @return the minutes a package line sells (a multiple of 15), or {@code null} for an adjustment */
    public Integer getPackageMinutes() {
        return packageMinutes;
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
