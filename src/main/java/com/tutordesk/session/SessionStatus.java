package com.tutordesk.session;

import java.time.Instant;

/** Status of a tutoring session (domain.md "Status"). */
public enum SessionStatus {
    /** Starts in the future. */
    SCHEDULED("Scheduled"),
    /** Took place. */
    COMPLETED("Completed"),
    /** Cancelled in time: both amounts are 0 and it is never billed. */
    CANCELLED("Cancelled"),
    /** Cancelled too late: amounts follow the late-cancellation policy. */
    LATE_CANCELLED("Late cancellation");

    private final String label;

    SessionStatus(String label) {
        this.label = label;
    }

    /** @return the name people read, e.g. "Late cancellation" */
    public String label() {
        return label;
    }

    /**
     * A scheduled session becomes completed once its end has passed, with no manual step
     * (domain.md). The stored status is caught up by {@link SessionStatusPromoter}; this gives the
     * right answer in between.
     *
     * @param endsAt end of the session (UTC instant)
     * @param now    the current instant
     * @return the status as of {@code now}
     */
    public SessionStatus asOf(Instant endsAt, Instant now) {
        return this == SCHEDULED && !endsAt.isAfter(now) ? COMPLETED : this;
    }

    /** @return whether the session counts for conflicts and billing (not cancelled in time) */
    public boolean isCancelled() {
        return this == CANCELLED || this == LATE_CANCELLED;
    }
}
