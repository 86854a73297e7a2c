package com.tutordesk.prepaid;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A paid prepaid package (domain.md "Prepaid packages"): minutes of one engagement, bought on an invoice
 * line at a price, available from the moment the invoice was paid. Its minutes are used by sessions
 * ({@link PackageUsage}), oldest package first; they change only with the package row locked.
 */
@Entity
@Table(name = "prepaid_packages")
class PrepaidPackage {

    /** Stored states; "awaiting payment" is a package line on an unpaid invoice, "used up" is derived. */
    enum Stored {
        ACTIVE, REFUNDED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "invoice_id", nullable = false)
    private long invoiceId;

    @Column(name = "invoice_line_id", nullable = false)
    private long invoiceLineId;

    @Column(name = "client_id", nullable = false)
    private long clientId;

    @Column(name = "engagement_id", nullable = false)
    private long engagementId;

    @Column(name = "minutes_bought", nullable = false)
    private int minutesBought;

    @Column(name = "minutes_used", nullable = false)
    private int minutesUsed;

    @Column(name = "price_minor", nullable = false)
    private long priceMinor;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(nullable = false, length = 200)
    private String memo;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Stored state;

    @Column(name = "paid_at", nullable = false)
    private Instant paidAt;

    @Column(name = "refunded_at")
    private Instant refundedAt;

    @Column(name = "refunded_minutes", nullable = false)
    private int refundedMinutes;

    @Column(name = "refunded_minor", nullable = false)
    private long refundedMinor;

    @Column(name = "low_balance_emailed_at")
    private Instant lowBalanceEmailedAt;

    @Version
    private long version;

    protected PrepaidPackage() {
    }

    PrepaidPackage(long invoiceId, long invoiceLineId, long clientId, long engagementId, int minutesBought,
            long priceMinor, String currency, String memo, Instant paidAt) {
        if (minutesBought <= 0 || priceMinor < 0) {
            throw new IllegalArgumentException("A package has minutes and a price of at least zero");
        }
        this.invoiceId = invoiceId;
        this.invoiceLineId = invoiceLineId;
        this.clientId = clientId;
        this.engagementId = engagementId;
        this.minutesBought = minutesBought;
        this.priceMinor = priceMinor;
        this.currency = currency;
        this.memo = memo;
        this.state = Stored.ACTIVE;
        this.paidAt = paidAt;
    }

    /** @return minutes still available: bought − used − refunded (0 once refunded) */
    int minutesLeft() {
        return state == Stored.REFUNDED ? 0 : minutesBought - minutesUsed - refundedMinutes;
    }

    /**
     * Takes up to {@code wanted} minutes.
     *
     * @return the minutes taken, 0..min(wanted, left)
     */
    int take(int wanted) {
        int taken = Math.min(Math.max(0, wanted), minutesLeft());
        minutesUsed += taken;
        return taken;
    }

    /** Gives minutes back that a session used. */
    void giveBack(int minutes) {
        if (minutes < 0 || minutes > minutesUsed) {
            throw new IllegalStateException("Package " + id + " cannot give back " + minutes + " of " + minutesUsed
                    + " used minutes");
        }
        minutesUsed -= minutes;
    }

    /**
     * "Refund unused hours" (domain.md: "refunding a paid one removes its unused hours"): the unused
     * minutes go, and their value at the package's price is what goes back to the client, rounded once:
     * price × unused / bought, HALF_UP.
     *
     * @return the refunded value, minor units
     * @throws IllegalStateException when already refunded
     */
    long refundUnused(Instant now) {
        if (state == Stored.REFUNDED) {
            throw new IllegalStateException("Package " + id + " is already refunded");
        }
        int unused = minutesLeft();
        this.refundedMinor = unusedValue(priceMinor, minutesBought, unused);
        this.refundedMinutes = unused;
        this.state = Stored.REFUNDED;
        this.refundedAt = now;
        return refundedMinor;
    }

    /** @return the value of {@code unused} of {@code bought} minutes at {@code price}: price × unused / bought, HALF_UP */
    static long unusedValue(long priceMinor, int bought, int unused) {
        return java.math.BigDecimal.valueOf(priceMinor).multiply(java.math.BigDecimal.valueOf(unused))
                .divide(java.math.BigDecimal.valueOf(bought), 0, java.math.RoundingMode.HALF_UP).longValueExact();
    }

    /** Records that the low-balance email went out (once per package). */
    void lowBalanceEmailed(Instant now) {
        this.lowBalanceEmailedAt = now;
    }

    Long getId() {
        return id;
    }

    long getInvoiceId() {
        return invoiceId;
    }

    long getInvoiceLineId() {
        return invoiceLineId;
    }

    long getClientId() {
        return clientId;
    }

    long getEngagementId() {
        return engagementId;
    }

    int getMinutesBought() {
        return minutesBought;
    }

    int getMinutesUsed() {
        return minutesUsed;
    }

    long getPriceMinor() {
        return priceMinor;
    }

    String getCurrency() {
        return currency;
    }

    String getMemo() {
        return memo;
    }

    Stored getState() {
        return state;
    }

    Instant getPaidAt() {
        return paidAt;
    }

    int getRefundedMinutes() {
        return refundedMinutes;
    }

    long getRefundedMinor() {
        return refundedMinor;
    }

    Instant getLowBalanceEmailedAt() {
        return lowBalanceEmailedAt;
    }

    /** @return the state a person sees */
    PackageState shownState() {
        if (state == Stored.REFUNDED) {
            return PackageState.REFUNDED;
        }
        return minutesLeft() == 0 ? PackageState.USED_UP : PackageState.ACTIVE;
    }

    /** @return the value of what is left at the package's price, minor units (price × left / bought, HALF_UP) */
    long valueLeftMinor() {
        return unusedValue(priceMinor, minutesBought, minutesLeft());
    }
}
