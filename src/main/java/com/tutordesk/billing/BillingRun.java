package com.tutordesk.billing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One "Invoice all clients" run (issue 15): what was asked (cut-off date, filters, how the invoices go
 * out) and when it finished. Its clients are {@link BillingRunClient} rows.
 */
@Entity
@Table(name = "billing_runs")
class BillingRun {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "cut_off", nullable = false)
    private LocalDate cutOff;

    @Column(name = "tutor_id")
    private Long tutorId;

    @Column(name = "subject_id")
    private Long subjectId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private NewInvoice.Delivery delivery;

    @Column(name = "send_on")
    private LocalDate sendOn;

    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;

    @Column(name = "started_by_user_id", nullable = false)
    private long startedByUserId;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected BillingRun() {
    }

    BillingRun(LocalDate cutOff, Long tutorId, Long subjectId, NewInvoice.Delivery delivery, LocalDate sendOn,
            LocalDate dueDate, long startedByUserId, Instant startedAt) {
        this.cutOff = cutOff;
        this.tutorId = tutorId;
        this.subjectId = subjectId;
        this.delivery = delivery;
        this.sendOn = delivery == NewInvoice.Delivery.SCHEDULE ? sendOn : null;
        this.dueDate = dueDate;
        this.startedByUserId = startedByUserId;
        this.startedAt = startedAt;
    }

    void finish(Instant now) {
        if (finishedAt == null) {
            finishedAt = now;
        }
    }

    Long getId() {
        return id;
    }

    LocalDate getCutOff() {
        return cutOff;
    }

    NewInvoice.Delivery getDelivery() {
        return delivery;
    }

    LocalDate getSendOn() {
        return sendOn;
    }

    LocalDate getDueDate() {
        return dueDate;
    }

    long getStartedByUserId() {
        return startedByUserId;
    }

    Instant getFinishedAt() {
        return finishedAt;
    }
}
