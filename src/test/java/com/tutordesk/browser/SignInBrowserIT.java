package com.tutordesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Signing in, the home page per role, and a page a tutor may not open. */
class SignInBrowserIT extends BrowserTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final Pattern TIME_RANGE = Pattern.compile("\\d{1,2}:\\d{2}.[AP]M – ");

    private List<Map<String, Object>> agendaRows(Long tutorId) {
        LocalDate today = LocalDate.now(NEW_YORK);
        var from = com.tutordesk.testing.TestData.utc(today.atStartOfDay(NEW_YORK).toInstant());
        var to = com.tutordesk.testing.TestData.utc(today.plusDays(8).atStartOfDay(NEW_YORK).toInstant());
        String sql = "select st.name as student, t.name as tutor from tutoring_sessions s"
                + " join students st on st.id = s.student_id join tutors t on t.id = s.tutor_id"
                + " where s.starts_at >= ? and s.starts_at < ?" + (tutorId == null ? "" : " and s.tutor_id = " + tutorId)
                + " order by s.starts_at, s.id";
        return app.jdbc.queryForList(sql, from, to);
    }

    private String tutorLogin(int index) {
        return app.jdbc.queryForObject("select email from users where role = 'TUTOR' order by tutor_id limit 1 offset "
                + index, String.class);
    }

    @Test
    void an_admin_signs_in_and_sees_every_tutors_sessions_of_the_coming_week() {
        signIn("admin@example.org", "demo-admin-pass");
        assertThat(page.getByText("Today and the next 7 days")).isVisible();
        assertThat(page.locator(".app-user-role")).hasText("Admin");

        List<Map<String, Object>> expected = agendaRows(null);
        assertThat(expected).isNotEmpty();
        waitForGridCell("#home-agenda", TIME_RANGE);
        List<String> students = columnTexts("#home-agenda", 2);
        assertThat(students).isNotEmpty();
        assertThat(students.getFirst()).isEqualTo(expected.getFirst().get("student"));
        List<String> tutors = columnTexts("#home-agenda", 5);
        assertThat(tutors.stream().distinct().count()).isGreaterThan(1);
    }

    @Test
    void a_tutor_signs_in_and_sees_only_their_own_sessions() {
        String email = tutorLogin(1);
        long tutorId = app.jdbc.queryForObject("select tutor_id from users where email = ?", Long.class, email);
        String tutorName = app.jdbc.queryForObject("select name from tutors where id = ?", String.class, tutorId);
        signIn(email, "demo-tutor-plain");
        assertThat(page.getByText("Today and the next 7 days")).isVisible();
        assertThat(page.locator(".app-user-role")).hasText("Tutor");

        List<Map<String, Object>> expected = agendaRows(tutorId);
        if (expected.isEmpty()) {
            assertThat(page.getByText("No sessions today or in the next 7 days.")).isVisible();
            return;
        }
        waitForGridCell("#home-agenda", TIME_RANGE);
        // A tutor's agenda has no Tutor column (it would always be them) and only their students.
        assertThat(page.locator("vaadin-grid-sorter:text-is('Tutor'), vaadin-grid-cell-content:text-is('Tutor')"))
                .hasCount(0);
        List<String> students = columnTexts("#home-agenda", 2);
        java.util.Set<Object> theirs = new java.util.HashSet<>(expected.stream().map(r -> r.get("student")).toList());
        assertThat(students).isNotEmpty().allMatch(theirs::contains);
        assertThat(students.getFirst()).isEqualTo(expected.getFirst().get("student"));
        assertThat(tutorName).isNotBlank();
    }

    @Test
    void an_unknown_address_shows_the_apps_not_found_page() {
        signIn("admin@example.org", "demo-admin-pass");
        assertThat(page.getByText("Today and the next 7 days")).isVisible();
        page.navigate(app.baseUrl + "/no-such-page");
        assertThat(page.getByText("Not found", new com.microsoft.playwright.Page.GetByTextOptions().setExact(true)))
                .isVisible();
        page.navigate(app.baseUrl + "/sessions/abc");
        assertThat(page.getByText("Not found", new com.microsoft.playwright.Page.GetByTextOptions().setExact(true)))
                .isVisible();
    }

    @Test
    void a_wrong_password_shows_an_error_and_stays_on_the_login_page() {
        signIn("admin@example.org", "not-the-password");
        page.waitForURL(Pattern.compile(".*/login\\?error.*"));
        assertThat(page.getByText("Incorrect email or password. Check both and try again.")).isVisible();
        assertThat(page.getByText("Today and the next 7 days")).not().isVisible();
    }

    @Test
    void five_failed_sign_ins_pause_sign_in_with_a_clear_message() {
        String email = com.tutordesk.testing.TestData.unique("someone") + "@example.org";
        for (int i = 0; i < 4; i++) {
            signIn(email, "wrong-password-" + i);
            page.waitForURL(Pattern.compile(".*/login\\?error.*"));
        }
        signIn(email, "wrong-password-5");
        page.waitForURL(Pattern.compile(".*/login\\?error.*"));
        assertThat(page.getByText("Too many failed sign-in attempts. Sign-in is paused for 1 minute.")).isVisible();
    }

    @Test
    void a_tutor_who_opens_settings_is_refused() {
        signIn(tutorLogin(0), "demo-tutor-enhanced");
        assertThat(page.getByText("Today and the next 7 days")).isVisible();
        page.navigate(app.baseUrl + "/settings");
        assertThat(page.getByText("Not found", new com.microsoft.playwright.Page.GetByTextOptions().setExact(true)))
                .isVisible();
        assertThat(page.locator("#settings-name")).hasCount(0);
        assertThat(page.locator("vaadin-side-nav-item", new com.microsoft.playwright.Page.LocatorOptions()
                .setHasText("Settings"))).hasCount(0);
    }

    @Test
    void signing_out_returns_to_the_login_page() {
        signIn("admin@example.org", "demo-admin-pass");
        assertThat(page.getByText("Today and the next 7 days")).isVisible();
        page.getByText("Log out").click();
        page.waitForURL(Pattern.compile(".*/login.*"));
        page.navigate(app.baseUrl + "/");
        page.waitForURL(Pattern.compile(".*/login.*"));
        assertThat(page.locator("vaadin-login-form")).isVisible();
    }
}
