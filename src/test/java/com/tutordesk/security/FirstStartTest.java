package com.tutordesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The first admin from the environment passes the same password policy as every other password. */
class FirstStartTest {

    @Test
    void a_guessable_admin_password_from_the_environment_is_refused_naming_the_variable() {
        assertThat(FirstStart.refuseUnusableAdmin("owner@example.org", "password1234")).get().asString()
                .startsWith("TUTORDESK_ADMIN_PASSWORD refused: ").contains("commonly used");
        assertThat(FirstStart.refuseUnusableAdmin("owner@example.org", "short")).get().asString()
                .isEqualTo("TUTORDESK_ADMIN_PASSWORD refused: Password must have at least 12 characters");
        assertThat(FirstStart.refuseUnusableAdmin("owner@example.org", "owner-example-2026!")).get().asString()
                .contains("must not contain your name or email");
    }

    @Test
    void a_good_admin_password_and_address_are_accepted() {
        assertThat(FirstStart.refuseUnusableAdmin("Owner@Example.org ", "Quiet-Harbor-Lantern-47")).isEmpty();
    }

    @Test
    void only_one_of_the_two_variables_or_a_bad_address_is_refused() {
        assertThat(FirstStart.refuseUnusableAdmin("owner@example.org", "")).get().asString()
                .isEqualTo("Set both TUTORDESK_ADMIN_EMAIL and TUTORDESK_ADMIN_PASSWORD, or neither");
        assertThat(FirstStart.refuseUnusableAdmin("", "Quiet-Harbor-Lantern-47")).isPresent();
        assertThat(FirstStart.refuseUnusableAdmin("owner", "Quiet-Harbor-Lantern-47")).get().asString()
                .startsWith("TUTORDESK_ADMIN_EMAIL is not an email address");
    }
}
