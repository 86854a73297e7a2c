package com.tutordesk.security;

import static com.tutordesk.security.FormSignIn.reachedTheApp;
import static com.tutordesk.security.FormSignIn.sentToSignIn;
import static com.tutordesk.security.FormSignIn.session;
import static com.tutordesk.security.FormSignIn.signedIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestClock;
import com.tutordesk.testing.TestData;
import com.vaadin.flow.server.VaadinSession;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * How long a signed-in HTTP session lasts (issue 12): a password change or an admin's reset ends
 * every other session of that login (the one that changed it stays), a disabled login is signed out
 * at its next request, and a session with no user action for 8 hours is signed out however many
 * heartbeats its open tab sends.
 */
@IntegrationTest
class SessionLifetimeIT {

    static final String PASSWORD = "correct-horse-battery";
    static final String NEW_PASSWORD = "amber walrus quietly juggles";

    @Autowired
    WebApplicationContext context;

    @Autowired
    TestData data;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserAccountService accounts;

    @Autowired
    SignIn signIn;

    FormSignIn form;
    String email;
    long userId;

    @BeforeEach
    void setUp() {
        clock.reset();
        form = new FormSignIn(context);
        email = data.tutorLogin(data.tutor("Session Tutor"), PASSWORD);
        userId = jdbc.queryForObject("select id from users where email = ?", Long.class, email);
    }

    @AfterEach
    void tearDown() {
        clock.reset();
        signIn.out();
    }

    private MockHttpSession signedInSession() throws Exception {
        return session(form.signIn(email, PASSWORD, FormSignIn.newAddress()));
    }

    /** Runs {@code action} as a request of this HTTP session would: with its security context and session. */
    private static void inSession(MockHttpSession session, Runnable action) {
        VaadinSession.setCurrent(null);
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setSession(session);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        SecurityContextHolder.setContext((SecurityContext) session
                .getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY));
        try {
            action.run();
        } finally {
            RequestContextHolder.resetRequestAttributes();
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void a_password_change_signs_out_the_logins_other_sessions_and_keeps_this_one() throws Exception {
        MockHttpSession laptop = signedInSession();
        MockHttpSession phone = signedInSession();
        assertThat(reachedTheApp(form.page("/", phone))).isTrue();

        inSession(laptop, () -> accounts.changeOwnPassword(PASSWORD, NEW_PASSWORD));

        assertThat(reachedTheApp(form.page("/sessions", laptop))).isTrue();
        assertThat(sentToSignIn(form.page("/sessions", phone))).isTrue();
        assertThat(phone.isInvalid()).isTrue();
        assertThat(signedIn(form.signIn(email, NEW_PASSWORD, FormSignIn.newAddress()))).isTrue();
    }

    @Test
    void an_admins_reset_signs_the_login_out_everywhere() throws Exception {
        MockHttpSession tutor = signedInSession();
        signIn.as(DemoAccounts.read(jdbc).adminEmail());
        accounts.resetPassword(userId);
        signIn.out();

        assertThat(sentToSignIn(form.page("/", tutor))).isTrue();
    }

    @Test
    void a_disabled_login_is_signed_out_at_its_next_request() throws Exception {
        MockHttpSession tutor = signedInSession();
        signIn.as(DemoAccounts.read(jdbc).adminEmail());
        accounts.setEnabled(userId, false);
        signIn.out();

        assertThat(sentToSignIn(form.page("/", tutor))).isTrue();
    }

    @Test
    void heartbeats_of_an_open_tab_do_not_keep_an_idle_session_signed_in() throws Exception {
        MockHttpSession tab = signedInSession();
        for (int i = 0; i < 95; i++) {
            clock.advance(Duration.ofMinutes(5));
            form.heartbeat(tab);
        }
        // 7 h 55 min after the last user action: still signed in.
        assertThat(tab.isInvalid()).isFalse();
        clock.advance(Duration.ofMinutes(5));
        form.heartbeat(tab);
        assertThat(tab.isInvalid()).isTrue();
        assertThat(sentToSignIn(form.page("/", tab))).isTrue();
    }

    @Test
    void a_user_action_restarts_the_idle_time() throws Exception {
        MockHttpSession tab = signedInSession();
        clock.advance(Duration.ofHours(7));
        assertThat(reachedTheApp(form.page("/sessions", tab))).isTrue();
        clock.advance(Duration.ofHours(7));
        form.heartbeat(tab);
        assertThat(reachedTheApp(form.page("/sessions", tab))).isTrue();
        clock.advance(Duration.ofHours(8));
        assertThat(sentToSignIn(form.page("/sessions", tab))).isTrue();
    }
}
