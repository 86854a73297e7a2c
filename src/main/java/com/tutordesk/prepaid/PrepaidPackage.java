package com.tutordesk.prepaid;

import com.tutordesk.billing.PaymentMethod;
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
import java.time.LocalDate;

/**
 * A paid prepaid package (domain.md "Prepaid packages"): minutes of one engagement, bought on an invoice
 * line at a price, available from the moment the invoice was paid. Its minutes are used by sessions
 * ({@link PackageUsage}), oldest package first; they change only with the package row locked.
 */
@Entity
@Table(name = "prepaid_packages")
class PrepaidPackage {

    /** Longest refund reference (as a payment's reference, {@code InvoicePayment.REFERENCE_MAX_LENGTH}). */
    static final int REFUND_REFERENCE_MAX_LENGTH = 120;

    /**
     * How the unused value went back: by card (a Stripe refund; {@code reference} is its idempotency key),
     * by hand (cash, cheque, bank transfer, other; the date and the person's reference), or {@code method}
     * {@code null} when there was nothing to pay back.
     *
     * @param method    CARD, a manual method, or {@code null}
     * @param date      business-local date of the refund
     * @param reference the card refund's key, or the manual reference (optional)
     * @param cardLast4 the card's last four digits, or {@code null}
     * @param pending   a card refund Stripe is still processing
     * @param userId    who asked for it, or {@code null}
     */
    record RefundRecord(PaymentMethod method, LocalDate date, String reference, String cardLast4, boolean pending,
            Long userId) {
    }

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

    @Enumerated(EnumType.STRING)
    @Column(name = "refund_method", length = 16)
    private PaymentMethod refundMethod;

    @Column(name = "refund_date")
    private LocalDate refundDate;

    @Column(name = "refund_reference", length = REFUND_REFERENCE_MAX_LENGTH)
    private String refundReference;

    @Column(name = "refund_card_last4", length = 4)
    private String refundCardLast4;

    @Column(name = "refund_pending", nullable = false)
    private boolean refundPending;

    @Column(name = "refunded_by_user_id")
    private Long refundedByUserId;

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
    long refundUnused(Instant now, RefundRecord how) {
        return refundUnused(now, valueLeftMinor(), how);
    }

    /**
     * As {@link #refundUnused(Instant, RefundRecord)}, for a card refund whose amount was fixed when it was
     * sent: the unused minutes go and {@code refundedMinor} is what went back.
     *
     * @throws IllegalStateException when already refunded, or the amount is below zero or above the price
     */
    long refundUnused(Instant now, long valueMinor, RefundRecord how) {
        if (state == Stored.REFUNDED) {
            throw new IllegalStateException("Package " + id + " is already refunded");
        }
        if (valueMinor < 0 || valueMinor > priceMinor) {
            throw new IllegalStateException("Package " + id + " cannot refund " + valueMinor + " of " + priceMinor);
        }
        this.refundedMinor = valueMinor;
        this.refundedMinutes = minutesLeft();
        this.state = Stored.REFUNDED;
        this.refundedAt = now;
        this.refundMethod = how.method();
        this.refundDate = how.date();
        this.refundReference = how.reference();
        this.refundCardLast4 = how.cardLast4();
        this.refundPending = how.pending();
        this.refundedByUserId = how.userId();
        return refundedMinor;
    }

    /** Stripe finished the pending card refund: it is no longer pending. */
    void cardRefundSettled() {
        this.refundPending = false;
    }

    /**
     * Stripe reports the pending card refund failed: no money went back, so the unused minutes are
     * available again (nothing could have used them meanwhile: a refunded package has none left).
     */
    void cardRefundFailed() {
        if (state != Stored.REFUNDED || refundMethod != PaymentMethod.CARD) {
            throw new IllegalStateException("Package " + id + " has no card refund to undo");
        }
        this.state = Stored.ACTIVE;
        this.refundedMinutes = 0;
        this.refundedMinor = 0;
        this.refundedAt = null;
        this.refundMethod = null;
        this.refundDate = null;
        this.refundReference = null;
        this.refundCardLast4 = null;
        this.refundPending = false;
        this.refundedByUserId = null;
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

    /** @return how the unused value went back, or {@code null} unless refunded */
    RefundRecord refundRecord() {
        return state != Stored.REFUNDED ? null : new RefundRecord(refundMethod, refundDate, refundReference,
                refundCardLast4, refundPending, refundedByUserId);
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
