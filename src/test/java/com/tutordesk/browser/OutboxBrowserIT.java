package com.tutordesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.tutordesk.testing.TestData;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The email outbox in the packaged app, which runs its real background scheduler and has no mail
 * server configured (the default): an email waiting in the outbox is held by the scheduled delivery
 * job, and the admin sees it held on the outbox page.
 */
class OutboxBrowserIT extends BrowserTest {

    private long pendingEmail(String subject) {
        Instant now = Instant.now();
        app.jdbc.update("insert into mail_messages (ref_type, ref_id, sender_name, recipients, subject, text_body,"
                + " html_body, state, attempts, next_attempt_at, created_at, version) values ('SESSION_REPORT', 321,"
                + " 'Maple Grove Tutoring', ?, ?, ?, ?, 'PENDING', 0, ?, ?, 0)",
                TestData.unique("parent") + "@example.org", subject,
                "Session report\n\nAna worked on <fractions> & ratios.",
                "<!DOCTYPE html><html><body><h1>Session report</h1><p>Ana worked on &lt;fractions&gt; &amp; ratios.</p>"
                        + "</body></html>", TestData.utc(now), TestData.utc(now));
        return app.jdbc.queryForObject("select id from mail_messages where subject = ?", Long.class, subject);
    }

    /** Waits (bounded) for the app's own scheduler to run its delivery job over the message. */
    private String awaitStateOtherThanPending(long id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        String state = "PENDING";
        while (Instant.now().isBefore(deadline)) {
            state = app.jdbc.queryForObject("select state from mail_messages where id = ?", String.class, id);
            if (!state.equals("PENDING")) {
                return state;
            }
            Thread.sleep(200);
        }
        return state;
    }

    @Test
    void the_scheduled_delivery_job_holds_email_without_a_mail_server_and_the_admin_sees_why() throws Exception {
        String subject = TestData.unique("Session report for Ana");
        long id = pendingEmail(subject);

        assertThat(awaitStateOtherThanPending(id)).isEqualTo("HELD");

        signIn("admin@example.org", "demo-admin-pass");
        assertThat(page.getByText("Today and the next 7 days")).isVisible();
        page.locator("vaadin-side-nav-item", new Page.LocatorOptions().setHasText("Email outbox")).click();
        page.waitForURL(Pattern.compile(".*/outbox.*"));
        assertThat(page.getByText("No mail server is configured (spring.mail.host)", new Page.GetByTextOptions()
                .setExact(false))).isVisible();
        // Playwright hands the pattern to JavaScript, which knows no \Q…\E quoting: the unique part is hex and a dash.
        waitForGridCell("vaadin-grid", Pattern.compile(subject));
        Locator row = page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(subject));
        assertThat(page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText("held: no mail server configured")).first()).isVisible();

        row.first().click();
        assertThat(page.locator("vaadin-dialog-overlay, vaadin-dialog").getByText("Ana worked on <fractions> & ratios.")
                .first()).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target", "screenshots",
                "OutboxBrowserIT-details.png")));
        page.getByText("Retry now").click();
        assertThat(page.getByText("No mail server is configured: set spring.mail.host", new Page.GetByTextOptions()
                .setExact(false))).isVisible();
        page.getByText("Close", new Page.GetByTextOptions().setExact(true)).click();
        assertThat(page).hasURL(Pattern.compile(".*/outbox$"));
    }

    @Test
    void a_tutor_has_no_outbox() {
        String email = app.jdbc.queryForObject("select email from users where role = 'TUTOR' order by tutor_id limit 1",
                String.class);
        signIn(email, "demo-tutor-enhanced");
        assertThat(page.getByText("Today and the next 7 days")).isVisible();
        assertThat(page.locator("vaadin-side-nav-item", new Page.LocatorOptions().setHasText("Email outbox")))
                .hasCount(0);
        page.navigate(app.baseUrl + "/outbox");
        assertThat(page.getByText("Not found", new Page.GetByTextOptions().setExact(true))).isVisible();
    }
}
