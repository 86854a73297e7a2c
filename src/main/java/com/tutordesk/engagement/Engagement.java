package com.tutordesk.engagement;

import com.tutordesk.people.Student;
import com.tutordesk.people.Subject;
import com.tutordesk.people.Tutor;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * One tutor teaching one student one subject, at a client rate and a tutor wage per hour (minor
 * units of {@code currency}). At most one per tutor + student + subject (database-enforced).
 */
@Entity
@Table(name = "engagements",
        uniqueConstraints = @UniqueConstraint(name = "uq_engagements_tutor_student_subject",
                columnNames = {"tutor_id", "student_id", "subject_id"}))
public class Engagement {

    /** Highest hourly rate or wage accepted, in minor units (100,000.00 per hour): a typo guard. */
    public static final long MAX_RATE_MINOR = 10_000_000L;
    public static final int MIN_DURATION_MINUTES = 5;
    public static final int MAX_DURATION_MINUTES = 600;
    public static final int DEFAULT_DURATION_MINUTES = 60;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "tutor_id", nullable = false)
    private Tutor tutor;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "student_id", nullable = false)
    private Student student;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "subject_id", nullable = false)
    private Subject subject;

    @Min(0)
    @Max(MAX_RATE_MINOR)
    @Column(name = "client_rate_minor", nullable = false)
    private long clientRateMinor;

    @Min(0)
    @Max(MAX_RATE_MINOR)
    @Column(name = "tutor_wage_minor", nullable = false)
    private long tutorWageMinor;

    @NotBlank
    @Size(min = 3, max = 3)
    @Column(nullable = false, length = 3)
    private String currency;

    @Min(MIN_DURATION_MINUTES)
    @Max(MAX_DURATION_MINUTES)
    @Column(name = "default_duration_minutes", nullable = false)
    private int defaultDurationMinutes = DEFAULT_DURATION_MINUTES;

    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "created_by_user_id")
    private Long createdByUserId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Engagement() {
    }

    public Engagement(Tutor tutor, Student student, Subject subject, long clientRateMinor, long tutorWageMinor,
            String currency, int defaultDurationMinutes, Long createdByUserId, Instant createdAt) {
        this.tutor = tutor;
        this.student = student;
        this.subject = subject;
        this.clientRateMinor = clientRateMinor;
        this.tutorWageMinor = tutorWageMinor;
        this.currency = currency;
        this.defaultDurationMinutes = defaultDurationMinutes;
        this.createdByUserId = createdByUserId;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Tutor getTutor() {
        return tutor;
    }

    public Student getStudent() {
        return student;
    }

    public Subject getSubject() {
        return subject;
    }

    /** @return client rate per hour in minor units */
    public long getClientRateMinor() {
        return clientRateMinor;
    }

    /** @return tutor wage per hour in minor units */
    public long getTutorWageMinor() {
        return tutorWageMinor;
    }

    public String getCurrency() {
        return currency;
    }

    /** @return default session length in minutes */
    public int getDefaultDurationMinutes() {
        return defaultDurationMinutes;
    }

    public boolean isActive() {
        return active;
    }

    public Long getCreatedByUserId() {
        return createdByUserId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }

    void changeRates(long newClientRateMinor, long newTutorWageMinor) {
        this.clientRateMinor = newClientRateMinor;
        this.tutorWageMinor = newTutorWageMinor;
    }

    void setDefaultDurationMinutes(int minutes) {
        this.defaultDurationMinutes = minutes;
    }

    void setActive(boolean active) {
        this.active = active;
    }
}
