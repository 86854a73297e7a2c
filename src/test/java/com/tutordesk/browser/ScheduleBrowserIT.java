package com.tutordesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.tutordesk.testing.TestData;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The calendar in Chromium: an admin drags a session to another day; a tutor opens their week; a phone day view. */
class ScheduleBrowserIT extends BrowserTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void an_admin_drags_a_session_to_another_day_and_finds_it_moved_in_the_sessions_list() {
        page.setViewportSize(1280, 900);
        Map<String, Object> engagement = app.jdbc.queryForMap("select e.id, e.tutor_id, e.student_id, st.client_id,"
                + " e.subject_id from engagements e join students st on st.id = e.student_id where e.active"
                + " order by e.id limit 1");
        // Two weeks ahead (within the demo's range), on the Tuesday, at 7:15 AM: a quiet hour of that tutor.
        LocalDate tuesday = LocalDate.now(NEW_YORK).plusWeeks(2).with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY))
                .plusDays(2);
        LocalDate thursday = tuesday.plusDays(2);
        LocalDateTime start = LocalDateTime.ofInstant(tuesday.atTime(7, 15).atZone(NEW_YORK).toInstant(), ZoneOffset.UTC);
        app.jdbc.update("insert into tutoring_sessions (engagement_id, tutor_id, student_id, client_id, subject_id,"
                + " starts_at, ends_at, time_zone, duration_minutes, status, client_rate_minor, tutor_wage_minor,"
                + " client_amount_minor, tutor_earnings_minor, currency, billing_state, created_at, updated_at, version)"
                + " values (?, ?, ?, ?, ?, ?, ?, 'America/New_York', 45, 'SCHEDULED', 6000, 3000, 4500, 2250, 'USD',"
                + " 'UNBILLED', ?, ?, 0)", engagement.get("id"), engagement.get("tutor_id"), engagement.get("student_id"),
                engagement.get("client_id"), engagement.get("subject_id"), start, start.plusMinutes(45),
                TestData.utc(java.time.Instant.now()), TestData.utc(java.time.Instant.now()));
        com.tutordesk.session.SessionSortKeys.copyAll(app.jdbc);
        com.tutordesk.session.SessionHourTotals.recount(app.jdbc);
        long session = app.jdbc.queryForObject("select max(id) from tutoring_sessions", Long.class);
        Object tutor = engagement.get("tutor_id");

        signIn("admin@example.org", "demo-admin-pass");
        page.getByText("Today and the next 7 days").waitFor();
        page.navigate(app.baseUrl + "/schedule?view=week&date=" + tuesday + "&tutor=" + tutor);
        Locator block = page.locator("a.cal-block[href='sessions/" + session + "']");
        block.waitFor();
        Locator target = page.locator(".cal-column[data-date='" + thursday + "']");
        int top = Integer.parseInt(block.evaluate("b => b.style.top").toString().replace("px", ""));

        block.dragTo(target, new Locator.DragToOptions().setSourcePosition(5, 5).setTargetPosition(20, top + 5));

        assertThat(page.locator("vaadin-notification-card").filter(new Locator.FilterOptions().setHasText("Moved")))
                .isVisible();
        assertThat(page.locator(".cal-column[data-date='" + thursday + "'] a.cal-block[href='sessions/" + session
                + "']")).isVisible();

        page.navigate(app.baseUrl + "/sessions?tutor=" + tutor + "&from=" + tuesday + "&to=" + thursday);
        String thursdayText = thursday.format(DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US));
        waitForGridCell("#sessions-grid", thursdayText + ", 7:15");
        assertThat(gridRows("#sessions-grid").stream().map(row -> row.get(0)).toList())
                .anyMatch(date -> date.startsWith(thursdayText) && date.contains("7:15"));
        assertThat(app.jdbc.queryForObject("select starts_at from tutoring_sessions where id = ?", LocalDateTime.class,
                session)).isEqualTo(LocalDateTime.ofInstant(thursday.atTime(LocalTime.of(7, 15)).atZone(NEW_YORK)
                        .toInstant(), ZoneOffset.UTC));
    }

    @Test
    void a_tutor_opens_their_week_and_sees_only_their_sessions() {
        Map<String, Object> login = app.jdbc.queryForMap("select u.email, u.tutor_id from users u where u.role = 'TUTOR'"
                + " and u.email = 'ingrid.aberg@example.org'");
        LocalDate sunday = LocalDate.now(NEW_YORK).with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
        int mine = app.jdbc.queryForObject("select count(*) from tutoring_sessions where tutor_id = ? and starts_at >= ?"
                + " and starts_at < ?", Integer.class, login.get("tutor_id"), utc(sunday), utc(sunday.plusDays(7)));

        signIn((String) login.get("email"), "demo-tutor-plain");
        page.getByText("Today and the next 7 days").waitFor();
        page.locator("vaadin-side-nav-item", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Schedule"))
                .click();
        page.waitForURL(java.util.regex.Pattern.compile(".*/schedule.*"));
        page.locator(".cal-column").first().waitFor();

        assertThat(page.locator(".cal-column")).hasCount(7);
        assertThat(page.locator("a.cal-block")).hasCount(mine);
        assertThat(page.locator("#schedule-tutor")).isHidden();
    }

    @Test
    void the_day_view_fits_a_phone() {
        page.setViewportSize(390, 844);
        signIn("ingrid.aberg@example.org", "demo-tutor-plain");
        page.getByText("Today and the next 7 days").waitFor();
        page.navigate(app.baseUrl + "/schedule?view=day");
        Locator column = page.locator(".cal-column");
        column.waitFor();
        double width = ((Number) column.evaluate("c => c.getBoundingClientRect().width")).doubleValue();
        assertThat(width).isGreaterThan(200);
        double pageWidth = ((Number) page.evaluate("() => document.documentElement.scrollWidth")).doubleValue();
        assertThat(pageWidth).isLessThanOrEqualTo(390);
    }

    private static LocalDateTime utc(LocalDate date) {
        return LocalDateTime.ofInstant(date.atStartOfDay(NEW_YORK).toInstant(), ZoneOffset.UTC);
    }
}
