package com.tutordesk.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Failed sign-ins per email, kept for any email typed (existing or not) so that the lock-out
 * message never tells whether an account exists. Kept in the database so that every node of a
 * cluster sees the same count.
 */
@Entity
@Table(name = "login_throttle")
class LoginThrottle {

    @Id
    @Column(length = UserAccount.EMAIL_MAX_LENGTH)
    private String email;

    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "last_failure_at", nullable = false)
    private Instant lastFailureAt;

    protected LoginThrottle() {
    }

    LoginThrottle(String email, Instant now) {
        this.email = email;
        this.lastFailureAt = now;
    }

    Instant lockedUntil() {
        return lockedUntil;
    }

    /** Counts one failure; the {@code maxFailures}-th in a row locks the email for {@code lockFor}. */
    void recordFailure(Instant now, int maxFailures, java.time.Duration lockFor) {
        if (lockedUntil != null && !lockedUntil.isAfter(now)) {
            lockedUntil = null;
            failedAttempts = 0;
        }
        failedAttempts++;
        lastFailureAt = now;
        if (failedAttempts >= maxFailures) {
            lockedUntil = now.plus(lockFor);
            failedAttempts = 0;
        }
    }
}
