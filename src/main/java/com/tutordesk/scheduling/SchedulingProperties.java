package com.tutordesk.scheduling;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the background-job scheduler ({@code tutordesk.scheduling.*}).
 *
 * @param enabled         whether scheduler threads run; {@code false} in integration tests, which
 *                        run due jobs themselves through {@link BackgroundJobs#runDueNow()}
 * @param threads         how many jobs one node runs at the same time
 * @param pollingInterval how often a node looks for due jobs (also the longest delay before a job
 *                        scheduled on another node starts)
 * @param heartbeatInterval how often a node marks the jobs it runs as still alive
 *                        ({@code scheduled_tasks.last_heartbeat})
 * @param missedHeartbeatsLimit heartbeats a running job may miss before another node takes it for
 *                        dead and runs it again: a killed node's jobs are taken over after
 *                        {@code heartbeatInterval × missedHeartbeatsLimit} (10 s), plus up to two heartbeat
 *                        intervals until a node looks (dead-execution check) and one polling interval
 *                        until it runs them: at most 19 s with the defaults. db-scheduler's own defaults
 *                        (5 min × 6) left a killed node's jobs stopped for half an hour.
 */
@ConfigurationProperties("tutordesk.scheduling")
record SchedulingProperties(@DefaultValue("true") boolean enabled, @DefaultValue("4") int threads,
        @DefaultValue("PT5S") Duration pollingInterval, @DefaultValue("PT2S") Duration heartbeatInterval,
        @DefaultValue("5") int missedHeartbeatsLimit) {

    SchedulingProperties {
        if (threads < 1) {
            throw new IllegalArgumentException("tutordesk.scheduling.threads must be at least 1");
        }
        if (pollingInterval.isNegative() || pollingInterval.isZero()) {
            throw new IllegalArgumentException("tutordesk.scheduling.polling-interval must be positive");
        }
        if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
            throw new IllegalArgumentException("tutordesk.scheduling.heartbeat-interval must be positive");
        }
        if (missedHeartbeatsLimit < 2) {
            // One missed heartbeat happens to a busy live node (a slow database write); two in a row do not.
            throw new IllegalArgumentException("tutordesk.scheduling.missed-heartbeats-limit must be at least 2");
        }
    }

    /** @return how long a running job may go without a heartbeat before it counts as dead */
    Duration deadAfter() {
        return heartbeatInterval.multipliedBy(missedHeartbeatsLimit);
    }

    /**
     * @return the longest time from a node's death to another node running its jobs again: dead
     *         after {@link #deadAfter()}, seen by the next dead-execution check (db-scheduler runs it
     *         every two heartbeat intervals), run at the next poll
     */
    Duration takeOverWithin() {
        return deadAfter().plus(heartbeatInterval.multipliedBy(2)).plus(pollingInterval);
    }
}
