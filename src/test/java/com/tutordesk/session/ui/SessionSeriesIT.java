package com.tutordesk.session.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.tutordesk.session.LogSessionRequest;
import com.tutordesk.session.SeriesChange;
import com.tutordesk.session.SessionLoggingService;
import com.tutordesk.session.SessionSeriesService;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestClock;
import com.tutordesk.testing.TestData;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.menubar.MenuBarTester;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Series: made every 1–4 weeks, shown on the session page, changed "this and following", ended. */
@IntegrationTest
class SessionSeriesIT extends SpringBrowserlessTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Autowired
    SessionLoggingService logging;

    @Autowired
    SessionSeriesService series;

    @Autowired
    SignIn signIn;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    String tutorLogin;
    long engagement;

    @BeforeEach
    void fixture() {
        clock.reset();
        long tutor = data.tutor(TestData.unique("Series Tutor"));
        tutorLogin = data.tutorLogin(tutor, "a-long-enough-password");
        long client = data.client(TestData.unique("Series family"));
        engagement = data.engagement(tutor, data.student(client, TestData.unique("Ines")), data.subject(), 6000, 3000);
        signIn.as(tutorLogin);
    }

    @AfterEach
    void tearDown() {
        signIn.out();
    }

    private List<Long> schedule(String firstDate, String time, int everyWeeks, int count) {
        LogSessionRequest request = new LogSessionRequest(engagement, LocalDate.parse(firstDate), LocalTime.parse(time),
                60, "Library", false, UUID.randomUUID().toString());
        return logging.logSeries(request, everyWeeks, SessionLoggingService.seriesDates(request.date(), everyWeeks,
                count, null));
    }

    private LocalDateTime localStart(long session) {
        return jdbc.queryForObject("select starts_at from tutoring_sessions where id = ?", LocalDateTime.class, session)
                .toInstant(ZoneOffset.UTC).atZone(NEW_YORK).toLocalDateTime();
    }

    @Test
    void every_two_weeks_across_the_dst_change_each_session_keeps_its_wall_clock_time_and_knows_its_place() {
        List<Long> ids = schedule("2026-10-20", "16:00", 2, 4);

        assertThat(ids.stream().map(this::localStart).toList()).containsExactly(
                LocalDateTime.parse("2026-10-20T16:00"), LocalDateTime.parse("2026-11-03T16:00"),
                LocalDateTime.parse("2026-11-17T16:00"), LocalDateTime.parse("2026-12-01T16:00"));
        // Before and after the fall-back night: the same wall-clock time is an hour apart in UTC.
        assertThat(jdbc.queryForObject("select starts_at from tutoring_sessions where id = ?", LocalDateTime.class,
                ids.get(0))).isEqualTo(LocalDateTime.parse("2026-10-20T20:00"));
        assertThat(jdbc.queryForObject("select starts_at from tutoring_sessions where id = ?", LocalDateTime.class,
                ids.get(1))).isEqualTo(LocalDateTime.parse("2026-11-03T21:00"));
        assertThat(series.summary(ids.get(2)).orElseThrow().describe(java.util.Locale.US))
                .isEqualTo("3 of 4, every 2 weeks on Tuesday");
    }

    @Test
    void the_session_page_shows_the_series() {
        List<Long> ids = schedule("2026-12-01", "16:00", 1, 12);
        SessionDetailsView view = navigate("sessions/" + ids.get(2), SessionDetailsView.class);
        assertThat(view.seriesLine.getText()).isEqualTo("Series: 3 of 12, every week on Tuesday");
        assertThat(view.endSeries.isVisible()).isTrue();
    }

    @Test
    void this_and_following_in_the_edit_dialog_skips_invoiced_sessions_and_lists_them() {
        List<Long> ids = schedule("2026-12-01", "16:00", 1, 4);
        data.updateSession(ids.get(2), "billing_state = 'INVOICED'");
        SessionDetailsView view = navigate("sessions/" + ids.get(1), SessionDetailsView.class);

        new MenuBarTester<>(view.editMenu).clickItem("Edit Session", "Edit date, time, engagement…");
        EditSessionDialog dialog = (EditSessionDialog) $(Dialog.class).single();
        assertThat(dialog.scope.isVisible()).isTrue();
        test(dialog.date).setValue(LocalDate.parse("2026-12-09"));
        dialog.time.setValue(LocalTime.of(17, 30));
        dialog.scope.setValue("This and following sessions (3)");
        test(dialog.save).click();

        assertThat(localStart(ids.get(0))).isEqualTo(LocalDateTime.parse("2026-12-01T16:00"));
        assertThat(localStart(ids.get(1))).isEqualTo(LocalDateTime.parse("2026-12-09T17:30"));
        assertThat(localStart(ids.get(2))).as("invoiced: never changed by a series edit")
                .isEqualTo(LocalDateTime.parse("2026-12-15T16:00"));
        assertThat(localStart(ids.get(3))).isEqualTo(LocalDateTime.parse("2026-12-23T17:30"));
        assertThat(notificationTexts()).anyMatch(text -> text.contains("Updated 2 sessions")
                && text.contains("Dec 15, 2026") && text.contains("invoiced"));
        assertThat(view.seriesLine.getText()).contains("every week on Wednesday");
    }

    @Test
    void reschedule_from_the_session_page_moves_the_session_and_undo_in_the_confirmation_moves_it_back() {
        long id = data.session(engagement, LocalDateTime.parse("2026-12-01T16:00").atZone(NEW_YORK).toInstant(), 60,
                "SCHEDULED");
        SessionDetailsView view = navigate("sessions/" + id, SessionDetailsView.class);

        new MenuBarTester<>(view.editMenu).clickItem("Edit Session", "Reschedule…");
        RescheduleDialog dialog = (RescheduleDialog) $(Dialog.class).single();
        assertThat(dialog.scope.isVisible()).as("not in a series").isFalse();
        test(dialog.date).setValue(LocalDate.parse("2026-12-03"));
        dialog.time.setValue(LocalTime.of(9, 0));
        test(dialog.save).click();

        assertThat(localStart(id)).isEqualTo(LocalDateTime.parse("2026-12-03T09:00"));
        assertThat(jdbc.queryForObject("select count(*) from session_history where session_id = ? and action = 'EDITED'",
                Integer.class, id)).isOne();
        roundTrip();
        test(dialog.undo).click();
        assertThat(localStart(id)).isEqualTo(LocalDateTime.parse("2026-12-01T16:00"));
    }

    @Test
    void reschedule_this_and_following_moves_each_and_undo_moves_them_back() {
        List<Long> ids = schedule("2026-12-01", "16:00", 2, 3);
        SeriesChange change = series.rescheduleFollowing(ids.get(0), 0, LocalDate.parse("2026-12-03"),
                LocalTime.of(9, 0));
        assertThat(change.changed()).hasSize(3);
        assertThat(localStart(ids.get(2))).isEqualTo(LocalDateTime.parse("2026-12-31T09:00"));

        series.undo(change);
        assertThat(localStart(ids.get(2))).isEqualTo(LocalDateTime.parse("2026-12-29T16:00"));
    }

    @Test
    void end_series_after_a_date_cancels_what_follows_but_no_invoiced_session() {
        List<Long> ids = schedule("2026-12-01", "16:00", 1, 5);
        data.updateSession(ids.get(4), "billing_state = 'INVOICED'");

        SeriesChange change = series.endAfter(ids.get(0), LocalDate.parse("2026-12-08"));

        assertThat(change.changed()).extracting(c -> c.sessionId()).containsExactly(ids.get(2), ids.get(3));
        assertThat(change.skipped()).extracting(SeriesChange.Skipped::sessionId).containsExactly(ids.get(4));
        assertThat(jdbc.queryForList("select status from tutoring_sessions where id in (?, ?, ?) order by id",
                String.class, ids.get(1), ids.get(2), ids.get(3))).containsExactly("SCHEDULED", "CANCELLED", "CANCELLED");
        assertThat(series.summary(ids.get(1)).orElseThrow().describe(java.util.Locale.US))
                .isEqualTo("2 of 2, every week on Tuesday");
    }

    private List<String> notificationTexts() {
        roundTrip();
        return $(com.vaadin.flow.component.notification.Notification.class).all().stream()
                .map(n -> n.getElement().getTextRecursively() + n.getElement().getProperty("text", "")).toList();
    }
}
