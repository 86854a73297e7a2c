package com.tutordesk.payroll;

import com.tutordesk.shared.RuleViolationException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One tutor's pay for one pay period (domain.md "Payroll"). The row exists once the period has an
 * adjustment or is approved; without one, the tutor's period is open. Approval fixes the sessions
 * it pays ({@link TutorPayLine}: what locks their tutor earnings) and the totals, which then equal
 * the lines plus the adjustments to the cent. State changes only through the methods below, each
 * refusing what its state does not allow: OPEN → APPROVED → PAID, or APPROVED → OPEN (reopen).
 */
@Entity
@Table(name = "tutor_pay")
class TutorPay {

    static final int REFERENCE_MAX_LENGTH = Payout.REFERENCE_MAX_LENGTH;
    static final int MEMO_MAX_LENGTH = PayAdjustments.MEMO_MAX_LENGTH;
    static final int REASON_MAX_LENGTH = PayrollApproval.REASON_MAX_LENGTH;
    static final long MAX_ADJUSTMENT_MINOR = PayAdjustments.MAX_AMOUNT_MINOR;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "tutor_id", nullable = false)
    private long tutorId;

    @Column(name = "period_start", nullable = false)
    private LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    private LocalDate periodEnd;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private PayState state;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(name = "session_count", nullable = false)
    private int sessionCount;

    @Column(nullable = false)
    private int minutes;

    @Column(name = "earnings_minor", nullable = false)
    private long earningsMinor;

    @Column(name = "adjustments_minor", nullable = false)
    private long adjustmentsMinor;

    @Column(name = "total_minor", nullable = false)
    private long totalMinor;

    @Column(name = "approved_at")
    private Instant approvedAt;

    @Column(name = "approved_by_user_id")
    private Long approvedByUserId;

    @Column(name = "paid_on")
    private LocalDate paidOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "paid_method", length = 20)
    private PayoutMethod paidMethod;

    @Column(name = "paid_reference", length = REFERENCE_MAX_LENGTH)
    private String paidReference;

    @Column(name = "paid_at")
    private Instant paidAt;

    @Column(name = "paid_by_user_id")
    private Long paidByUserId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    @OneToMany(mappedBy = "pay", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("sessionStartsAt, sessionId")
    private List<TutorPayLine> lines = new ArrayList<>();

    @OneToMany(mappedBy = "pay", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<PayAdjustment> adjustments = new ArrayList<>();

    @OneToMany(mappedBy = "pay", cascade = CascadeType.ALL)
    @OrderBy("occurredAt, id")
    private List<TutorPayEvent> events = new ArrayList<>();

    protected TutorPay() {
    }

    /** An open pay of {@code tutorId} for {@code period}, in {@code currency} (ISO 4217). */
    TutorPay(long tutorId, PayPeriod period, String currency, Instant now) {
        this.tutorId = tutorId;
        this.periodStart = period.start();
        this.periodEnd = period.end();
        this.state = PayState.OPEN;
        this.currency = currency;
        this.createdAt = now;
        this.updatedAt = now;
    }

    // ---- adjustments ----

    /**
     * Adds a bonus, deduction or reimbursement.
     *
     * @param amountMinor positive, at most {@link #MAX_ADJUSTMENT_MINOR}
     * @param memo        stripped, 1–{@value #MEMO_MAX_LENGTH} characters
     * @throws RuleViolationException when the pay is approved or paid
     * @throws com.tutordesk.shared.InvalidFieldException naming {@code amount} or {@code memo}
     */
    PayAdjustment addAdjustment(AdjustmentKind kind, long amountMinor, String memo, Long userId, Instant now) {
        requireOpen("add an adjustment to");
        if (kind == null) {
            throw new com.tutordesk.shared.InvalidFieldException("kind", "Kind is required: bonus, deduction or"
                    + " reimbursement");
        }
        if (amountMinor <= 0 || amountMinor > MAX_ADJUSTMENT_MINOR) {
            throw new com.tutordesk.shared.InvalidFieldException("amount", "Amount must be above zero (a deduction is"
                    + " entered as a positive amount) and at most " + java.math.BigDecimal.valueOf(MAX_ADJUSTMENT_MINOR,
                    2).toPlainString());
        }
        String text = memo == null ? "" : memo.strip();
        if (text.isEmpty() || text.length() > MEMO_MAX_LENGTH) {
            throw new com.tutordesk.shared.InvalidFieldException("memo", "Memo is required (at most "
                    + MEMO_MAX_LENGTH + " characters): say what the adjustment is for");
        }
        PayAdjustment adjustment = new PayAdjustment(this, kind, amountMinor, text, userId, now);
        adjustments.add(adjustment);
        touch(now);
        return adjustment;
    }

    /**
     * @throws RuleViolationException when the pay is approved or paid, or has no such adjustment
     */
    void removeAdjustment(long adjustmentId, Instant now) {
        requireOpen("remove an adjustment from");
        if (!adjustments.removeIf(adjustment -> java.util.Objects.equals(adjustment.getId(), adjustmentId))) {
            throw new RuleViolationException("This adjustment was removed already: reload the page");
        }
        touch(now);
    }

    /** @return the adjustments' sum as it counts in the total (deductions negative), minor units */
    long adjustmentsSum() {
        return adjustments.stream().mapToLong(PayAdjustment::signedAmountMinor).sum();
    }

    // ---- approve, reopen, mark paid ----

    /**
     * Approves the pay with these lines: their tutor earnings are locked from now on, and the totals
     * are fixed as the lines' sum plus the adjustments.
     *
     * @param tutorName for the message when the total would be negative
     * @throws RuleViolationException when it is not open, or its total would be negative
     */
    void approve(List<TutorPayLine> approvedLines, String tutorName, Long userId, String userName, Instant now) {
        requireOpen("approve");
        long earnings = approvedLines.stream().mapToLong(TutorPayLine::getEarningsMinor).sum();
        long adjustmentsTotal = adjustmentsSum();
        if (earnings + adjustmentsTotal < 0) {
            throw new RuleViolationException("The total of " + tutorName + " would be below zero: remove or reduce a"
                    + " deduction before approving");
        }
        for (TutorPayLine line : approvedLines) {
            line.attachTo(this);
            lines.add(line);
        }
        this.sessionCount = approvedLines.size();
        this.minutes = approvedLines.stream().mapToInt(TutorPayLine::getDurationMinutes).sum();
        this.earningsMinor = earnings;
        this.adjustmentsMinor = adjustmentsTotal;
        this.totalMinor = earnings + adjustmentsTotal;
        this.state = PayState.APPROVED;
        this.approvedAt = now;
        this.approvedByUserId = userId;
        events.add(new TutorPayEvent(this, TutorPayEvent.Action.APPROVED, now, userId, userName, sessionCount
                + (sessionCount == 1 ? " session" : " sessions")));
        touch(now);
    }

    /**
     * Reopens an approved, unpaid pay: its lines go (the sessions' earnings can change again) and the
     * reason is recorded.
     *
     * @param reason stripped, 1–{@value #REASON_MAX_LENGTH} characters
     * @throws RuleViolationException when it is open or paid
     * @throws com.tutordesk.shared.InvalidFieldException naming {@code reason} when it is missing or too long
     */
    void reopen(String reason, Long userId, String userName, Instant now) {
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty() || text.length() > REASON_MAX_LENGTH) {
            throw new com.tutordesk.shared.InvalidFieldException("reason", "Reason is required (at most "
                    + REASON_MAX_LENGTH + " characters): it is recorded with the period");
        }
        switch (state) {
            case OPEN -> throw new RuleViolationException("This pay is open already");
            case PAID -> throw new RuleViolationException("This pay was paid on " + paidOn
                    + ": a paid period cannot be reopened");
            case APPROVED -> {
            }
        }
        lines.clear();
        this.state = PayState.OPEN;
        this.sessionCount = 0;
        this.minutes = 0;
        this.earningsMinor = 0;
        this.adjustmentsMinor = 0;
        this.totalMinor = 0;
        this.approvedAt = null;
        this.approvedByUserId = null;
        events.add(new TutorPayEvent(this, TutorPayEvent.Action.REOPENED, now, userId, userName, text));
        touch(now);
    }

    /**
     * Records that the approved pay was paid.
     *
     * @param today business-local date, for "not in the future"
     * @throws RuleViolationException when it is not approved (open, or paid already)
     * @throws com.tutordesk.shared.InvalidFieldException naming {@code paidOn}, {@code method} or {@code reference}
     */
    void markPaid(Payout payout, LocalDate today, Long userId, String userName, Instant now) {
        if (state == PayState.PAID) {
            throw new RuleViolationException("This pay was marked paid already (on " + paidOn + ")");
        }
        if (state != PayState.APPROVED) {
            throw new RuleViolationException("Approve this pay before marking it paid");
        }
        if (payout.method() == null) {
            throw new com.tutordesk.shared.InvalidFieldException("method", "Payment method is required");
        }
        if (payout.paidOn() == null) {
            throw new com.tutordesk.shared.InvalidFieldException("paidOn", "Payment date is required");
        }
        if (payout.paidOn().isAfter(today)) {
            throw new com.tutordesk.shared.InvalidFieldException("paidOn", "Payment date cannot be in the future");
        }
        if (payout.paidOn().isBefore(periodStart)) {
            throw new com.tutordesk.shared.InvalidFieldException("paidOn", "Payment date cannot be before the period"
                    + " starts (" + periodStart + ")");
        }
        String reference = payout.reference() == null || payout.reference().isBlank() ? null : payout.reference().strip();
        if (reference != null && reference.length() > REFERENCE_MAX_LENGTH) {
            throw new com.tutordesk.shared.InvalidFieldException("reference", "Reference must be at most "
                    + REFERENCE_MAX_LENGTH + " characters");
        }
        this.state = PayState.PAID;
        this.paidOn = payout.paidOn();
        this.paidMethod = payout.method();
        this.paidReference = reference;
        this.paidAt = now;
        this.paidByUserId = userId;
        events.add(new TutorPayEvent(this, TutorPayEvent.Action.PAID, now, userId, userName,
                payout.method().label() + (reference == null ? "" : ", ref. " + reference)));
        touch(now);
    }

    private void requireOpen(String verb) {
        if (state != PayState.OPEN) {
            throw new RuleViolationException("Cannot " + verb + " this pay: it is " + state.label().toLowerCase()
                    + (state == PayState.APPROVED ? " — reopen the period first" : ""));
        }
    }

    private void touch(Instant now) {
        this.updatedAt = now;
    }

    // ---- reading ----

    Long getId() {
        return id;
    }

    long getTutorId() {
        return tutorId;
    }

    PayPeriod period() {
        return new PayPeriod(periodStart, periodEnd);
    }

    PayState getState() {
        return state;
    }

    String getCurrency() {
        return currency;
    }

    int getSessionCount() {
        return sessionCount;
    }

    int getMinutes() {
        return minutes;
    }

    long getEarningsMinor() {
        return earningsMinor;
    }

    long getAdjustmentsMinor() {
        return adjustmentsMinor;
    }

    long getTotalMinor() {
        return totalMinor;
    }

    Instant getApprovedAt() {
        return approvedAt;
    }

    LocalDate getPaidOn() {
        return paidOn;
    }

    PayoutMethod getPaidMethod() {
        return paidMethod;
    }

    String getPaidReference() {
        return paidReference;
    }

    List<TutorPayLine> getLines() {
        return List.copyOf(lines);
    }

    List<PayAdjustment> getAdjustments() {
        return List.copyOf(adjustments);
    }

    List<TutorPayEvent> getEvents() {
        return List.copyOf(events);
    }

    long getVersion() {
        return version;
    }
}
