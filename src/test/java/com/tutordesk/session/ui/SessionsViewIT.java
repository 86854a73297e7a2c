package com.tutordesk.session.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.tutordesk.session.FilterChoice;
import com.tutordesk.session.SessionRow;
import com.tutordesk.session.SessionStatus;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestClock;
import com.tutordesk.testing.TestData;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.UI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The sessions page per role, its filters and the URL that carries them. */
@IntegrationTest
class SessionsViewIT extends SpringBrowserlessTest {

    @Autowired
    SignIn signIn;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    DemoAccounts demo;

    @BeforeEach
    void setUp() {
        clock.reset();
        demo = DemoAccounts.read(jdbc);
    }

    @AfterEach
    void tearDown() {
        signIn.out();
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    private SessionsView withQuery(Map<String, String> parameters) {
        UI.getCurrent().navigate(SessionsView.class, com.vaadin.flow.router.QueryParameters.simple(parameters));
        return (SessionsView) getCurrentView();
    }

    private String currentQuery() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getQueryParameters().getQueryString();
    }

    /** Sessions starting in the last 30 days up to the end of today (New York), the list's default (issue 12). */
    private int lastThirtyDays() {
        java.time.ZoneId zone = java.time.ZoneId.of("America/New_York");
        java.time.LocalDate today = java.time.LocalDate.ofInstant(clock.instant(), zone);
        return count("select count(*) from tutoring_sessions where starts_at >= ? and starts_at < ?",
                TestData.utc(today.minusDays(29).atStartOfDay(zone).toInstant()),
                TestData.utc(today.plusDays(1).atStartOfDay(zone).toInstant()));
    }

    private SessionsView allDates() {
        return withQuery(Map.of("preset", "all"));
    }

    @Test
    void an_admin_sees_every_column_and_the_list_opens_on_the_last_30_days_with_every_session_one_click_away() {
        signIn.as(demo.adminEmail());
        SessionsView view = navigate(SessionsView.class);
        GridTester<?, SessionRow> grid = test(view.grid);
        assertThat(view.grid.getColumns()).extracting(c -> c.getKey()).containsExactly("date", "student", "client",
                "tutor", "subject", "duration", "status", "report", "billing", "client-amount",
                "tutor-earnings");
        // Issue 12: it opened on all dates, newest first — weeks of scheduled sessions above yesterday's.
        assertThat(view.datePreset.getValue()).isEqualTo("Last 30 days");
        assertThat(currentQuery()).isEmpty();
        assertThat(grid.size()).isEqualTo(lastThirtyDays()).isPositive();
        assertThat(grid.getRow(0).startsAt()).isBefore(java.time.Instant.parse("2026-11-26T05:00:00Z"));
        assertThat(view.summary.getText()).contains("sessions · client amounts $").contains("tutor earnings $");
        assertThat(grid.getRow(0).startsAt()).isAfterOrEqualTo(grid.getRow(1).startsAt());

        test(view.datePreset).selectItem("Next 30 days");
        assertThat(currentQuery()).isEqualTo("preset=next-30-days");
        assertThat(test(view.grid).getRow(0).startsAt()).isAfter(clock.instant().minus(java.time.Duration.ofDays(1)));
        test(view.datePreset).selectItem("All dates");
        assertThat(currentQuery()).isEqualTo("preset=all");
        assertThat(test(view.grid).size()).isEqualTo(count("select count(*) from tutoring_sessions"));
        // The dates box has no clear button, but its text can be deleted: empty means no date limit.
        test(view.datePreset).selectItem("Last month");
        assertThat(currentQuery()).isEqualTo("preset=last-month");
        view.datePreset.clear();
        assertThat(currentQuery()).isEqualTo("preset=all");
        assertThat(view.datePreset.getValue()).isEqualTo("All dates");
    }

    @Test
    void after_log_session_the_list_shows_the_day_of_the_new_session_with_it_marked() {
        signIn.as(demo.adminEmail());
        SessionsView view = withQuery(Map.of("status", "cancelled"));
        test(view.logSession).click();
        LogSessionDialog dialog = (LogSessionDialog) $(com.vaadin.flow.component.dialog.Dialog.class).single();
        dialog.tutor.setValue(dialog.tutor.getLazyDataView().getItems().filter(t -> t.id() == demo.plainTutorId())
                .findFirst().orElseThrow());
        dialog.engagement.setValue(dialog.engagement.getListDataView().getItems().findFirst().orElseThrow());
        dialog.date.setValue(java.time.LocalDate.of(2027, 1, 14));
        dialog.time.setText("4:30 PM");
        test(dialog.save).click();
        assertThat(dialog.isOpened()).isFalse();

        long id = count("select max(id) from tutoring_sessions where tutor_id = ?", demo.plainTutorId());
        assertThat(currentQuery()).isEqualTo("from=2027-01-14&to=2027-01-14");
        assertThat(view.justLogged()).containsExactly(id);
        GridTester<?, SessionRow> grid = test(view.grid);
        assertThat(java.util.stream.IntStream.range(0, grid.size()).mapToObj(i -> grid.getRow(i).id()))
                .contains(id);
    }

    @Test
    void a_plain_tutor_sees_only_their_sessions_and_no_client_amounts() {
        signIn.as(demo.plainTutorEmail());
        SessionsView view = allDates();
        GridTester<?, SessionRow> grid = test(view.grid);
        assertThat(view.grid.getColumns()).extracting(c -> c.getKey()).doesNotContain("client-amount", "tutor");
        assertThat(view.tutor.isVisible()).isFalse();
        int own = count("select count(*) from tutoring_sessions where tutor_id = ?", demo.plainTutorId());
        assertThat(grid.size()).isEqualTo(own).isPositive();
        assertThat(view.summary.getText()).doesNotContain("client amounts").contains("your earnings $");
        for (int i = 0; i < Math.min(grid.size(), 30); i++) {
            assertThat(grid.getRow(i).clientAmountMinor()).isNull();
        }
    }

    @Test
    void an_enhanced_access_tutor_sees_client_amounts_of_their_sessions() {
        signIn.as(demo.enhancedTutorEmail());
        SessionsView view = allDates();
        assertThat(view.grid.getColumns()).extracting(c -> c.getKey()).contains("client-amount");
        assertThat(test(view.grid).size()).isEqualTo(count("select count(*) from tutoring_sessions where tutor_id = ?",
                demo.enhancedTutorId()));
    }

    @Test
    void choosing_filters_narrows_the_rows_and_writes_them_into_the_url() {
        signIn.as(demo.adminEmail());
        SessionsView view = allDates();
        FilterChoice tutor = view.tutor.getLazyDataView().getItems()
                .filter(c -> c.id() == demo.plainTutorId()).findFirst().orElseThrow();
        test(view.tutor).selectItem(tutor.name());
        assertThat(currentQuery()).isEqualTo("preset=all&tutor=" + demo.plainTutorId());
        assertThat(test(view.grid).size())
                .isEqualTo(count("select count(*) from tutoring_sessions where tutor_id = ?", demo.plainTutorId()));

        test(view.status).selectItem(SessionStatus.CANCELLED.label());
        assertThat(currentQuery()).contains("status=cancelled");
        int cancelled = count("select count(*) from tutoring_sessions where tutor_id = ? and status = 'CANCELLED'",
                demo.plainTutorId());
        assertThat(test(view.grid).size()).isEqualTo(cancelled);

        test(view.datePreset).selectItem("Last month");
        assertThat(currentQuery()).contains("preset=last-month");
        assertThat(test(view.grid).size()).isLessThanOrEqualTo(cancelled);
    }

    @Test
    void a_bookmarked_url_restores_filters_and_sort() {
        signIn.as(demo.adminEmail());
        SessionsView view = withQuery(Map.of("tutor", String.valueOf(demo.enhancedTutorId()),
                "status", "completed", "sort", "client", "from", "2026-10-01", "to", "2026-10-31"));
        assertThat(view.tutor.getValue().id()).isEqualTo(demo.enhancedTutorId());
        assertThat(view.status.getValue()).isEqualTo(SessionStatus.COMPLETED);
        assertThat(view.from.getValue()).hasToString("2026-10-01");
        assertThat(view.datePreset.getValue()).isEqualTo(SessionsView.CUSTOM);
        assertThat(view.notices.isVisible()).isFalse();
        GridTester<?, SessionRow> grid = test(view.grid);
        assertThat(grid.size()).isPositive();
        for (int i = 1; i < grid.size(); i++) {
            assertThat(grid.getRow(i).clientName()).isGreaterThanOrEqualTo(grid.getRow(i - 1).clientName());
            assertThat(grid.getRow(i).status()).isEqualTo(SessionStatus.COMPLETED);
        }
    }

    @Test
    void bad_values_in_the_url_show_a_notice_and_the_list_still_works() {
        signIn.as(demo.adminEmail());
        SessionsView view = withQuery(Map.of("status", "finished", "from", "yesterday",
                "tutor", "987654321"));
        assertThat(view.notices.isVisible()).isTrue();
        String notice = view.notices.getElement().getTextRecursively();
        assertThat(notice).contains("status \"finished\"").contains("from date \"yesterday\"")
                .contains("tutor 987654321: it does not exist");
        // Without a usable date the list shows what it opens on: the last 30 days.
        assertThat(test(view.grid).size()).isEqualTo(lastThirtyDays());
    }

    @Test
    void dates_beyond_what_a_session_can_have_in_the_url_are_ignored_with_a_notice_and_the_list_still_works() {
        signIn.as(demo.adminEmail());
        // ISO dates allow years past 9999 ("+10000-01-01"); the database cannot hold them, and the
        // last date there is has no next day to end a range at.
        SessionsView view = withQuery(Map.of("from", "+10000-01-01", "to", "+999999999-12-31"));
        assertThat(view.notices.isVisible()).isTrue();
        assertThat(view.notices.getElement().getTextRecursively()).contains("from date \"+10000-01-01\"")
                .contains("to date \"+999999999-12-31\"");
        assertThat(test(view.grid).size()).isEqualTo(lastThirtyDays());
    }

    @Test
    void a_tutor_naming_another_tutor_in_the_url_gets_an_empty_list_without_a_hint() {
        signIn.as(demo.plainTutorEmail());
        SessionsView view = withQuery(Map.of("tutor", String.valueOf(demo.enhancedTutorId())));
        assertThat(test(view.grid).size()).isZero();
        assertThat(view.notices.isVisible()).isFalse();
        assertThat(view.grid.getEmptyStateComponent().getElement().getTextRecursively())
                .contains("No sessions match these filters");
    }

    @Test
    void clear_filters_shows_every_session() {
        signIn.as(demo.adminEmail());
        SessionsView view = withQuery(Map.of("status", "cancelled", "q", "zz-nobody-zz"));
        assertThat(test(view.grid).size()).isZero();
        test(view.clearFilters).click();
        assertThat(currentQuery()).isEqualTo("preset=all");
        assertThat(test(view.grid).size()).isEqualTo(count("select count(*) from tutoring_sessions"));
    }

    @Test
    void clicking_a_row_opens_the_session() {
        signIn.as(demo.adminEmail());
        SessionsView view = navigate(SessionsView.class);
        long id = test(view.grid).getRow(0).id();
        test(view.grid).clickRow(0);
        assertThat(getCurrentView()).isInstanceOf(SessionDetailsView.class);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("sessions/" + id);
    }
}
