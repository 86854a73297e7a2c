package com.tutordesk.engagement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One entry of an engagement's rate history (issue 6: "A rate change is recorded in the
 * engagement's history (who, when, old → new)"). The first entry records the rates the engagement
 * was created with (old rates {@code null}). Rates are minor units per hour.
 */
@Entity
@Table(name = "engagement_rate_changes")
class EngagementRateChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "engagement_id", nullable = false)
    private long engagementId;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "changed_by_user_id")
    private Long changedByUserId;

    @Column(name = "changed_by_name", nullable = false, length = 120)
    private String changedByName;

    @Column(name = "old_client_rate_minor")
    private Long oldClientRateMinor;

    @Column(name = "new_client_rate_minor", nullable = false)
    private long newClientRateMinor;

    @Column(name = "old_tutor_wage_minor")
    private Long oldTutorWageMinor;

    @Column(name = "new_tutor_wage_minor", nullable = false)
    private long newTutorWageMinor;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(name = "applied_to_sessions", nullable = false)
    private int appliedToSessions;

    protected EngagementRateChange() {
    }

    EngagementRateChange(long engagementId, Instant changedAt, Long changedByUserId, String changedByName,
            Long oldClientRateMinor, long newClientRateMinor, Long oldTutorWageMinor, long newTutorWageMinor,
            String currency) {
        this.engagementId = engagementId;
        this.changedAt = changedAt;
        this.changedByUserId = changedByUserId;
        this.changedByName = changedByName.length() > 120 ? changedByName.substring(0, 120) : changedByName;
        this.oldClientRateMinor = oldClientRateMinor;
        this.newClientRateMinor = newClientRateMinor;
        this.oldTutorWageMinor = oldTutorWageMinor;
        this.newTutorWageMinor = newTutorWageMinor;
        this.currency = currency;
    }

    Long getId() {
        return id;
    }

    long getEngagementId() {
        return engagementId;
    }

    void setAppliedToSessions(int count) {
        this.appliedToSessions = count;
    }

    RateChange toRecord(boolean showClientRate) {
        return new RateChange(id, changedAt, changedByName, showClientRate ? oldClientRateMinor : null,
                showClientRate ? newClientRateMinor : null, oldTutorWageMinor, newTutorWageMinor, currency,
                appliedToSessions);
    }
}
