package com.tutordesk.security;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Failed sign-ins in a row of one email (for browsers it does not know) or of one known browser,
 * and the pause they caused ({@link SignInPauses}).
 */
@Embeddable
class FailedSignIns {

    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;

    /** End of the current pause; the column keeps its first name from when pauses were locks. */
    @Column(name = "locked_until")
    private Instant pausedUntil;

    @Column(name = "last_failure_at")
    private Instant lastFailureAt;

    /** @return how much longer tries are refused, or empty when a try may be made now */
    Optional<Duration> pauseRemaining(Instant now) {
        return pausedUntil != null && pausedUntil.isAfter(now)
                ? Optional.of(Duration.between(now, pausedUntil))
                : Optional.empty();
    }

    /** Counts one failure and starts the pause it earns, if any. */
    void recordFailure(Instant now, SignInPauses pauses) {
        if (lastFailureAt != null && !lastFailureAt.plus(pauses.forgetAfter()).isAfter(now)) {
            failedAttempts = 0;
        }
        failedAttempts++;
        lastFailureAt = now;
        Duration pause = pauses.pauseAfter(failedAttempts);
        pausedUntil = pause.isZero() ? null : now.plus(pause);
    }

    /** Forgets every failure, after a successful sign-in. */
    void clear() {
        failedAttempts = 0;
        pausedUntil = null;
        lastFailureAt = null;
    }

    int failedAttempts() {
        return failedAttempts;
    }
}
