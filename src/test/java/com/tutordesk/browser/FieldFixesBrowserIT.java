package com.tutordesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.KeyboardModifier;
import com.tutordesk.testing.DemoAccounts;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 in a real browser: what Chromium did with typed start times and unreadable dates, and what
 * the sessions list opens on. Each of these failed before the fix: the browser's time picker read
 * "1:30 p.m." as 1:30 AM and "25:00" as 1:00 AM, a date it could not read only turned the field red,
 * and the list opened on sessions a month ahead with rows that were not links.
 */
class FieldFixesBrowserIT extends BrowserTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private void openLogSession() {
        signIn("admin@example.org", DemoAccounts.ADMIN_PASSWORD);
        page.getByText("Today and the next 7 days").waitFor();
        page.navigate(app.baseUrl + "/sessions");
        page.locator("#log-session").click();
        page.locator("#log-time input").waitFor();
    }

    @Test
    void a_typed_start_time_is_read_on_the_server_and_text_it_cannot_read_is_a_field_error_that_blocks_saving() {
        openLogSession();
        Locator time = page.locator("#log-time input");

        time.fill("1:30 p.m.");
        time.press("Enter");
        assertThat(time).hasValue("1:30 PM");

        time.fill("430pm");
        time.press("Tab");
        assertThat(time).hasValue("4:30 PM");
        assertThat(page.locator("#log-time")).not().hasAttribute("invalid", "");

        time.fill("25:00");
        time.press("Enter");
        assertThat(page.locator("#log-time")).hasAttribute("invalid", "");
        assertThat(page.locator("#log-time")).containsText("\"25:00\" is not a time of day");
        assertThat(time).hasValue("25:00");

        page.locator("#log-save").click();
        assertThat(page.locator("vaadin-dialog-overlay")).hasCount(1);
        assertThat(page.locator("#log-time")).containsText("\"25:00\" is not a time of day");
    }

    @Test
    void a_date_the_field_cannot_read_says_what_to_type_in_log_session_and_in_the_sessions_list_filter() {
        openLogSession();
        Locator date = page.locator("#log-date input");
        date.fill("32/13/2026");
        date.press("Enter");
        assertThat(page.locator("#log-date")).hasAttribute("invalid", "");
        assertThat(page.locator("#log-date")).containsText("Date: type a date like 12/31/");
        page.navigate(app.baseUrl + "/sessions");

        Locator from = page.locator("#filter-from input");
        from.fill("abc");
        from.press("Enter");
        assertThat(page.locator("#filter-from")).hasAttribute("invalid", "");
        assertThat(page.locator("#filter-from")).containsText("From: type a date like 12/31/");
    }

    @Test
    void the_sessions_list_opens_on_the_last_30_days_and_each_row_links_to_its_session_in_a_new_tab() {
        signIn("admin@example.org", DemoAccounts.ADMIN_PASSWORD);
        page.getByText("Today and the next 7 days").waitFor();
        page.navigate(app.baseUrl + "/sessions");
        waitForGridCell("#sessions-grid", Pattern.compile("\\d{4}, \\d{1,2}:\\d{2}"));
        assertThat(page.locator("#filter-dates input")).hasValue("Last 30 days");

        Locator link = page.locator("#sessions-grid a.session-link").first();
        String href = link.getAttribute("href");
        assertThat(href).matches("sessions/\\d+");
        long id = Long.parseLong(href.substring("sessions/".length()));
        LocalDateTime startUtc = app.jdbc.queryForObject("select starts_at from tutoring_sessions where id = ?",
                LocalDateTime.class, id);
        LocalDate today = LocalDate.now(NEW_YORK);
        LocalDate start = startUtc.atOffset(ZoneOffset.UTC).atZoneSameInstant(NEW_YORK).toLocalDate();
        // Newest first, but nothing after today: not next month's scheduled sessions.
        assertThat(start).isBetween(today.minusDays(29), today);

        Page tab = context.waitForPage(() -> link.click(new Locator.ClickOptions()
                .setModifiers(List.of(KeyboardModifier.CONTROL))));
        tab.waitForURL(Pattern.compile(".*/sessions/" + id + "$"));
        assertThat(tab.locator(".details-grid")).isVisible();
        assertThat(page).hasURL(Pattern.compile(".*/sessions$"));
    }
}
