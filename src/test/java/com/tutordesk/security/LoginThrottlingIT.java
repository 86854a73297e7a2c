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
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/** Five failed sign-ins in a row lock an email for five minutes, whether or not it has an account. */
@IntegrationTest
class LoginThrottlingIT {

    static final String PASSWORD = "correct-horse-battery";

    @Autowired
    AuthenticationProvider authentication;

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

    @Test
    void the_right_password_signs_in() {
        assertThat(signIn(email, PASSWORD).isAuthenticated()).isTrue();
    }

    @Test
    void five_wrong_passwords_lock_the_account_even_for_the_right_password() {
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> signIn(email, "wrong-password")).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> signIn(email, "wrong-password"))
                .isInstanceOf(LockedException.class)
                .hasMessage("Too many failed sign-in attempts. Sign-in is paused for 5 minutes.");
        assertThatThrownBy(() -> signIn(email, PASSWORD)).isInstanceOf(LockedException.class);
    }

    @Test
    void the_lock_ends_after_five_minutes() {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> signIn(email, "wrong-password")).isInstanceOf(RuntimeException.class);
        }
        clock.advance(Duration.ofMinutes(4));
        assertThatThrownBy(() -> signIn(email, PASSWORD)).hasMessageContaining("paused for 1 minute.");
        clock.advance(Duration.ofMinutes(1));
        assertThat(signIn(email, PASSWORD).isAuthenticated()).isTrue();
    }

    @Test
    void a_success_forgets_earlier_failures() {
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> signIn(email, "wrong-password")).isInstanceOf(BadCredentialsException.class);
        }
        signIn(email, PASSWORD);
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> signIn(email, "wrong-password")).isInstanceOf(BadCredentialsException.class);
        }
        assertThat(signIn(email, PASSWORD).isAuthenticated()).isTrue();
    }

    @Test
    void an_unknown_email_gets_the_same_answers_so_nobody_learns_whether_it_exists() {
        String unknown = TestData.unique("nobody") + "@example.org";
        Throwable unknownFailure = catchFailure(unknown, "wrong-password");
        Throwable knownFailure = catchFailure(email, "wrong-password");
        assertThat(unknownFailure).isInstanceOf(BadCredentialsException.class);
        assertThat(unknownFailure.getMessage()).isEqualTo(knownFailure.getMessage());

        for (int i = 0; i < 3; i++) {
            catchFailure(unknown, "wrong-password");
        }
        assertThatThrownBy(() -> signIn(unknown, "wrong-password"))
                .isInstanceOf(LockedException.class)
                .hasMessage("Too many failed sign-in attempts. Sign-in is paused for 5 minutes.");
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
