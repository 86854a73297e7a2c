package com.tutordesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.TestClock;
import com.tutordesk.testing.TestData;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Growing pauses after failed sign-ins, per email, whether or not it has an account: the 5th failure
 * in a row pauses 1 minute, each further one doubles the pause up to 15 minutes. (Through the sign-in
 * form, with addresses and known browsers: {@link SignInFormIT}.)
 */
@IntegrationTest
class LoginThrottlingIT {

    static final String PASSWORD = "correct-horse-battery";
    static final String PAUSED_1 = "Too many failed sign-in attempts. Sign-in is paused for 1 minute.";

    @Autowired
    AuthenticationManager authentication;

    @Autowired
    TestData data;

    @Autowired
    TestClock clock;

    String email;

    @BeforeEach
    void setUp() {
        clock.reset();
        email = data.tutorLogin(data.tutor("Throttled Tutor"), PASSWORD);
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    private Authentication signIn(String login, String password) {
        return authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(login, password));
    }

    private void failTimes(String login, int times) {
        for (int i = 0; i < times; i++) {
            assertThatThrownBy(() -> signIn(login, "wrong-password")).isInstanceOf(BadCredentialsException.class);
        }
    }

    @Test
    void the_right_password_signs_in() {
        assertThat(signIn(email, PASSWORD).isAuthenticated()).isTrue();
    }

    @Test
    void four_wrong_passwords_cost_nothing_and_the_fifth_pauses_sign_in_for_a_minute() {
        failTimes(email, 4);
        assertThat(signIn(email, PASSWORD).isAuthenticated()).isTrue();

        failTimes(email, 4);
        assertThatThrownBy(() -> signIn(email, "wrong-password")).isInstanceOf(LockedException.class)
                .hasMessage(PAUSED_1);
        assertThatThrownBy(() -> signIn(email, PASSWORD)).isInstanceOf(LockedException.class).hasMessage(PAUSED_1);
    }

    @Test
    void each_further_failure_doubles_the_pause_up_to_fifteen_minutes_and_a_pause_ends_by_itself() {
        failTimes(email, 4);
        long[] expectedMinutes = {1, 2, 4, 8, 15, 15};
        for (long minutes : expectedMinutes) {
            assertThatThrownBy(() -> signIn(email, "wrong-password")).isInstanceOf(LockedException.class)
                    .hasMessageEndingWith("paused for " + minutes + (minutes == 1 ? " minute." : " minutes."));
            // Tries during the pause are refused unchecked and do not lengthen it.
            assertThatThrownBy(() -> signIn(email, "wrong-password")).isInstanceOf(LockedException.class)
                    .hasMessageEndingWith("paused for " + minutes + (minutes == 1 ? " minute." : " minutes."));
            clock.advance(Duration.ofMinutes(minutes));
        }
        assertThat(signIn(email, PASSWORD).isAuthenticated()).isTrue();
    }

    @Test
    void a_success_forgets_earlier_failures() {
        failTimes(email, 4);
        signIn(email, PASSWORD);
        failTimes(email, 4);
        assertThat(signIn(email, PASSWORD).isAuthenticated()).isTrue();
    }

    @Test
    void failures_are_forgotten_after_a_day_without_one() {
        failTimes(email, 4);
        clock.advance(Duration.ofHours(24));
        failTimes(email, 4);
        assertThat(signIn(email, PASSWORD).isAuthenticated()).isTrue();
    }

    @Test
    void an_unknown_email_gets_the_same_answers_so_nobody_learns_whether_it_exists() {
        String unknown = TestData.unique("nobody") + "@example.org";
        Throwable unknownFailure = catchFailure(unknown, "wrong-password");
        Throwable knownFailure = catchFailure(email, "wrong-password");
        assertThat(unknownFailure).isInstanceOf(BadCredentialsException.class);
        assertThat(unknownFailure.getMessage()).isEqualTo(knownFailure.getMessage());

        failTimes(unknown, 3);
        assertThatThrownBy(() -> signIn(unknown, "wrong-password")).isInstanceOf(LockedException.class)
                .hasMessage(PAUSED_1);
    }

    @Test
    void email_case_and_spaces_do_not_dodge_the_count() {
        for (int i = 0; i < 5; i++) {
            String variant = i % 2 == 0 ? email.toUpperCase() : " " + email + " ";
            catchFailure(variant, "wrong-password");
        }
        assertThatThrownBy(() -> signIn(email, PASSWORD)).isInstanceOf(LockedException.class);
    }

    private Throwable catchFailure(String login, String password) {
        try {
            signIn(login, password);
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }
}
