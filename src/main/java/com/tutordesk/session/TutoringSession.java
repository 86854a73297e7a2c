package com.tutordesk.session;

import com.tutordesk.engagement.Engagement;
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
public class TutoringSession {

    public static final int LOCATION_MAX_LENGTH = 200;
    /** Longest session report, in characters (documented limit; the view shows a counter). */
    public static final int REPORT_MAX_LENGTH = 10_000;
    public static final int INTERNAL_NOTE_MAX_LENGTH = 5_000;
    public static final int MIN_RATING = 1;
    public static final int MAX_RATING = 5;
    public static final int MAX_DURATION_MINUTES = 600;

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

    protected TutoringSession() {
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
}
