package com.tutordesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Logging a session in a real browser, the way the office does it. */
class LogSessionBrowserIT extends BrowserTest {

    @Test
    void an_admin_logs_a_session_at_4_30_pm_with_a_duration_shortcut_and_finds_it_on_top_of_the_sessions_list_with_its_amounts() {
        Map<String, Object> tutor = app.jdbc.queryForMap("select t.id, t.name from tutors t join users u"
                + " on u.tutor_id = t.id where u.role = 'TUTOR' order by t.id limit 1 offset 1");
        String tutorName = (String) tutor.get("name");
        // Six weeks ahead: later than every demo session, so it is the newest one.
        LocalDate date = LocalDate.now(ZoneId.of("America/New_York")).plusWeeks(6);

        signIn("admin@example.org", "demo-admin-pass");
        page.getByText("Today and the next 7 days").waitFor();
        page.navigate(app.baseUrl + "/sessions");
        page.locator("#log-session").click();

        assertThat(page.locator("#log-engagement")).isHidden();
        page.locator("#log-tutor input").fill(tutorName);
        page.locator("vaadin-combo-box-item", new Page.LocatorOptions().setHasText(tutorName)).first().click();
        assertThat(page.locator("#log-engagement")).isVisible();
        page.locator("#log-engagement input").click();
        // Engagement items read "Student — Subject (Client)"; the tutor list's items may still be closing.
        var engagementItem = page.locator("vaadin-combo-box-item")
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setVisible(true).setHasText(" — "))
                .first();
        String label = engagementItem.innerText().strip();
        engagementItem.click();

        String student = label.substring(0, label.indexOf(" — "));
        String subject = label.substring(label.indexOf(" — ") + 3, label.lastIndexOf(" ("));
        Map<String, Object> engagement = app.jdbc.queryForMap("select e.client_rate_minor, e.tutor_wage_minor,"
                + " e.default_duration_minutes from engagements e join students st on st.id = e.student_id"
                + " join subjects sub on sub.id = e.subject_id where e.tutor_id = ? and st.name = ? and sub.name = ?",
                tutor.get("id"), student, subject);
        // A duration shortcut other than the engagement's default: the amounts follow the clicked one.
        int minutes = ((Number) engagement.get("default_duration_minutes")).intValue() == 90 ? 45 : 90;
        assertThat(page.locator("#log-duration input")).hasValue(String.valueOf(engagement.get(
                "default_duration_minutes")));
        page.locator(".duration-presets vaadin-button", new Page.LocatorOptions()
                .setHasText(minutes == 90 ? "1 h 30 min" : "45 min")).click();
        assertThat(page.locator("#log-duration input")).hasValue(String.valueOf(minutes));
        long clientAmount = com.tutordesk.shared.Money.forMinutes(
                ((Number) engagement.get("client_rate_minor")).longValue(), minutes);
        long earnings = com.tutordesk.shared.Money.forMinutes(((Number) engagement.get("tutor_wage_minor")).longValue(),
                minutes);

        page.locator("#log-date input").fill(date.format(DateTimeFormatter.ofPattern("M/d/yyyy")));
        page.locator("#log-date input").press("Enter");
        page.locator("#log-time input").fill("4:30 PM");
        page.locator("#log-time input").press("Enter");
        page.locator("#log-location input").fill("Room 5, main office");
        page.locator("#log-location input").press("Enter");
        assertThat(page.locator(".log-preview")).containsText("client amount " + money(clientAmount));
        assertThat(page.locator(".log-preview")).containsText("will be scheduled");
        assertThat(page.locator("#log-save")).hasText("Schedule Session");
        page.locator("#log-save").click();
        assertThat(page.locator("vaadin-dialog-overlay")).hasCount(0);

        waitForGridCell("#sessions-grid", date.format(DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US)));
        List<String> top = gridRows("#sessions-grid").getFirst();
        assertThat(top.get(0)).startsWith(date.format(DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US)))
                .contains("4:30");
        assertThat(top.get(1)).isEqualTo(student);
        assertThat(top.get(3)).isEqualTo(tutorName);
        assertThat(top).contains(money(clientAmount), money(earnings), "Scheduled");
        assertThat(app.jdbc.queryForObject("select duration_minutes from tutoring_sessions where tutor_id = ?"
                + " order by starts_at desc limit 1", Integer.class, tutor.get("id"))).isEqualTo(minutes);
        assertThat(app.jdbc.queryForObject("select location from tutoring_sessions where tutor_id = ?"
                + " order by starts_at desc limit 1", String.class, tutor.get("id"))).isEqualTo("Room 5, main office");
    }

    private static String money(long minor) {
        return com.tutordesk.shared.Money.of(minor, "USD").format(Locale.US);
    }
}
