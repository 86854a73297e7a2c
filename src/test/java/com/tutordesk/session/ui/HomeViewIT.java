package com.tutordesk.session.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestClock;
import com.tutordesk.testing.TestData;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.grid.GridTester;
import com.tutordesk.session.AgendaEntry;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The home page lists the signed-in person's sessions for today and the next seven days. */
@IntegrationTest
class HomeViewIT extends SpringBrowserlessTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

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

    /** Sessions from the start of today (business zone) to the end of the seventh following day. */
    private int sessionsInAgenda(Long tutorId) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), NEW_YORK);
        var from = TestData.utc(today.atStartOfDay(NEW_YORK).toInstant());
        var to = TestData.utc(today.plusDays(8).atStartOfDay(NEW_YORK).toInstant());
        return tutorId == null
                ? jdbc.queryForObject("select count(*) from tutoring_sessions where starts_at >= ? and starts_at < ?",
                        Integer.class, from, to)
                : jdbc.queryForObject("select count(*) from tutoring_sessions where starts_at >= ? and starts_at < ?"
                        + " and tutor_id = ?", Integer.class, from, to, tutorId);
    }

    @Test
    void an_admin_sees_every_tutors_sessions_of_the_coming_week() {
        signIn.as(demo.adminEmail());
        HomeView view = navigate(HomeView.class);
        GridTester<?, AgendaEntry> grid = test(view.agenda);

        int expected = sessionsInAgenda(null);
        assertThat(expected).isGreaterThan(5);
        assertThat(grid.size()).isEqualTo(expected);
        Set<String> tutors = new HashSet<>();
        for (int i = 0; i < grid.size(); i++) {
            tutors.add(grid.getRow(i).tutorName());
        }
        assertThat(tutors).hasSizeGreaterThan(1);
    }

    @Test
    void a_tutor_sees_only_their_own_sessions() {
        signIn.as(demo.plainTutorEmail());
        HomeView view = navigate(HomeView.class);
        GridTester<?, AgendaEntry> grid = test(view.agenda);

        String tutorName = jdbc.queryForObject("select name from tutors where id = ?", String.class,
                demo.plainTutorId());
        assertThat(grid.size()).isEqualTo(sessionsInAgenda(demo.plainTutorId())).isPositive();
        for (int i = 0; i < grid.size(); i++) {
            assertThat(grid.getRow(i).tutorName()).isEqualTo(tutorName);
        }
    }

    @Test
    void times_are_shown_in_the_business_zone_with_am_and_pm() {
        signIn.as(demo.adminEmail());
        HomeView view = navigate(HomeView.class);
        GridTester<?, AgendaEntry> grid = test(view.agenda);
        int timeColumn = grid.getColumnPosition("time");
        String cell = grid.getCellText(0, timeColumn);
        assertThat(cell).matches("\\d{1,2}:\\d{2}[\\s\u202f]?[AP]M – \\d{1,2}:\\d{2}[\\s\u202f]?[AP]M");
        AgendaEntry first = grid.getRow(0);
        var local = first.startsAt().atZone(NEW_YORK).toLocalTime();
        int hour12 = local.getHour() % 12 == 0 ? 12 : local.getHour() % 12;
        assertThat(cell).startsWith(hour12 + ":" + String.format("%02d", local.getMinute()));
    }

    @Test
    void the_agenda_is_in_start_order() {
        signIn.as(demo.adminEmail());
        GridTester<?, AgendaEntry> grid = test(navigate(HomeView.class).agenda);
        for (int i = 1; i < grid.size(); i++) {
            assertThat(grid.getRow(i).startsAt()).isAfterOrEqualTo(grid.getRow(i - 1).startsAt());
        }
    }
}
