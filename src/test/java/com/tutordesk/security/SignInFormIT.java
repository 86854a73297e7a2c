package com.tutordesk.security;

import static com.tutordesk.security.FormSignIn.failure;
import static com.tutordesk.security.FormSignIn.session;
import static com.tutordesk.security.FormSignIn.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.TestClock;
import com.tutordesk.testing.TestData;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;

/**
 * The sign-in form through the app's real filters (issue 12): CSRF token required, each wrong
 * password counted once, a limit per client address, the owner's known browser not paused by
 * strangers, redirects that never name the request's host, and the security headers.
 */
@IntegrationTest
class SignInFormIT {

    static final String PASSWORD = "correct-horse-battery";
    static final String PAUSED = "Too many failed sign-in attempts. Sign-in is paused for ";

    @Autowired
    WebApplicationContext context;

    @Autowired
    TestData data;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcTemplate jdbc;

    FormSignIn form;
    String email;
    String address;

    @BeforeEach
    void setUp() {
        clock.reset();
        form = new FormSignIn(context);
        email = data.tutorLogin(data.tutor("Form Tutor"), PASSWORD);
        address = FormSignIn.newAddress();
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    private int failureCount(String login) {
        return jdbc.queryForList("select failed_attempts from login_throttle where email = ?", Integer.class, login)
                .stream().findFirst().orElse(0);
    }

    @Test
    void signing_in_needs_the_csrf_token_of_the_sign_in_page() throws Exception {
        MvcResult noToken = form.perform(form.form(email, PASSWORD, address));
        assertThat(noToken.getResponse().getRedirectedUrl()).isEqualTo("/login?expired");
        assertThat(signedIn(noToken)).isFalse();

        MvcResult forgedToken = form.perform(form.form(email, PASSWORD, address).with(csrf().useInvalidToken()));
        assertThat(forgedToken.getResponse().getRedirectedUrl()).isEqualTo("/login?expired");
        assertThat(signedIn(forgedToken)).isFalse();

        MvcResult withToken = form.signIn(email, PASSWORD, address);
        assertThat(withToken.getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(signedIn(withToken)).isTrue();
    }

    @Test
    void each_wrong_password_counts_once_and_the_fifth_in_a_row_pauses_sign_in() throws Exception {
        for (int failures = 1; failures <= 4; failures++) {
            MvcResult wrong = form.signIn(email, "wrong-password", address);
            assertThat(wrong.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
            assertThat(failure(wrong)).isEqualTo("Bad credentials");
            assertThat(failureCount(email)).isEqualTo(failures);
        }
        MvcResult fifth = form.signIn(email, "wrong-password", address);
        assertThat(failure(fifth)).isEqualTo(PAUSED + "1 minute.");
        assertThat(failureCount(email)).isEqualTo(5);
        assertThat(signedIn(form.signIn(email, PASSWORD, address))).isFalse();

        clock.advance(Duration.ofMinutes(1));
        assertThat(signedIn(form.signIn(email, PASSWORD, address))).isTrue();
        assertThat(failureCount(email)).isZero();
    }

    @Test
    void one_address_cannot_try_a_password_on_many_logins() throws Exception {
        String paused = "Too many failed sign-in attempts from your network. Sign-in is paused for 3 minutes.";
        for (int i = 1; i <= 20; i++) {
            MvcResult spray = form.signIn(TestData.unique("sprayed") + "@example.org", "Summer2026!", address);
            assertThat(failure(spray)).isEqualTo(i < 20 ? "Bad credentials" : paused);
        }
        MvcResult refused = form.signIn(email, PASSWORD, address);
        assertThat(signedIn(refused)).isFalse();
        assertThat(failure(refused)).isEqualTo(paused);

        assertThat(signedIn(form.signIn(email, PASSWORD, FormSignIn.newAddress()))).isTrue();
        clock.advance(Duration.ofMinutes(3));
        assertThat(signedIn(form.signIn(email, PASSWORD, address))).isTrue();
    }

    @Test
    void strangers_failures_do_not_pause_the_browser_the_owner_signed_in_with() throws Exception {
        MvcResult owner = form.signIn(email, PASSWORD, address);
        MockHttpServletResponse firstPage = form.page("/", session(owner)).getResponse();
        Cookie browser = firstPage.getCookie(KnownBrowserCookie.NAME);
        assertThat(browser).isNotNull();
        assertThat(firstPage.getHeader("Set-Cookie")).contains("Path=/login", "HttpOnly", "SameSite=Strict");

        for (int i = 0; i < 8; i++) {
            form.signIn(email, "guess-" + i, FormSignIn.newAddress());
        }
        MvcResult stranger = form.signIn(email, PASSWORD, FormSignIn.newAddress());
        assertThat(signedIn(stranger)).isFalse();
        assertThat(failure(stranger)).startsWith(PAUSED);

        MvcResult ownerAgain = form.signIn(email, PASSWORD, address, browser);
        assertThat(signedIn(ownerAgain)).isTrue();
    }

    @Test
    void a_known_browser_is_paused_by_its_own_failures_so_a_stolen_cookie_buys_no_guesses() throws Exception {
        Cookie browser = form.page("/", session(form.signIn(email, PASSWORD, address))).getResponse()
                .getCookie(KnownBrowserCookie.NAME);
        for (int i = 0; i < 4; i++) {
            assertThat(failure(form.signIn(email, "guess-" + i, FormSignIn.newAddress(), browser)))
                    .isEqualTo("Bad credentials");
        }
        assertThat(failure(form.signIn(email, "guess-5", FormSignIn.newAddress(), browser))).isEqualTo(PAUSED + "1 minute.");
        // Its failures were its own: a browser the login does not know may still try.
        assertThat(failureCount(email)).isZero();
        assertThat(signedIn(form.signIn(email, PASSWORD, FormSignIn.newAddress()))).isTrue();
    }

    @Test
    void a_browser_known_to_another_login_is_a_stranger_here() throws Exception {
        String other = data.tutorLogin(data.tutor("Other Form Tutor"), PASSWORD);
        Cookie otherBrowser = form.page("/", session(form.signIn(other, PASSWORD, address))).getResponse()
                .getCookie(KnownBrowserCookie.NAME);
        for (int i = 0; i < 5; i++) {
            form.signIn(email, "guess-" + i, FormSignIn.newAddress());
        }
        assertThat(failure(form.signIn(email, PASSWORD, address, otherBrowser))).startsWith(PAUSED);
    }

    @Test
    void redirects_never_name_the_host_the_request_gave() throws Exception {
        MockHttpSession session = new MockHttpSession();
        MvcResult page = form.perform(get("http://evil.example/sessions").header("Sec-Fetch-Dest", "document")
                .session(session));
        assertThat(page.getResponse().getRedirectedUrl()).isEqualTo("/login");

        MvcResult signIn = form.perform(form.form(email, PASSWORD, address).session(session)
                .header("Host", "evil.example").with(csrf()));
        assertThat(signedIn(signIn)).isTrue();
        assertThat(signIn.getResponse().getRedirectedUrl()).startsWith("/sessions").doesNotContain("evil");
    }

    @Test
    void pages_carry_a_content_security_policy_and_the_other_security_headers() throws Exception {
        MockHttpServletResponse page = form.perform(get("/login")).getResponse();
        assertThat(page.getHeader("Content-Security-Policy"))
                .matches("default-src 'self'; script-src 'self' 'nonce-[A-Za-z0-9_-]{22}' 'unsafe-eval'; .*")
                .contains("object-src 'none'", "frame-ancestors 'none'", "form-action 'self'")
                .doesNotContain("script-src 'self' 'unsafe-inline'");
        assertThat(page.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.getHeader("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(page.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.getHeader("Strict-Transport-Security")).isNull();

        MockHttpServletResponse overHttps = form.perform(get("/login").secure(true)).getResponse();
        assertThat(overHttps.getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000");
        assertThat(overHttps.getHeader("Content-Security-Policy")).isNotEqualTo(page.getHeader("Content-Security-Policy"));
    }
}
