package com.tutordesk.session;

import com.tutordesk.engagement.Engagement;
import com.tutordesk.shared.Money;
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
import jakarta.persistence.Version;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * One tutoring session (domain.md "Session"). The tutor, student, client and subject ids are
 * copied from the engagement so that the sessions list can filter and sort on indexed columns
 * without joining through the engagement.
 */
@Entity
@Table(name = "tutoring_sessions")
@jakarta.persistence.EntityListeners(SessionTotalsListener.class)
// Only changed columns are written: the name sort keys are rewritten by SQL on a rename (SessionSortKeys),
// and a session loaded before that must not write its old copy back.
@org.hibernate.annotations.DynamicUpdate
public class TutoringSession {

    public static final int LOCATION_MAX_LENGTH = 200;
    /** Longest session report, in characters (documented limit; the view shows a counter). */
    public static final int REPORT_MAX_LENGTH = 10_000;
    public static final int INTERNAL_NOTE_MAX_LENGTH = 5_000;
    public static final int MIN_RATING = 1;
    public static final int MAX_RATING = 5;
    public static final int MAX_DURATION_MINUTES = 600;
    /** Longest address a report is recorded as sent to (an email address). */
    public static final int SENT_TO_MAX_LENGTH = 254;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "engagement_id", nullable = false)
    private Engagement engagement;

    @Column(name = "tutor_id", nullable = false)
    private long tutorId;

    @Column(name = "student_id", nullable = false)
    private long studentId;

    @Column(name = "client_id", nullable = false)
    private long clientId;

    @Column(name = "subject_id", nullable = false)
    private long subjectId;

    @NotNull
    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @NotNull
    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @NotNull
    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    @Min(1)
    @Max(MAX_DURATION_MINUTES)
    @Column(name = "duration_minutes", nullable = false)
    private int durationMinutes;

    @Size(max = LOCATION_MAX_LENGTH)
    @Column(length = LOCATION_MAX_LENGTH)
    private String location;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private SessionStatus status;

    @Min(MIN_RATING)
    @Max(MAX_RATING)
    private Integer rating;

    @Size(max = REPORT_MAX_LENGTH)
    @Column(columnDefinition = "text")
    private String report;

    @Size(max = INTERNAL_NOTE_MAX_LENGTH)
    @Column(name = "internal_note", columnDefinition = "text")
    private String internalNote;

    @PositiveOrZero
    @Column(name = "client_rate_minor", nullable = false)
    private long clientRateMinor;

    @PositiveOrZero
    @Column(name = "tutor_wage_minor", nullable = false)
    private long tutorWageMinor;

    @PositiveOrZero
    @Column(name = "client_amount_minor", nullable = false)
    private long clientAmountMinor;

    @PositiveOrZero
    @Column(name = "tutor_earnings_minor", nullable = false)
    private long tutorEarningsMinor;

    @NotNull
    @Column(nullable = false, length = 3)
    private String currency;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "billing_state", nullable = false, length = 16)
    private BillingState billingState = BillingState.UNBILLED;

    @Column(name = "report_sent_at")
    private Instant reportSentAt;

    @Column(name = "report_edited_after_send", nullable = false)
    private boolean reportEditedAfterSend;

    @Column(name = "created_by_user_id")
    private Long createdByUserId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    @Column(name = "request_key", length = LogSessionRequest.REQUEST_KEY_MAX_LENGTH + 16)
    private String requestKey;

    /** The version a person's change gave this session; see {@link #isEditedAfter(long)}. */
    @Column(name = "edited_version", nullable = false)
    private long editedVersion;

    @Column(name = "report_sent_to", length = SENT_TO_MAX_LENGTH)
    private String reportSentTo;

    /** The report exactly as last emailed (the client portal shows what the family received). */
    @Column(name = "report_sent_text", columnDefinition = "text")
    private String reportSentText;

    @Enumerated(EnumType.STRING)
    @Column(name = "pre_late_cancel_status", length = 20)
    private SessionStatus preLateCancelStatus;

    @Column(name = "pre_late_cancel_client_amount_minor")
    private Long preLateCancelClientAmountMinor;

    @Column(name = "pre_late_cancel_tutor_earnings_minor")
    private Long preLateCancelTutorEarningsMinor;

    @Column(name = "series_id")
    private Long seriesId;

    @Column(name = "series_position")
    private Integer seriesPosition;

    /** Whether a payroll approval holds this session's tutor earnings; changed only through SessionPayroll. */
    @Column(name = "pay_approved", nullable = false)
    private boolean payApproved;

    /** Minutes taken from prepaid packages (issue 17); changed only through {@link #coverByPackages}. */
    @Column(name = "prepaid_minutes", nullable = false)
    private int prepaidMinutes;

    /** Minutes still billable after the packages, when some are prepaid (else 0). */
    @Column(name = "remainder_minutes", nullable = false)
    private int remainderMinutes;

    /** The part of the client amount the packages cover, minor units: billable = client amount − this. */
    @Column(name = "prepaid_amount_minor", nullable = false)
    private long prepaidAmountMinor;

    /** Whether this session uses package hours: it completed while hours were left, or "Apply package". */
    @Column(name = "draws_on_packages", nullable = false)
    private boolean drawsOnPackages;

    /** Copies of the names the sessions list sorts by (V26_3), kept by {@link SessionSortKeys}. */
    @Column(name = "sort_student_name", nullable = false, length = 120)
    private String sortStudentName = "";

    @Column(name = "sort_client_name", nullable = false, length = 120)
    private String sortClientName = "";

    @Column(name = "sort_tutor_name", nullable = false, length = 120)
    private String sortTutorName = "";

    @Column(name = "sort_subject_name", nullable = false, length = 80)
    private String sortSubjectName = "";

    protected TutoringSession() {
    }

    /** Takes the names of {@code e}'s student, client, tutor and subject as sort keys. */
    private void copySortNames(Engagement e) {
        sortStudentName = e.getStudent().getName();
        sortClientName = e.getStudent().getClient().getName();
        sortTutorName = e.getTutor().getName();
        sortSubjectName = e.getSubject().getName();
    }

    /**
     * A new session against {@code engagement}: its rates are copied, and the amounts computed from
     * them for {@code minutes} (domain.md "Amounts": one HALF_UP rounding; a cancelled session
     * carries 0).
     *
     * @param startsAt  start, UTC instant
     * @param zone      IANA zone the start was entered in
     * @param status    SCHEDULED, COMPLETED or CANCELLED
     * @param location  optional, already trimmed, or {@code null}
     */
    static TutoringSession log(Engagement engagement, Instant startsAt, String zone, int minutes, String location,
            SessionStatus status, Long userId, String requestKey, Instant now) {
        TutoringSession session = new TutoringSession();
        session.engagement = engagement;
        session.tutorId = engagement.getTutor().getId();
        session.studentId = engagement.getStudent().getId();
        session.clientId = engagement.getStudent().getClient().getId();
        session.subjectId = engagement.getSubject().getId();
        session.copySortNames(engagement);
        session.startsAt = startsAt;
        session.endsAt = startsAt.plusSeconds(minutes * 60L);
        session.timeZone = zone;
        session.durationMinutes = minutes;
        session.location = location;
        session.status = status;
        session.clientRateMinor = engagement.getClientRateMinor();
        session.tutorWageMinor = engagement.getTutorWageMinor();
        session.currency = engagement.getCurrency();
        session.clientAmountMinor = status == SessionStatus.CANCELLED ? 0
                : com.tutordesk.shared.Money.forMinutes(session.clientRateMinor, minutes);
        session.tutorEarningsMinor = status == SessionStatus.CANCELLED ? 0
                : com.tutordesk.shared.Money.forMinutes(session.tutorWageMinor, minutes);
        session.createdByUserId = userId;
        session.requestKey = requestKey;
        session.createdAt = now;
        session.updatedAt = now;
        return session;
    }

    public Long getId() {
        return id;
    }

    public Engagement getEngagement() {
        return engagement;
    }

    public long getTutorId() {
        return tutorId;
    }

    public long getStudentId() {
        return studentId;
    }

    public long getClientId() {
        return clientId;
    }

    public long getSubjectId() {
        return subjectId;
    }

    /** @return start as a UTC instant */
    public Instant getStartsAt() {
        return startsAt;
    }

    /** @return end as a UTC instant (start + duration) */
    public Instant getEndsAt() {
        return endsAt;
    }

    /** @return the IANA zone the start was entered in */
    public String getTimeZone() {
        return timeZone;
    }

    public int getDurationMinutes() {
        return durationMinutes;
    }

    public String getLocation() {
        return location;
    }

    /** @return the stored status; see {@link SessionStatus#asOf} for the status as of now */
    public SessionStatus getStatus() {
        return status;
    }

    public Integer getRating() {
        return rating;
    }

    public String getReport() {
        return report;
    }

    public String getInternalNote() {
        return internalNote;
    }

    /** @return the client rate per hour copied from the engagement, minor units */
    public long getClientRateMinor() {
        return clientRateMinor;
    }

    /** @return the tutor wage per hour copied from the engagement, minor units */
    public long getTutorWageMinor() {
        return tutorWageMinor;
    }

    /** @return what the client is charged, minor units */
    public long getClientAmountMinor() {
        return clientAmountMinor;
    }

    /** @return what the tutor earns, minor units */
    public long getTutorEarningsMinor() {
        return tutorEarningsMinor;
    }

    public String getCurrency() {
        return currency;
    }

    /** @return when the report was last emailed to the billing contact, or {@code null} */
    public Instant getReportSentAt() {
        return reportSentAt;
    }

    /** @return whether the report changed after it was last sent */
    public boolean isReportEditedAfterSend() {
        return reportEditedAfterSend;
    }

    public BillingState getBillingState() {
        return billingState;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }

    /**
     * Copies new engagement rates and recomputes both amounts (domain.md "Amounts": one HALF_UP
     * rounding from minutes). Cancelled sessions stay at zero; late-cancelled ones follow the
     * given policy percentages.
     *
     * @throws IllegalStateException when the session is invoiced or paid: those never change
     */
    void reprice(long newClientRateMinor, long newTutorWageMinor, int lateClientPercent, int lateTutorPercent,
            Instant now) {
        requireUnbilled();
        this.clientRateMinor = newClientRateMinor;
        this.tutorWageMinor = newTutorWageMinor;
        switch (status) {
            case CANCELLED -> {
                this.clientAmountMinor = 0;
                this.tutorEarningsMinor = 0;
            }
            case LATE_CANCELLED -> {
                this.clientAmountMinor = com.tutordesk.shared.Money.forMinutes(newClientRateMinor, durationMinutes,
                        lateClientPercent);
                this.tutorEarningsMinor = com.tutordesk.shared.Money.forMinutes(newTutorWageMinor, durationMinutes,
                        lateTutorPercent);
                // Undoing the late cancellation then gives the amounts at the new rates.
                rememberAmountsBeforeLateCancellation();
            }
            default -> {
                this.clientAmountMinor = com.tutordesk.shared.Money.forMinutes(newClientRateMinor, durationMinutes);
                this.tutorEarningsMinor = com.tutordesk.shared.Money.forMinutes(newTutorWageMinor, durationMinutes);
            }
        }
        keepCoverWithinAmount();
        this.updatedAt = now;
    }

    /**
     * Copies a new client rate and recomputes the client amount only: for a session whose tutor pay
     * is approved (payroll), whose tutor wage and earnings stay as approved (domain.md "Payroll": a
     * rate change never changes approved earnings). Late-cancelled sessions follow the given policy
     * percentage; cancelled ones stay at zero.
     *
     * @throws IllegalStateException when the session is invoiced or paid: those never change
     */
    void repriceClient(long newClientRateMinor, int lateClientPercent, Instant now) {
        requireUnbilled();
        this.clientRateMinor = newClientRateMinor;
        this.clientAmountMinor = switch (status) {
            case CANCELLED -> 0;
            case LATE_CANCELLED -> Money.forMinutes(newClientRateMinor, durationMinutes, lateClientPercent);
            default -> Money.forMinutes(newClientRateMinor, durationMinutes);
        };
        if (preLateCancelStatus != null) {
            this.preLateCancelClientAmountMinor = preLateCancelStatus == SessionStatus.CANCELLED ? 0
                    : Money.forMinutes(newClientRateMinor, durationMinutes);
        }
        keepCoverWithinAmount();
        this.updatedAt = now;
    }

    /**
     * Cancels a session in time (domain.md "Status": CANCELLED, both amounts 0, never billed).
     *
     * @throws IllegalStateException when it is not an unbilled scheduled session
     */
    void cancel(Instant now) {
        if (status != SessionStatus.SCHEDULED
                || (billingState != BillingState.UNBILLED && billingState != BillingState.PREPAID)) {
            throw new IllegalStateException("Only unbilled scheduled sessions are cancelled this way");
        }
        this.status = SessionStatus.CANCELLED;
        this.clientAmountMinor = 0;
        this.tutorEarningsMinor = 0;
        keepCoverWithinAmount();
        // An admin's decision: a session page opened before it must not save over it.
        markEdited(now);
    }

    // ---- the session view (issue 5) ----

    /** @return the report as it was last emailed, or {@code null} when it was never sent */
    public String getReportSentText() {
        return reportSentText;
    }

    /** @return the address the report was last sent to, or {@code null} */
    public String getReportSentTo() {
        return reportSentTo;
    }

    /** @return the status before a late cancellation (for undo), or {@code null} when none is recorded */
    public SessionStatus getPreLateCancelStatus() {
        return preLateCancelStatus;
    }

    /** @return the client amount before a late cancellation (minor units), or {@code null} */
    public Long getPreLateCancelClientAmountMinor() {
        return preLateCancelClientAmountMinor;
    }

    /** @return the tutor earnings before a late cancellation (minor units), or {@code null} */
    public Long getPreLateCancelTutorEarningsMinor() {
        return preLateCancelTutorEarningsMinor;
    }

    /**
     * Whether a person changed this session after its page showed {@code seenVersion}: then a save
     * based on that page would overwrite their change. Automatic changes (a scheduled session
     * turning completed, new engagement rates applied) bump {@link #getVersion()} but not this.
     */
    public boolean isEditedAfter(long seenVersion) {
        return editedVersion > seenVersion;
    }

    /**
     * Records a person's change. Hibernate raises the version by one when it writes the change, so
     * {@code version + 1} is the version this change produces (or less, should one transaction
     * write twice: still above every version seen before the change).
     */
    void markEdited(Instant now) {
        this.editedVersion = version + 1;
        this.updatedAt = now;
    }

    /** @return whether the rating changed; {@code rating} is 1–5 or {@code null} (validated by the service) */
    boolean rate(Integer newRating) {
        if (java.util.Objects.equals(rating, newRating)) {
            return false;
        }
        this.rating = newRating;
        return true;
    }

    /**
     * @param text the report, stripped, {@code null} when blank (validated by the service)
     * @return whether the report changed; a change after sending marks it "edited after sending"
     */
    boolean writeReport(String text) {
        if (java.util.Objects.equals(report, text)) {
            return false;
        }
        this.report = text;
        if (reportSentAt != null) {
            this.reportEditedAfterSend = true;
        }
        return true;
    }

    /** @return whether the internal note changed ({@code text} stripped, {@code null} when blank) */
    boolean writeInternalNote(String text) {
        if (java.util.Objects.equals(internalNote, text)) {
            return false;
        }
        this.internalNote = text;
        return true;
    }

    /** Records that the report went to the outbox for {@code to} at {@code at} (the latest send). */
    void recordReportSent(String to, Instant at) {
        this.reportSentText = report;
        this.reportSentTo = to;
        this.reportSentAt = at;
        this.reportEditedAfterSend = false;
    }

    /**
     * Edit Session: moves the session and recomputes both amounts (domain.md "Amounts": one HALF_UP
     * rounding from minutes) from the session's own rates, or from {@code newEngagement}'s when the
     * engagement changes. A late-cancelled session stays late-cancelled and follows the policy; the
     * amounts an undo would restore are recomputed too.
     *
     * @param newEngagement the engagement to move the session to, or {@code null} to keep its own
     * @param startsAt      new start, UTC instant
     * @param zone          IANA zone the start was entered in
     * @param timedStatus   SCHEDULED or COMPLETED by the new start, or CANCELLED when cancelled in time
     *                      (ignored while late-cancelled)
     * @throws IllegalStateException when the session is invoiced or paid
     */
    void edit(Engagement newEngagement, Instant startsAt, String zone, int minutes, String location,
            SessionStatus timedStatus, int lateClientPercent, int lateTutorPercent, Instant now) {
        requireUnbilled();
        if (newEngagement != null && !newEngagement.getId().equals(engagement.getId())) {
            this.engagement = newEngagement;
            this.tutorId = newEngagement.getTutor().getId();
            this.studentId = newEngagement.getStudent().getId();
            this.clientId = newEngagement.getStudent().getClient().getId();
            this.subjectId = newEngagement.getSubject().getId();
            copySortNames(newEngagement);
            this.clientRateMinor = newEngagement.getClientRateMinor();
            this.tutorWageMinor = newEngagement.getTutorWageMinor();
            this.currency = newEngagement.getCurrency();
        }
        this.startsAt = startsAt;
        this.endsAt = startsAt.plusSeconds(minutes * 60L);
        this.timeZone = zone;
        this.durationMinutes = minutes;
        this.location = location;
        if (status == SessionStatus.LATE_CANCELLED) {
            // Undo goes back to scheduled or completed as the new start says (cancelled stays cancelled).
            if (preLateCancelStatus != null && preLateCancelStatus != SessionStatus.CANCELLED
                    && timedStatus != SessionStatus.CANCELLED) {
                this.preLateCancelStatus = timedStatus;
            }
            this.clientAmountMinor = Money.forMinutes(clientRateMinor, minutes, lateClientPercent);
            this.tutorEarningsMinor = Money.forMinutes(tutorWageMinor, minutes, lateTutorPercent);
            rememberAmountsBeforeLateCancellation();
        } else {
            this.status = timedStatus;
            boolean free = timedStatus == SessionStatus.CANCELLED;
            this.clientAmountMinor = free ? 0 : Money.forMinutes(clientRateMinor, minutes);
            this.tutorEarningsMinor = free ? 0 : Money.forMinutes(tutorWageMinor, minutes);
        }
        keepCoverWithinAmount();
        markEdited(now);
    }

    /**
     * Changes the location alone: allowed on an invoiced or paid session too, since it changes no amount
     * (issue 12: only the engagement, date, duration and status are locked by billing).
     *
     * @param location already trimmed, or {@code null}
     */
    void relocate(String location, Instant now) {
        this.location = location;
        markEdited(now);
    }

    /**
     * Late Cancellation (domain.md "Status"): LATE_CANCELLED with both amounts from the policy
     * percentages (each rounded once from minutes). The status and amounts before are kept for undo.
     *
     * @throws IllegalStateException when already late-cancelled, or invoiced or paid
     */
    void lateCancel(int clientPercent, int tutorPercent, Instant now) {
        requireUnbilled();
        if (status == SessionStatus.LATE_CANCELLED) {
            throw new IllegalStateException("Session " + id + " is already late-cancelled");
        }
        applyLateCancellation(clientPercent, tutorPercent);
        markEdited(now);
    }

    /**
     * A session logged as a late cancellation or no-show (Log Session, issue 12): as
     * {@link #lateCancel}, for a session that is being created (not a person's later change).
     */
    void loggedAsLateCancellation(int clientPercent, int tutorPercent) {
        if (id != null) {
            throw new IllegalStateException("Session " + id + " is already logged: use lateCancel");
        }
        applyLateCancellation(clientPercent, tutorPercent);
    }

    private void applyLateCancellation(int clientPercent, int tutorPercent) {
        this.preLateCancelStatus = status;
        this.preLateCancelClientAmountMinor = clientAmountMinor;
        this.preLateCancelTutorEarningsMinor = tutorEarningsMinor;
        this.status = SessionStatus.LATE_CANCELLED;
        this.clientAmountMinor = Money.forMinutes(clientRateMinor, durationMinutes, clientPercent);
        this.tutorEarningsMinor = Money.forMinutes(tutorWageMinor, durationMinutes, tutorPercent);
        keepCoverWithinAmount();
    }

    /**
     * Undoes a late cancellation: the status and both amounts before it come back exactly. A
     * session late-cancelled before that was recorded gets {@code fallbackStatus} and full amounts.
     *
     * @param fallbackStatus SCHEDULED or COMPLETED by the start time
     * @throws IllegalStateException when not late-cancelled, or invoiced or paid
     */
    void undoLateCancel(SessionStatus fallbackStatus, Instant now) {
        requireUnbilled();
        if (status != SessionStatus.LATE_CANCELLED) {
            throw new IllegalStateException("Session " + id + " is not late-cancelled");
        }
        if (preLateCancelStatus != null) {
            this.status = preLateCancelStatus;
            this.clientAmountMinor = preLateCancelClientAmountMinor;
            this.tutorEarningsMinor = preLateCancelTutorEarningsMinor;
        } else {
            this.status = fallbackStatus;
            this.clientAmountMinor = Money.forMinutes(clientRateMinor, durationMinutes);
            this.tutorEarningsMinor = Money.forMinutes(tutorWageMinor, durationMinutes);
        }
        this.preLateCancelStatus = null;
        this.preLateCancelClientAmountMinor = null;
        this.preLateCancelTutorEarningsMinor = null;
        keepCoverWithinAmount();
        markEdited(now);
    }

    /** Recomputes what an undo restores from the current rates and duration, when a state is recorded. */
    private void rememberAmountsBeforeLateCancellation() {
        if (preLateCancelStatus == null) {
            return;
        }
        boolean free = preLateCancelStatus == SessionStatus.CANCELLED;
        this.preLateCancelClientAmountMinor = free ? 0 : Money.forMinutes(clientRateMinor, durationMinutes);
        this.preLateCancelTutorEarningsMinor = free ? 0 : Money.forMinutes(tutorWageMinor, durationMinutes);
    }

    private void requireUnbilled() {
        if (billingState != BillingState.UNBILLED && billingState != BillingState.PREPAID) {
            throw new IllegalStateException("Session " + id + " is " + billingState + " and keeps its amounts");
        }
    }

    // ---- series (issue 14) ----

    /** @return the series this session is an occurrence of, or {@code null} */
    public Long getSeriesId() {
        return seriesId;
    }

    /** @return its position in the series, 1-based, or {@code null} outside a series */
    public Integer getSeriesPosition() {
        return seriesPosition;
    }

    /** Makes a new session the {@code position}-th occurrence of a series. */
    void joinSeries(long series, int position) {
        this.seriesId = series;
        this.seriesPosition = position;
    }

    /**
     * A scheduled session whose end has passed took place (domain.md: no manual step needed); only
     * {@link SessionStatusPromoter} calls this.
     *
     * @throws IllegalStateException when the session is not scheduled or has not ended at {@code now}
     */
    void completeAfterEnd(Instant now) {
        if (status != SessionStatus.SCHEDULED || endsAt.isAfter(now)) {
            throw new IllegalStateException("Session " + id + " is " + status + " and ends at " + endsAt);
        }
        status = SessionStatus.COMPLETED;
        updatedAt = now;
    }

    // ---- billing (issue 7): changed only through SessionBilling ----

    /**
     * Moves the billing state along (unbilled → invoiced → paid, or back to unbilled when an invoice
     * is cancelled). The version goes up, so an edit started before the change fails its save.
     *
     * @throws IllegalStateException when the session is not in {@code from}
     */
    void changeBillingState(BillingState from, BillingState to, Instant now) {
        if (billingState != from) {
            throw new IllegalStateException("Session " + id + " is " + billingState + ", expected " + from);
        }
        billingState = to;
        updatedAt = now;
    }

    // ---- prepaid packages (issue 17): changed only through SessionPackages ----

    /** @return minutes taken from prepaid packages (0 when none) */
    public int getPrepaidMinutes() {
        return prepaidMinutes;
    }

    /** @return minutes still billable after the packages when some are prepaid, else 0 */
    public int getRemainderMinutes() {
        return remainderMinutes;
    }

    /** @return the part of the client amount the packages cover, minor units */
    public long getPrepaidAmountMinor() {
        return prepaidAmountMinor;
    }

    /** @return what is left to invoice: the client amount minus the prepaid part, minor units */
    public long getBillableAmountMinor() {
        return clientAmountMinor - prepaidAmountMinor;
    }

    /** @return whether this session uses package hours (completed while hours were left, or "Apply package") */
    public boolean isDrawsOnPackages() {
        return drawsOnPackages;
    }

    /** From now on this session uses package hours whenever its minutes change. */
    void drawOnPackages() {
        this.drawsOnPackages = true;
    }

    /**
     * The minutes the client pays for, which packages cover (domain.md "Prepaid packages"): the
     * duration of a completed session, the policy's share of a late-cancelled one (rounded HALF_UP to
     * the minute), none for one cancelled in time, not yet ended, or without a client amount.
     *
     * @param statusNow         the status as of now ({@link SessionStatus#asOf})
     * @param lateClientPercent the policy's client share, 0–100
     */
    int chargeableMinutes(SessionStatus statusNow, int lateClientPercent) {
        if (clientAmountMinor == 0) {
            return 0;
        }
        return switch (statusNow) {
            case SCHEDULED, CANCELLED -> 0;
            case COMPLETED -> durationMinutes;
            case LATE_CANCELLED -> java.math.BigDecimal.valueOf((long) durationMinutes * lateClientPercent)
                    .divide(java.math.BigDecimal.valueOf(100), 0, java.math.RoundingMode.HALF_UP).intValueExact();
        };
    }

    /**
     * Records what packages cover: {@code covered} of {@code chargeable} minutes. Fully covered, the
     * session is {@link BillingState#PREPAID}; otherwise it is unbilled and its remaining minutes are
     * billable at its client rate (rate × remaining / 60, rounded once, domain.md).
     *
     * @throws IllegalStateException when the session is invoiced or paid (its remainder is billed
     *         and never changes silently), or {@code covered} is outside 0..{@code chargeable}
     */
    void coverByPackages(int covered, int chargeable, Instant now) {
        requireUnbilled();
        if (covered < 0 || covered > chargeable) {
            throw new IllegalStateException("Session " + id + ": " + covered + " of " + chargeable + " minutes covered");
        }
        this.prepaidMinutes = covered;
        this.remainderMinutes = covered == 0 ? 0 : chargeable - covered;
        this.billingState = covered > 0 && covered == chargeable ? BillingState.PREPAID : BillingState.UNBILLED;
        this.prepaidAmountMinor = 0;
        keepCoverWithinAmount();
        this.updatedAt = now;
    }

    /**
     * Keeps the prepaid part consistent with the client amount after the amount changed (the caller
     * then settles the minutes again): all of it when prepaid, the amount less the billable remainder
     * when partly prepaid, never more than the amount.
     */
    private void keepCoverWithinAmount() {
        if (prepaidMinutes == 0) {
            prepaidAmountMinor = 0;
        } else if (billingState == BillingState.PREPAID) {
            prepaidAmountMinor = clientAmountMinor;
        } else {
            long billable = Money.forMinutes(clientRateMinor, remainderMinutes);
            prepaidAmountMinor = Math.max(0, Math.min(clientAmountMinor, clientAmountMinor - billable));
        }
    }

    // ---- payroll (issue 16): changed only through SessionPayroll ----

    /** @return whether a payroll approval holds this session's tutor earnings */
    public boolean isPayApproved() {
        return payApproved;
    }

    /**
     * A payroll approval now holds (or, reopened, no longer holds) this session's tutor earnings. The
     * session's content does not change; its version does, so an edit read before fails its save.
     */
    void approvePay(boolean approved) {
        this.payApproved = approved;
    }

    // ---- hour totals (issue 20): what session_hour_totals holds for this row since it was read or written ----

    @jakarta.persistence.Transient
    private transient SessionHourTotals.Counted countedAs;

    SessionHourTotals.Counted countedAs() {
        return countedAs;
    }

    void countedAs(SessionHourTotals.Counted counted) {
        this.countedAs = counted;
    }
}
