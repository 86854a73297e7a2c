package com.tutordesk.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of a session's history: who did what, and when. */
@Entity
@Table(name = "session_history")
public class SessionHistoryEntry {

    public static final int DETAILS_MAX_LENGTH = 2000;

    /** What happened to a session. */
    public enum Action {
        LOGGED("Logged"),
        SCHEDULED("Scheduled"),
        EDITED("Edited"),
        LATE_CANCELLED("Late cancellation"),
        LATE_CANCELLATION_UNDONE("Late cancellation undone"),
        RATED("Rating changed"),
        REPORT_SAVED("Report saved"),
        NOTE_SAVED("Internal note saved"),
        /** Put in the outbox for the billing contact (the details say: queued, or held). */
        REPORT_SENT("Report email"),
        DELETED("Deleted");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "session_id", nullable = false)
    private long sessionId;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "user_id")
    private Long userId;

    @Column(name = "user_name", nullable = false, length = 120)
    private String userName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private Action action;

    @Column(length = DETAILS_MAX_LENGTH)
    private String details;

    protected SessionHistoryEntry() {
    }

    SessionHistoryEntry(long sessionId, Instant occurredAt, Long userId, String userName, Action action,
            String details) {
        this.sessionId = sessionId;
        this.occurredAt = occurredAt;
        this.userId = userId;
        this.userName = userName;
        this.action = action;
        this.details = details == null || details.length() <= DETAILS_MAX_LENGTH ? details
                : details.substring(0, DETAILS_MAX_LENGTH - 1) + "…";
    }

    public Long getId() {
        return id;
    }

    public long getSessionId() {
        return sessionId;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getUserName() {
        return userName;
    }

    public Action getAction() {
        return action;
    }

    public String getDetails() {
        return details;
    }
}
