package com.tutordesk.mail;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The outbox as operators watch it: the health component {@code mailOutbox} of
 * {@code /actuator/health} and the gauges {@code tutordesk.outbox.backlog} (emails waiting) and
 * {@code tutordesk.outbox.backlog.age} (seconds the oldest has waited). Down when the oldest waiting
 * email has waited longer than {@code tutordesk.health.outbox-max-age} (30 min): the mail server has
 * been unreachable that long, or no node delivers. Not part of the liveness or readiness groups: a
 * mail server outage is no reason to restart a node or send it no traffic. Held emails (no mail
 * server configured) do not count; they are reported as such.
 */
@Component("mailOutboxHealthIndicator")
class OutboxMonitoring implements HealthIndicator, MeterBinder {

    /** Metrics scrapes and health probes within this time share one read of the table. */
    private static final Duration CACHE_FOR = Duration.ofSeconds(5);

    private final MailOutbox outbox;
    private final OutboxDelivery delivery;
    private final Clock clock;
    private final Duration maxAge;
    private volatile Snapshot last;

    OutboxMonitoring(MailOutbox outbox, OutboxDelivery delivery, Clock clock,
            @Value("${tutordesk.health.outbox-max-age:PT30M}") Duration maxAge) {
        this.outbox = outbox;
        this.delivery = delivery;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    private record Snapshot(OutboxBacklog backlog, Instant readAt) {
    }

    private OutboxBacklog backlog() {
        Instant now = clock.instant();
        Snapshot snapshot = last;
        if (snapshot == null || snapshot.readAt().plus(CACHE_FOR).isBefore(now) || snapshot.readAt().isAfter(now)) {
            snapshot = new Snapshot(outbox.backlog(), now);
            last = snapshot;
        }
        return snapshot.backlog();
    }

    @Override
    public Health health() {
        Instant now = clock.instant();
        OutboxBacklog backlog = backlog();
        Duration age = backlog.age(now);
        Health.Builder health = age.compareTo(maxAge) > 0 ? Health.down() : Health.up();
        return health.withDetail("waiting", backlog.messages())
                .withDetail("oldestWaitingSeconds", age.toSeconds())
                .withDetail("maxAgeSeconds", maxAge.toSeconds())
                .withDetail("mailServerConfigured", delivery.mailServerConfigured())
                .build();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("tutordesk.outbox.backlog", this, self -> self.backlog().messages())
                .description("Emails waiting to be sent (pending, being sent, retrying)")
                .baseUnit("messages")
                .register(registry);
        Gauge.builder("tutordesk.outbox.backlog.age", this, self -> self.backlog().age(self.clock.instant()).toSeconds())
                .description("How long the oldest waiting email has waited")
                .baseUnit("seconds")
                .register(registry);
    }
}
