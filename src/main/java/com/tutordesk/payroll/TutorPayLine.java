package com.tutordesk.payroll;

import com.tutordesk.session.PayableSession;
import com.tutordesk.session.SessionStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One session in an approved tutor pay, with what was approved: its tutor earnings as stored on the
 * session (never recomputed), its wage and duration, and the names the statement prints. A session
 * is on at most one line (unique in the database): the line is what locks its tutor earnings
 * ({@link PayrollSessionLock}). A session whose date lies in a period that was approved before it
 * was logged (or became payable) is approved in the next open period; {@code carriedFrom…} then
 * names the period of its date ("carried forward from …").
 */
@Entity
@Table(name = "tutor_pay_lines")
class TutorPayLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "tutor_pay_id", nullable = false)
    private TutorPay pay;

    @Column(name = "session_id", nullable = false)
    private long sessionId;

    @Column(name = "session_starts_at", nullable = false)
    private Instant sessionStartsAt;

    @Column(name = "student_name", nullable = false, length = 120)
    private String studentName;

    @Column(name = "subject_name", nullable = false, length = 80)
    private String subjectName;

    @Column(name = "duration_minutes", nullable = false)
    private int durationMinutes;

    @Column(name = "late_cancelled", nullable = false)
    private boolean lateCancelled;

    @Column(name = "tutor_wage_minor", nullable = false)
    private long tutorWageMinor;

    @Column(name = "earnings_minor", nullable = false)
    private long earningsMinor;

    @Column(name = "carried_from_start")
    private LocalDate carriedFromStart;

    @Column(name = "carried_from_end")
    private LocalDate carriedFromEnd;

    protected TutorPayLine() {
    }

    /**
     * @param carriedFrom the period of the session's date when it is approved in a later one, else {@code null}
     */
    TutorPayLine(PayableSession session, PayPeriod carriedFrom) {
        this.sessionId = session.id();
        this.sessionStartsAt = session.startsAt();
        this.studentName = session.studentName();
        this.subjectName = session.subjectName();
        this.durationMinutes = session.durationMinutes();
        this.lateCancelled = session.status() == SessionStatus.LATE_CANCELLED;
        this.tutorWageMinor = session.tutorWageMinor();
        this.earningsMinor = session.tutorEarningsMinor();
        this.carriedFromStart = carriedFrom == null ? null : carriedFrom.start();
        this.carriedFromEnd = carriedFrom == null ? null : carriedFrom.end();
    }

    void attachTo(TutorPay owner) {
        this.pay = owner;
    }

    long getSessionId() {
        return sessionId;
    }

    Instant getSessionStartsAt() {
        return sessionStartsAt;
    }

    String getStudentName() {
        return studentName;
    }

    String getSubjectName() {
        return subjectName;
    }

    int getDurationMinutes() {
        return durationMinutes;
    }

    boolean isLateCancelled() {
        return lateCancelled;
    }

    long getTutorWageMinor() {
        return tutorWageMinor;
    }

    long getEarningsMinor() {
        return earningsMinor;
    }

    /** @return the period of the session's date when it was carried into this one, else {@code null} */
    PayPeriod carriedFrom() {
        return carriedFromStart == null ? null : new PayPeriod(carriedFromStart, carriedFromEnd);
    }
}
