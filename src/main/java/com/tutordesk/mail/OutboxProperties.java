package com.tutordesk.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outbox settings ({@code tutordesk.mail.*}). The mail server itself is configured with Spring's
 * {@code spring.mail.*} properties (README "Email").
 *
 * @param from            sender address; the display name is the business's email sender name
 * @param deliverEvery    pause between delivery passes
 * @param maxAttempts     attempts before a message is FAILED
 * @param firstRetryDelay wait after the first failed attempt; doubled after each further one
 * @param maxRetryDelay   longest wait between two attempts
 * @param claimTimeout    how long a SENDING message's claim may go without being refreshed before it
 *                        is taken for a dead node's and the message is tried again; the sending node
 *                        refreshes it every fifth of this while it waits for the mail server. Matches
 *                        the scheduler's dead-after ({@code tutordesk.scheduling.heartbeat-interval ×
 *                        missed-heartbeats-limit} = 10 s), so that the messages of a killed node go out
 *                        as soon as its delivery job is taken over
 * @param batchSize       messages a pass reads at a time
 */
@ConfigurationProperties("tutordesk.mail")
record OutboxProperties(@DefaultValue("no-reply@tutordesk.local") String from,
        @DefaultValue("PT5S") Duration deliverEvery, @DefaultValue("10") int maxAttempts,
        @DefaultValue("PT1M") Duration firstRetryDelay, @DefaultValue("PT1H") Duration maxRetryDelay,
        @DefaultValue("PT10S") Duration claimTimeout, @DefaultValue("50") int batchSize) {

    OutboxProperties {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("tutordesk.mail.max-attempts must be at least 1");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("tutordesk.mail.batch-size must be at least 1");
        }
        if (claimTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("tutordesk.mail.claim-timeout must be at least 1 second");
        }
        if (firstRetryDelay.isNegative() || maxRetryDelay.compareTo(firstRetryDelay) < 0) {
            throw new IllegalArgumentException("tutordesk.mail retry delays must satisfy 0 <= first <= max");
        }
    }

    /**
     * @param attemptsMade attempts made so far (at least 1)
     * @return the wait before the next attempt: first × 2^(attempts − 1), at most the maximum
     */
    Duration retryDelay(int attemptsMade) {
        int doublings = Math.min(Math.max(attemptsMade, 1) - 1, 30);
        Duration delay = firstRetryDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }
}
