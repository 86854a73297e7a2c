package com.tutordesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OutboxPropertiesTest {

    private final OutboxProperties defaults = new OutboxProperties("no-reply@example.org", Duration.ofSeconds(5), 10,
            Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofMinutes(10), 50);

    @Test
    void the_wait_doubles_after_each_failed_attempt_up_to_the_maximum() {
        assertThat(defaults.retryDelay(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(defaults.retryDelay(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(defaults.retryDelay(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(defaults.retryDelay(6)).isEqualTo(Duration.ofMinutes(32));
        assertThat(defaults.retryDelay(7)).isEqualTo(Duration.ofHours(1));
        assertThat(defaults.retryDelay(1_000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void nonsensical_settings_are_refused_at_start_up() {
        assertThatThrownBy(() -> new OutboxProperties("a@b.c", Duration.ofSeconds(5), 0, Duration.ofMinutes(1),
                Duration.ofHours(1), Duration.ofMinutes(10), 50)).hasMessageContaining("max-attempts");
        assertThatThrownBy(() -> new OutboxProperties("a@b.c", Duration.ofSeconds(5), 3, Duration.ofHours(2),
                Duration.ofHours(1), Duration.ofMinutes(10), 50)).hasMessageContaining("retry delays");
    }
}
