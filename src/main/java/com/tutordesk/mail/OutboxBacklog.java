package com.tutordesk.mail;

import java.time.Duration;
import java.time.Instant;

/**
 * The emails waiting to go out (pending, being sent or retrying; not held and not failed), for the
 * health probe and the metrics.
 *
 * @param messages      how many
 * @param oldestQueued  when the oldest of them was queued (UTC), {@code null} when there are none
 */
public record OutboxBacklog(long messages, Instant oldestQueued) {

    /** @return how long the oldest waiting email has waited at {@code now}; zero when none waits */
    public Duration age(Instant now) {
        return oldestQueued == null || oldestQueued.isAfter(now) ? Duration.ZERO : Duration.between(oldestQueued, now);
    }
}
