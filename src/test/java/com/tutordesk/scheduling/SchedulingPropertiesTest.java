package com.tutordesk.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The scheduler's defaults take a dead node's jobs over in seconds (issue 13: at most 30 s). */
class SchedulingPropertiesTest {

    private static SchedulingProperties bind(java.util.Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("tutordesk.scheduling",
                SchedulingProperties.class);
    }

    @Test
    void by_default_a_killed_nodes_jobs_are_taken_over_within_30_seconds() {
        SchedulingProperties defaults = bind(java.util.Map.of());
        assertThat(defaults.heartbeatInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(defaults.missedHeartbeatsLimit()).isEqualTo(5);
        assertThat(defaults.deadAfter()).isEqualTo(Duration.ofSeconds(10));
        // dead after 10 s + up to 2 heartbeats until the dead-execution check + one 5 s poll
        assertThat(defaults.takeOverWithin()).isEqualTo(Duration.ofSeconds(19)).isLessThanOrEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void a_single_missed_heartbeat_never_counts_as_dead() {
        assertThatThrownBy(() -> bind(java.util.Map.of("tutordesk.scheduling.missed-heartbeats-limit", "1")))
                .rootCause().hasMessageContaining("missed-heartbeats-limit must be at least 2");
    }
}
