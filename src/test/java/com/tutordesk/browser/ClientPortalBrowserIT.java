package com.tutordesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.tutordesk.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * Issue 18 in Chromium: the office invoices a family and invites its billing contact from the client
 * page; the parent, on a phone-sized screen, opens the link from the email (read from the outbox),
 * chooses a password, signs in on the ordinary sign-in page, lands on the family portal, reads the
 * last session report, downloads the invoice and corrects the phone, which the office then sees on
 * the client's history.
 */
class ClientPortalBrowserIT extends BrowserTest {

    private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/portal/welcome/[A-Za-z0-9_-]{43})");
    private static final String PASSWORD = "harbour velvet pencil meadow";

    @Test
    void a_parent_accepts_the_invitation_signs_in_reads_the_last_report_and_downloads_an_invoice() throws Exception {
        TestData data = new TestData(app.jdbc, PasswordEncoderFactories.createDelegatingPasswordEncoder());
        String clientName = TestData.unique("Nakamura family");
        long client = data.client(clientName);
        String parentEmail = app.jdbc.queryForObject("select billing_contact_email from clients where id = ?",
                String.class, client);
        long student = data.student(client, "Aiko Nakamura");
        long tutor = app.jdbc.queryForObject("select min(id) from tutors", Long.class);
        long engagement = data.engagement(tutor, student, data.subject(TestData.unique("Geometry")), 6000, 3500);
        Instant now = Instant.now();
        long older = data.session(engagement, now.minus(Duration.ofDays(6)), 60, "COMPLETED");
        long last = data.session(engagement, now.minus(Duration.ofDays(2)), 75, "COMPLETED");
        data.session(engagement, now.plus(Duration.ofDays(3)), 60, "SCHEDULED");
        // Reports as the session page leaves them after "Save and Send report"; the last one was edited
        // after sending, and the family must read what they were sent.
        sentReport(older, "Older report: angles.", "Older report: angles.");
        sentReport(last, "Edited later, never sent.", "Aiko proved the triangle theorem on her own.");
        app.jdbc.update("update tutoring_sessions set report_edited_after_send = true, internal_note = ? where id = ?",
                "Office only: discuss fees", last);

        signIn("admin@example.org", "demo-admin-pass");
        page.getByText("Today and the next 7 days").waitFor();
        page.navigate(app.baseUrl + "/invoices/new?client=" + client);
        waitForGridCell("#invoice-sessions", "Aiko Nakamura");
        page.locator("#submit-invoice").click();
        page.waitForURL(Pattern.compile(".*/invoices/\\d+$"));
        String number = app.jdbc.queryForObject("select i.number from invoices i join invoice_lines l"
                + " on l.invoice_id = i.id where l.active_session_id = ?", String.class, last);

        page.navigate(app.baseUrl + "/clients/" + client);
        assertThat(page.locator("#portal-login-state")).containsText("Never invited");
        page.locator("#portal-invite").click();
        assertThat(page.locator("#portal-login-state")).containsText("Invited: " + parentEmail);
        String email = app.jdbc.queryForObject("select text_body from mail_messages where ref_type = 'PORTAL_INVITATION'"
                + " and ref_id = ? order by id desc limit 1", String.class, client);
        Matcher link = LINK.matcher(email);
        assertThat(link.find()).as("the invitation email carries the link: " + email).isTrue();

        Browser browser = sharedBrowser();
        try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setLocale("en-US").setIsMobile(true).setHasTouch(true))) {
            phone.setDefaultTimeout(20_000);
            Page parent = phone.newPage();
            parent.navigate(app.baseUrl + link.group(1));
            assertThat(parent.locator("#welcome-intro")).containsText(parentEmail);
            parent.locator("#welcome-password input").fill(PASSWORD);
            parent.locator("#welcome-repeat input").fill(PASSWORD);
            parent.locator("#welcome-save").click();
            assertThat(parent.locator("#welcome-done")).containsText("Your password is set");

            parent.locator("#welcome-sign-in").click();
            parent.waitForURL(Pattern.compile(".*/login$"));
            parent.locator("vaadin-login-form input[name=username]").fill(parentEmail);
            parent.locator("vaadin-login-form input[name=password]").fill(PASSWORD);
            parent.locator("vaadin-login-form vaadin-button[slot=submit]").click();
            parent.waitForURL(Pattern.compile(".*/portal$"));
            assertThat(parent.locator("h1")).containsText("Hello, Parent of " + clientName);
            assertThat(parent.locator("#portal-upcoming")).containsText("Aiko Nakamura");
            assertThat(parent.locator("#portal-invoices")).containsText(number);
            assertThat(parent.locator("body")).not().containsText("Office only");
            screenshot(parent, "home");

            // The newest past session comes first: its report is the last one sent.
            parent.locator(".portal-read-report").first().click();
            parent.waitForURL(Pattern.compile(".*/portal/sessions/" + last + "$"));
            assertThat(parent.locator("#portal-report")).hasText("Aiko proved the triangle theorem on her own.");
            assertThat(parent.locator("body")).not().containsText("Edited later");
            assertThat(parent.locator("body")).containsText("1 h 15 min");
            screenshot(parent, "report");

            parent.locator("#portal-home-link").click();
            parent.locator(".portal-invoice-number", new Page.LocatorOptions().setHasText(number)).click();
            parent.waitForURL(Pattern.compile(".*/portal/invoices/\\d+$"));
            assertThat(parent.locator("#portal-invoice-facts")).containsText("$135.00");
            Download download = parent.waitForDownload(() -> parent.locator("#portal-invoice-pdf").click());
            assertThat(download.suggestedFilename()).isEqualTo(number + ".pdf");
            try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(download.path()))) {
                String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
                assertThat(text).contains(number, "Aiko Nakamura", "1 h 15 min");
            }
            screenshot(parent, "invoice");

            // "Your details": the parent corrects the phone; it is saved at once and on the client's history.
            parent.locator("#portal-home-link").click();
            parent.waitForURL(Pattern.compile(".*/portal$"));
            parent.locator("#portal-details-phone input").fill("+1 (415) 555-0142");
            parent.locator("#portal-details-save").click();
            assertThat(parent.locator("vaadin-notification-card")).containsText("Your details are saved");
            parent.reload();
            assertThat(parent.locator("#portal-details-phone input")).hasValue("+1 (415) 555-0142");
            screenshot(parent, "details");

            parent.navigate(app.baseUrl + "/clients/" + client);
            assertThat(parent.locator("body")).containsText("Not found");
            parent.navigate(app.baseUrl + "/sessions/" + last);
            assertThat(parent.locator("body")).containsText("Not found");
            assertThat(parent.locator("body")).not().containsText("Office only");
        }
        page.navigate(app.baseUrl + "/clients/" + client);
        waitForGridCell("#client-history", "the family, in the portal");
        waitForGridCell("#client-history", "+1 (415) 555-0142");
    }

    private void sentReport(long session, String report, String asSent) {
        app.jdbc.update("update tutoring_sessions set report = ?, report_sent_text = ?, report_sent_at = ?,"
                + " report_sent_to = 'parent@example.org' where id = ?", report, asSent,
                TestData.utc(Instant.now().minus(Duration.ofDays(1))), session);
        com.tutordesk.session.SessionHourTotals.recount(app.jdbc);
    }

    private static void screenshot(Page page, String step) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(Path.of("target", "screenshots", "ClientPortalBrowserIT-" + step + ".png")));
    }
}
