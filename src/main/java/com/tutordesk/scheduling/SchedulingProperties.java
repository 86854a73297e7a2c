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
 */
@ConfigurationProperties("tutordesk.scheduling")
record SchedulingProperties(@DefaultValue("true") boolean enabled, @DefaultValue("4") int threads,
        @DefaultValue("PT5S") Duration pollingInterval) {

    SchedulingProperties {
        if (threads < 1) {
            throw new IllegalArgumentException("tutordesk.scheduling.threads must be at least 1");
        }
        if (pollingInterval.isNegative() || pollingInterval.isZero()) {
            throw new IllegalArgumentException("tutordesk.scheduling.polling-interval must be positive");
        }
    }
}
