package com.tutordesk.payroll;

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
import java.time.Instant;

/** What happened to a tutor's pay and who did it: approved, reopened (with the reason), paid. */
@Entity
@Table(name = "tutor_pay_events")
class TutorPayEvent {

    enum Action {
        APPROVED("Approved"),
        REOPENED("Reopened"),
        PAID("Marked paid");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    static final int DETAILS_MAX_LENGTH = 600;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "tutor_pay_id", nullable = false)
    private TutorPay pay;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Action action;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "user_id")
    private Long userId;

    @Column(name = "user_name", nullable = false, length = 120)
    private String userName;

    @Column(length = DETAILS_MAX_LENGTH)
    private String details;

    protected TutorPayEvent() {
    }

    TutorPayEvent(TutorPay pay, Action action, Instant occurredAt, Long userId, String userName, String details) {
        this.pay = pay;
        this.action = action;
        this.occurredAt = occurredAt;
        this.userId = userId;
        this.userName = userName == null || userName.isBlank() ? "System" : userName;
        this.details = details;
    }

    Action getAction() {
        return action;
    }

    Instant getOccurredAt() {
        return occurredAt;
    }

    String getUserName() {
        return userName;
    }

    String getDetails() {
        return details;
    }
}
