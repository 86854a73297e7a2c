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
}
