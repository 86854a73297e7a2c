package com.tutordesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.tutordesk.testing.TestData;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The sessions list in a real browser: filter by tutor and month, sort by client, export, open a session. */
class SessionsListBrowserIT extends BrowserTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void an_admin_filters_by_tutor_and_month_sorts_by_client_exports_them_and_opens_a_session() {
        Map<String, Object> tutor = app.jdbc.queryForMap("select t.id, t.name from tutors t join users u"
                + " on u.tutor_id = t.id where u.role = 'TUTOR' order by t.id limit 1 offset 1");
        long tutorId = ((Number) tutor.get("id")).longValue();
        String tutorName = (String) tutor.get("name");
        LocalDate today = LocalDate.now(NEW_YORK);
        LocalDate first = today.withDayOfMonth(1);
        List<Map<String, Object>> expected = app.jdbc.queryForList("select s.id, c.name as client, st.name as student"
                + " from tutoring_sessions s join clients c on c.id = s.client_id join students st on st.id = s.student_id"
                + " where s.tutor_id = ? and s.starts_at >= ? and s.starts_at < ? order by c.name, s.id", tutorId,
                TestData.utc(first.atStartOfDay(NEW_YORK).toInstant()),
                TestData.utc(first.plusMonths(1).atStartOfDay(NEW_YORK).toInstant()));
        assertThat(expected).isNotEmpty();

        signIn("admin@example.org", "demo-admin-pass");
        page.getByText("Today and the next 7 days").waitFor();
        page.locator("vaadin-side-nav-item", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Sessions"))
                .click();
        page.waitForURL(Pattern.compile(".*/sessions$"));
        // The side menu is plain HTML on the server; the browser's side-nav still marks the current page.
        assertThat(page.locator("vaadin-side-nav-item[current]")).hasCount(1);
        assertThat(page.locator("vaadin-side-nav-item[current]")).containsText("Sessions");
        waitForGridCell("#sessions-grid", Pattern.compile("\\d{4}, \\d{1,2}:\\d{2}"));

        Locator tutorBox = page.locator("#filter-tutor input");
        tutorBox.fill(tutorName);
        page.locator("vaadin-combo-box-item", new com.microsoft.playwright.Page.LocatorOptions().setHasText(tutorName))
                .first().click();
        page.waitForURL(Pattern.compile(".*tutor=" + tutorId + ".*"));

        page.locator("#filter-dates input").click();
        page.locator("vaadin-combo-box-item", new com.microsoft.playwright.Page.LocatorOptions()
                .setHasText("This month")).click();
        page.waitForURL(Pattern.compile(".*preset=this-month.*"));

        page.locator("vaadin-grid-sorter:text-is('Client')").click();
        page.waitForURL(Pattern.compile(".*sort=client.*"));
        assertThat(page.locator(".sessions-summary")).containsText(expected.size() + " session");

        // The export is a download of exactly what the list shows: the same filters, one row per session.
        com.microsoft.playwright.Download download = page.waitForDownload(() -> page.locator("a.sessions-export")
                .click());
        assertThat(download.suggestedFilename()).endsWith(".csv");
        List<org.apache.commons.csv.CSVRecord> csv;
        try (var reader = java.nio.file.Files.newBufferedReader(download.path(), java.nio.charset.StandardCharsets.UTF_8)) {
            csv = org.apache.commons.csv.CSVFormat.DEFAULT.parse(reader).getRecords();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(csv.getFirst().values()).contains("Session id", "Date", "Start");
        assertThat(csv).hasSize(expected.size() + 1);
        assertThat(csv.stream().skip(1).map(row -> row.get(0)))
                .containsExactlyInAnyOrderElementsOf(expected.stream().map(row -> String.valueOf(row.get("id"))).toList());

        String firstClient = (String) expected.getFirst().get("client");
        waitForGridCell("#sessions-grid", firstClient);
        List<String> clients = columnTexts("#sessions-grid", 2);
        assertThat(clients.getFirst()).isEqualTo(firstClient);
        assertThat(columnTexts("#sessions-grid", 3)).isNotEmpty().allMatch(tutorName::equals);

        page.locator("vaadin-grid vaadin-grid-cell-content", new com.microsoft.playwright.Page.LocatorOptions()
                .setHasText(firstClient)).first().click();
        page.waitForURL(Pattern.compile(".*/sessions/" + expected.getFirst().get("id") + "$"));
        assertThat(page.locator(".details-grid")).containsText((String) expected.getFirst().get("student"));
        assertThat(page.locator(".details-grid")).containsText(tutorName);
    }
}
