package com.tutordesk.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.tutordesk.shared.RuleViolationException;
import org.junit.jupiter.api.Test;

class GlobalErrorHandlerTest {

    @Test
    void a_broken_rule_is_told_in_its_own_words() {
        assertThat(GlobalErrorHandler.messageFor(new RuntimeException(new RuleViolationException("Cancel invoice INV-000001 first"))))
                .isEqualTo("Cancel invoice INV-000001 first");
    }

    @Test
    void an_unexpected_failure_shows_an_error_id_and_no_stack_trace() {
        String message = GlobalErrorHandler.messageFor(new NullPointerException("boom at Foo.java:12"));
        assertThat(message).containsPattern("error id [0-9a-f]{8}").doesNotContain("boom").doesNotContain("Foo.java");
    }

    @Test
    void the_log_line_of_an_unexpected_failure_carries_the_error_id_as_a_field_of_its_own() {
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(GlobalErrorHandler.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> events =
                new ch.qos.logback.core.read.ListAppender<>();
        events.start();
        logger.addAppender(events);
        try {
            String message = GlobalErrorHandler.messageFor(new IllegalStateException("boom"));
            String errorId = message.replaceAll(".*error id ([0-9a-f]{8}).*", "$1");
            assertThat(events.list).singleElement().satisfies(event -> {
                assertThat(event.getMDCPropertyMap()).containsEntry(GlobalErrorHandler.ERROR_ID_KEY, errorId);
                assertThat(event.getThrowableProxy().getMessage()).isEqualTo("boom");
            });
            assertThat(org.slf4j.MDC.get(GlobalErrorHandler.ERROR_ID_KEY)).as("not left behind").isNull();
        } finally {
            logger.detachAppender(events);
        }
    }
}
