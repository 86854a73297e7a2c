package com.tutordesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.tutordesk.testing.TestData;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 6 end to end: an admin sets up a subject, a tutor with a login, a client with a guardian
 * and a student, and an engagement; the new tutor signs in with the temporary password, must choose
 * their own, and then finds the engagement on their page.
 */
class DirectorySetupBrowserIT extends BrowserTest {

    private Locator field(String tag, String label) {
        // Vaadin fields link their label to the input (aria-labelledby); the last one is in the open dialog.
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true)).last();
    }

    private void click(String text) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(text).setExact(true)).last().click();
    }

    private void choose(String label, String text) {
        Locator input = field("vaadin-combo-box", label);
        input.click();
        input.fill(text);
        page.locator("vaadin-combo-box-item", new Page.LocatorOptions().setHasText(text)).first().click();
    }

    @Test
    void an_admin_sets_up_a_business_and_the_new_tutor_finds_their_engagement() {
        String tag = TestData.unique("x").substring(2);
        String subject = "Astronomy " + tag;
        String tutorName = "Tessa Quill " + tag;
        String tutorEmail = "tessa." + tag + "@example.org";
        String studentName = "Leo Marsh " + tag;

        signIn("admin@example.org", "demo-admin-pass");
        assertThat(page.getByText("Today and the next 7 days")).isVisible();

        page.navigate(app.baseUrl + "/subjects");
        page.locator("vaadin-text-field input").first().fill(subject);
        click("Add subject");
        assertThat(page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText(subject))).isVisible();

        page.navigate(app.baseUrl + "/tutors");
        click("Add tutor");
        field("vaadin-text-field", "Name").fill(tutorName);
        field("vaadin-email-field", "Email").fill(tutorEmail);
        click("Add tutor");
        assertThat(page.locator("h2", new Page.LocatorOptions().setHasText(tutorName))).isVisible();
        click("Create login");
        Locator temporary = page.locator(".temporary-password");
        assertThat(temporary).isVisible();
        String temporaryPassword = temporary.innerText().strip();
        assertThat(temporaryPassword).matches("[a-z2-9]{4}(-[a-z2-9]{4}){3}");
        page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target", "screenshots",
                "DirectorySetupBrowserIT-1-temporary-password.png")));
        click("Done");

        page.navigate(app.baseUrl + "/clients");
        click("Add client");
        field("vaadin-text-field", "Client name").fill("Marsh family " + tag);
        field("vaadin-text-field", "Parent/guardian name").fill("Nora Marsh");
        field("vaadin-email-field", "Parent/guardian email").fill("nora." + tag + "@example.org");
        click("Add client");
        assertThat(page.locator("h2", new Page.LocatorOptions().setHasText("Marsh family " + tag))).isVisible();
        click("Add student");
        field("vaadin-text-field", "Student name").fill(studentName);
        field("vaadin-text-field", "Grade or level").fill("Grade 8");
        click("Add student");
        assertThat(page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText(studentName)))
                .isVisible();

        click("New engagement");
        choose("Tutor", tutorName);
        choose("Student", studentName);
        choose("Subject", subject);
        field("vaadin-big-decimal-field", "Client rate").fill("72.50");
        field("vaadin-big-decimal-field", "Tutor wage").fill("41.25");
        click("Create engagement");
        assertThat(page.locator("h2", new Page.LocatorOptions().setHasText(studentName + " — " + subject)))
                .isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target", "screenshots",
                "DirectorySetupBrowserIT-2-engagement.png")).setFullPage(true));
        page.getByText("Log out").click();
        page.waitForURL(Pattern.compile(".*/login.*"));

        signIn(tutorEmail, temporaryPassword);
        page.waitForURL(Pattern.compile(".*/change-password.*"));
        page.navigate(app.baseUrl + "/my-engagements");
        page.waitForURL(Pattern.compile(".*/change-password.*"));
        field("vaadin-password-field", "Temporary password").fill(temporaryPassword);
        field("vaadin-password-field", "New password").fill("copper lantern drifts eastward");
        field("vaadin-password-field", "Repeat new password").fill("copper lantern drifts eastward");
        click("Save password");
        assertThat(page.getByText("Today and the next 7 days")).isVisible();

        page.locator("vaadin-side-nav-item", new Page.LocatorOptions().setHasText("My engagements")).click();
        assertThat(page.locator("h2", new Page.LocatorOptions().setHasText(tutorName))).isVisible();
        Locator row = page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText(studentName));
        assertThat(row).isVisible();
        assertThat(page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("$41.25 / h")))
                .isVisible();
        assertThat(page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("$72.50")))
                .hasCount(0);
        assertThat(page.locator("vaadin-side-nav-item", new Page.LocatorOptions().setHasText("Clients"))).hasCount(0);

        // The new tutor logs a session on the engagement the office set up.
        page.locator("vaadin-side-nav-item", new Page.LocatorOptions().setHasText("Sessions")).click();
        page.locator("#log-session").click();
        // Issue 12: the client is named with its billing contact, so two "Marsh family" clients differ.
        assertThat(page.locator("#log-engagement input")).hasValue(studentName + " — " + subject + " (Marsh family "
                + tag + " · Nora Marsh)");
        page.locator("#log-time input").fill("4:30 PM");
        page.locator("#log-time input").press("Enter");
        page.locator("#log-save").click();
        assertThat(page.locator("vaadin-dialog-overlay")).hasCount(0);
        waitForGridCell("#sessions-grid", studentName);
        List<String> first = gridRows("#sessions-grid").getFirst();
        assertThat(first.get(0)).contains("4:30");
        assertThat(first.get(1)).isEqualTo(studentName);
        assertThat(first).contains("$41.25").doesNotContain("$72.50");
    }

    @Test
    void the_clients_list_filters_and_a_client_page_shows_students_engagements_and_sessions() {
        signIn("admin@example.org", "demo-admin-pass");
        assertThat(page.getByText("Today and the next 7 days")).isVisible();
        page.navigate(app.baseUrl + "/clients");
        Locator firstClient = page.locator("vaadin-grid-cell-content", new Page.LocatorOptions()
                .setHasText(Pattern.compile("family|[A-Z][a-z]+ [A-Z]"))).first();
        assertThat(firstClient).isVisible();
        page.getByText("Has unbilled sessions").click();
        long withUnbilled = app.jdbc.queryForObject("select count(distinct client_id) from tutoring_sessions"
                + " where billing_state = 'UNBILLED' and status <> 'CANCELLED' and ends_at <= utc_timestamp()",
                Long.class);
        assertThat(withUnbilled).isPositive();
        page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target", "screenshots",
                "DirectorySetupBrowserIT-3-clients.png")));

        long clientId = app.jdbc.queryForObject("select client_id from tutoring_sessions group by client_id"
                + " order by count(*) desc limit 1", Long.class);
        String clientName = app.jdbc.queryForObject("select name from clients where id = ?", String.class, clientId);
        page.navigate(app.baseUrl + "/clients/" + clientId);
        assertThat(page.locator("h2", new Page.LocatorOptions().setHasText(clientName))).isVisible();
        assertThat(page.getByText(Pattern.compile("^Unbilled: \\$"))).isVisible();
        assertThat(page.locator("vaadin-grid-cell-content", new Page.LocatorOptions()
                .setHasText(Pattern.compile("\\$\\d+\\.\\d{2} / h"))).first()).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target", "screenshots",
                "DirectorySetupBrowserIT-4-client.png")).setFullPage(true));
    }
}
