package com.tutordesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.tutordesk.shared.Money;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.TestMailServer;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The session page in a real browser: a tutor's report to the parent, and an admin's late cancellation. */
class SessionViewBrowserIT extends BrowserTest {

    private Locator fact(String label) {
        return page.locator(".details-value[data-field='" + label + "']");
    }

    @Test
    void a_tutor_rates_their_session_5_writes_a_report_saves_and_sends_it_and_sees_it_sent_to_the_parent()
            throws Exception {
        // This app sends to the test's own SMTP server, so the email really leaves.
        app = RunningApp.withMailServer();
        DemoAccounts demo = DemoAccounts.read(app.jdbc);
        Map<String, Object> session = app.jdbc.queryForMap("select s.id, st.name as student,"
                + " c.billing_contact_email as parent from tutoring_sessions s join students st on st.id = s.student_id"
                + " join clients c on c.id = s.client_id where s.tutor_id = ? and s.status = 'COMPLETED'"
                + " and s.report is null order by s.starts_at desc limit 1", demo.plainTutorId());
        long id = ((Number) session.get("id")).longValue();
        String parent = (String) session.get("parent");
        String report = "We practised long division <with remainders> & word problems.\nNext time: fractions.";

        signIn(demo.plainTutorEmail(), DemoAccounts.PLAIN_TUTOR_PASSWORD);
        page.getByText("Today and the next 7 days").waitFor();
        page.navigate(app.baseUrl + "/sessions/" + id);
        assertThat(page.locator("h2")).containsText((String) session.get("student"));
        assertThat(fact("Client amount")).hasCount(0);

        page.locator("#rating-5").click();
        assertThat(page.locator(".rating-summary")).hasText("5 of 5");
        page.locator("#session-report textarea").fill(report);
        page.locator("#session-save-send").click();

        assertThat(page.locator("#report-state")).containsText("Sent to " + parent + " at ",
                new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(page.locator("#session-history")).containsText("Report email");
        assertThat(page.locator("#session-history")).containsText("queued for " + parent);
        // Only the report: the family may also get session reminders from this app (issue 14).
        List<MimeMessage> received = TestMailServer.receivedBy(parent).stream()
                .filter(message -> subject(message).startsWith("Session report: " + session.get("student")))
                .toList();
        assertThat(received).hasSize(1);
        assertThat(app.jdbc.queryForObject("select rating from tutoring_sessions where id = ?", Integer.class, id))
                .isEqualTo(5);
        assertThat(app.jdbc.queryForObject("select report from tutoring_sessions where id = ?", String.class, id))
                .isEqualTo(report);
        page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target", "screenshots",
                "SessionViewBrowserIT-sent.png")).setFullPage(true));
    }

    @Test
    void a_lost_session_says_so_and_after_signing_in_again_the_page_and_the_report_being_typed_are_back() {
        DemoAccounts demo = DemoAccounts.read(app.jdbc);
        long id = app.jdbc.queryForObject("select id from tutoring_sessions where tutor_id = ? and status = 'COMPLETED'"
                + " and report is null order by starts_at desc limit 1 offset 2", Long.class, demo.enhancedTutorId());
        String typed = "Worked through quadratic equations; next time: word problems ("
                + java.util.UUID.randomUUID().toString().substring(0, 8) + ").";
        signIn(demo.enhancedTutorEmail(), DemoAccounts.ENHANCED_TUTOR_PASSWORD);
        page.getByText("Today and the next 7 days").waitFor();
        page.navigate(app.baseUrl + "/sessions/" + id);
        Locator report = page.locator("#session-report textarea");
        report.fill(typed);
        assertThat(page.locator("#report-draft-state")).containsText("Draft saved ",
                new LocatorAssertions.ContainsTextOptions().setTimeout(20_000));

        // The server no longer knows this browser's session, as after its node died (the browser still sends
        // the old session id, which the other node never issued): the next keystroke says so.
        com.microsoft.playwright.options.Cookie session = context.cookies().stream()
                .filter(cookie -> cookie.name.equals("JSESSIONID")).findFirst().orElseThrow();
        context.addCookies(List.of(new com.microsoft.playwright.options.Cookie(session.name,
                "0123456789ABCDEF0123456789ABCDEF").setDomain(session.domain).setPath(session.path)));
        report.fill(typed + " More typing that");
        Locator ended = page.getByText("Your session ended (the server restarted) — sign in again");
        assertThat(ended).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(20_000));
        page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target", "screenshots",
                "SessionViewBrowserIT-session-ended.png")));
        ended.click();

        page.waitForURL(java.util.regex.Pattern.compile(".*/login.*"));
        page.locator("vaadin-login-form input[name=username]").fill(demo.enhancedTutorEmail());
        page.locator("vaadin-login-form input[name=password]").fill(DemoAccounts.ENHANCED_TUTOR_PASSWORD);
        page.locator("vaadin-login-form vaadin-button[slot=submit]").click();
        // Spring Security marks the way back with "?continue".
        page.waitForURL(java.util.regex.Pattern.compile(".*/sessions/" + id + "(\\?.*)?$"));
        assertThat(page.locator("#session-report textarea")).hasValue(typed);
        assertThat(page.locator("#report-draft-state")).containsText("Draft saved ");
    }

    @Test
    void an_admin_late_cancels_a_session_from_the_edit_session_menu_and_sees_the_new_amounts() {
        Map<String, Object> session = app.jdbc.queryForMap("select id, client_rate_minor, tutor_wage_minor,"
                + " duration_minutes, client_amount_minor, tutor_earnings_minor from tutoring_sessions"
                + " where status = 'COMPLETED' and billing_state = 'UNBILLED' order by starts_at desc limit 1 offset 3");
        Map<String, Object> policy = app.jdbc.queryForMap("select late_cancel_client_percent,"
                + " late_cancel_tutor_percent from business_settings");
        long id = ((Number) session.get("id")).longValue();
        int minutes = ((Number) session.get("duration_minutes")).intValue();
        long client = Money.forMinutes(((Number) session.get("client_rate_minor")).longValue(), minutes,
                ((Number) policy.get("late_cancel_client_percent")).intValue());
        long tutor = Money.forMinutes(((Number) session.get("tutor_wage_minor")).longValue(), minutes,
                ((Number) policy.get("late_cancel_tutor_percent")).intValue());

        signIn("admin@example.org", DemoAccounts.ADMIN_PASSWORD);
        page.getByText("Today and the next 7 days").waitFor();
        page.navigate(app.baseUrl + "/sessions/" + id);
        assertThat(fact("Status")).hasText("Completed");
        assertThat(fact("Client amount")).hasText(money(((Number) session.get("client_amount_minor")).longValue()));

        page.locator("vaadin-menu-bar-button").filter(new Locator.FilterOptions().setHasText("Edit Session")).click();
        page.locator("vaadin-menu-bar-item").filter(new Locator.FilterOptions().setHasText("Late Cancellation"))
                .click();
        assertThat(page.locator(".late-cancel-client")).containsText("→ " + money(client));
        assertThat(page.locator(".late-cancel-tutor")).containsText("→ " + money(tutor));
        page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target", "screenshots",
                "SessionViewBrowserIT-late-cancellation.png")));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mark as late cancellation")).click();

        assertThat(fact("Status")).hasText("Late cancellation");
        assertThat(fact("Client amount")).hasText(money(client));
        assertThat(fact("Tutor earnings")).hasText(money(tutor));
        assertThat(page.locator("#session-history")).containsText("Late cancellation");
        assertThat(app.jdbc.queryForObject("select status from tutoring_sessions where id = ?", String.class, id))
                .isEqualTo("LATE_CANCELLED");
    }

    private static String money(long minor) {
        return Money.of(minor, "USD").format(Locale.US);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
