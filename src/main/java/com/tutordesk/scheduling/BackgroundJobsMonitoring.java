package com.tutordesk.scheduling;

import com.tutordesk.shared.NodeIdentity;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The background jobs as operators watch them: the health component {@code backgroundJobs} of
 * {@code /actuator/health} (this node's scheduler is alive, and no job of the cluster is overdue by
 * more than {@code tutordesk.health.job-lag-limit}, 2 min) and the gauge {@code tutordesk.jobs.lag}
 * (seconds the most overdue unpicked job has been due; a few seconds is normal, the polling interval).
 */
@Component("backgroundJobsHealthIndicator")
class BackgroundJobsMonitoring implements HealthIndicator, MeterBinder {

    private final BackgroundJobs jobs;
    private final NodeIdentity node;
    private final Duration lagLimit;

    BackgroundJobsMonitoring(BackgroundJobs jobs, NodeIdentity node,
            @Value("${tutordesk.health.job-lag-limit:PT2M}") Duration lagLimit) {
        this.jobs = jobs;
        this.node = node;
        this.lagLimit = lagLimit;
    }

    @Override
    public Health health() {
        BackgroundJobs.JobLag lag = jobs.lag();
        boolean alive = jobs.alive();
        Health.Builder health = alive && lag.overdue().compareTo(lagLimit) <= 0 ? Health.up() : Health.down();
        health.withDetail("node", node.name())
                .withDetail("schedulerAlive", alive)
                .withDetail("runsJobsByItself", jobs.runsByItself())
                .withDetail("lagSeconds", lag.overdue().toSeconds())
                .withDetail("lagLimitSeconds", lagLimit.toSeconds())
                .withDetail("takeOverWithinSeconds", jobs.takeOverWithin().toSeconds());
        if (lag.oldestDueJob() != null) {
            health.withDetail("mostOverdueJob", lag.oldestDueJob());
        }
        return health.build();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("tutordesk.jobs.lag", jobs, j -> j.lag().overdue().toMillis() / 1000.0)
                .description("How long the most overdue background job no node has picked has been due")
                .baseUnit("seconds")
                .register(registry);
    }
}
