package com.tutordesk.prepaid;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The minutes one session uses of one package (issue 17); removed when the session gives them back. */
@Entity
@Table(name = "prepaid_usages")
class PackageUsage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "package_id", nullable = false)
    private long packageId;

    @Column(name = "session_id", nullable = false)
    private long sessionId;

    @Column(nullable = false)
    private int minutes;

    @Column(name = "used_at", nullable = false)
    private Instant usedAt;

    protected PackageUsage() {
    }

    PackageUsage(long packageId, long sessionId, int minutes, Instant usedAt) {
        this.packageId = packageId;
        this.sessionId = sessionId;
        this.minutes = minutes;
        this.usedAt = usedAt;
    }

    long getPackageId() {
        return packageId;
    }

    long getSessionId() {
        return sessionId;
    }

    int getMinutes() {
        return minutes;
    }
}
