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
import java.time.Instant;

/**
 * One session on an invoice, copied from the session when the invoice was made (names, duration,
 * rate and the stored client amount): what the client was billed stays as it was billed.
 * {@code activeSessionId} is the session id until the invoice is cancelled; its unique index keeps a
 * session on at most one non-cancelled invoice.
 */
@Entity
@Table(name = "invoice_lines")
public class InvoiceLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "invoice_id", nullable = false)
    private Invoice invoice;

    @Column(nullable = false)
    private int position;

    @Column(name = "session_id", nullable = false)
    private long sessionId;

    @Column(name = "active_session_id")
    private Long activeSessionId;

    @Column(name = "session_starts_at", nullable = false)
    private Instant sessionStartsAt;

    @Column(name = "student_name", nullable = false, length = 120)
    private String studentName;

    @Column(name = "subject_name", nullable = false, length = 80)
    private String subjectName;

    @Column(name = "tutor_id", nullable = false)
    private long tutorId;

    @Column(name = "tutor_name", nullable = false, length = 120)
    private String tutorName;

    @Column(name = "duration_minutes", nullable = false)
    private int durationMinutes;

    @Column(name = "late_cancelled", nullable = false)
    private boolean lateCancelled;

    @Column(name = "rate_minor", nullable = false)
    private long rateMinor;

    @Column(name = "amount_minor", nullable = false)
    private long amountMinor;

    protected InvoiceLine() {
    }

    InvoiceLine(com.tutordesk.session.BillableSession session) {
        this.sessionId = session.id();
        this.activeSessionId = session.id();
        copy(session);
    }

    /** Copies what the line shows from the session (its stored amount, never recomputed). */
    void copy(com.tutordesk.session.BillableSession session) {
        if (session.id() != sessionId) {
            throw new IllegalArgumentException("Line of session " + sessionId + " cannot copy session " + session.id());
        }
        this.sessionStartsAt = session.startsAt();
        this.studentName = session.studentName();
        this.subjectName = session.subjectName();
        this.tutorId = session.tutorId();
        this.tutorName = session.tutorName();
        this.durationMinutes = session.durationMinutes();
        this.lateCancelled = session.status() == com.tutordesk.session.SessionStatus.LATE_CANCELLED;
        this.rateMinor = session.clientRateMinor();
        this.amountMinor = session.clientAmountMinor();
    }

    void attach(Invoice owner, int index) {
        this.invoice = owner;
        this.position = index;
    }

    /** The invoice was cancelled: the session may go on another invoice. */
    void release() {
        this.activeSessionId = null;
    }

    public Long getId() {
        return id;
    }

    public int getPosition() {
        return position;
    }

    public long getSessionId() {
        return sessionId;
    }

    public Long getActiveSessionId() {
        return activeSessionId;
    }

    public Instant getSessionStartsAt() {
        return sessionStartsAt;
    }

    public String getStudentName() {
        return studentName;
    }

    public String getSubjectName() {
        return subjectName;
    }

    public long getTutorId() {
        return tutorId;
    }

    public String getTutorName() {
        return tutorName;
    }

    public int getDurationMinutes() {
        return durationMinutes;
    }

    public boolean isLateCancelled() {
        return lateCancelled;
    }

    /** @return client rate per hour as stored on the session, minor units */
    public long getRateMinor() {
        return rateMinor;
    }

    /** @return the session's stored client amount, minor units */
    public long getAmountMinor() {
        return amountMinor;
    }

    /** @return the id of the invoice this line is on */
    long invoiceId() {
        return invoice.getId();
    }

    com.tutordesk.session.InvoiceLookup.SessionInvoice invoiceForLookup() {
        return new com.tutordesk.session.InvoiceLookup.SessionInvoice(invoice.getId(), invoice.getNumber(),
                invoice.getState() == InvoiceState.PAID);
    }
}
