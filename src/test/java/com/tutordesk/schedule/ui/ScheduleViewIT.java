package com.tutordesk.schedule.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.tutordesk.schedule.CalendarEntry;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestClock;
import com.tutordesk.testing.TestData;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.internal.JacksonUtils;
import com.vaadin.flow.internal.nodefeature.ElementListenerMap;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The calendar per role, empty-slot clicks, moves (and their refusal) and DST days, browserless. */
@IntegrationTest
class ScheduleViewIT extends SpringBrowserlessTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** The test clock's week (Sunday to Saturday, en-US). */
    static final LocalDate SUNDAY = LocalDate.parse("2026-11-22");

    @Autowired
    SignIn signIn;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    DemoAccounts demo;
    long tutor;
    String tutorLogin;
    long otherTutor;
    long engagement;
    long otherEngagement;

    @BeforeEach
    void fixture() {
        clock.reset();
        demo = DemoAccounts.read(jdbc);
        tutor = data.tutor(TestData.unique("Calendar Tutor"));
        tutorLogin = data.tutorLogin(tutor, "a-long-enough-password");
        otherTutor = data.tutor(TestData.unique("Other Tutor"));
        long client = data.client(TestData.unique("Calendar family"));
        long subject = data.subject();
        engagement = data.engagement(tutor, data.student(client, TestData.unique("Mia")), subject, 6000, 3000);
        otherEngagement = data.engagement(otherTutor, data.student(client, TestData.unique("Noah")), subject, 6000,
                3000);
    }

    @AfterEach
    void tearDown() {
        signIn.out();
    }

    private Instant newYork(String dateTime) {
        return java.time.LocalDateTime.parse(dateTime).atZone(NEW_YORK).toInstant();
    }

    private ScheduleView week(LocalDate date) {
        return open("schedule?view=week&date=" + date);
    }

    /** Opens the calendar at an address such as "schedule?view=week&date=2026-11-25". */
    private ScheduleView open(String address) {
        com.vaadin.flow.router.QueryParameters query = com.vaadin.flow.router.QueryParameters.fromString(
                address.substring(address.indexOf('?') + 1));
        com.vaadin.flow.component.UI.getCurrent().navigate(ScheduleView.class, query);
        return (ScheduleView) getCurrentView();
    }

    private Set<Long> sessionsInWeek(Long tutorId) {
        var from = TestData.utc(SUNDAY.atStartOfDay(NEW_YORK).toInstant());
        var to = TestData.utc(SUNDAY.plusDays(7).atStartOfDay(NEW_YORK).toInstant());
        List<Long> ids = tutorId == null
                ? jdbc.queryForList("select id from tutoring_sessions where starts_at >= ? and starts_at < ?",
                        Long.class, from, to)
                : jdbc.queryForList("select id from tutoring_sessions where starts_at >= ? and starts_at < ?"
                        + " and tutor_id = ?", Long.class, from, to, tutorId);
        return new HashSet<>(ids);
    }

    @Test
    void an_admins_week_shows_every_session_of_the_week_each_linking_to_its_page() {
        long mine = data.session(engagement, newYork("2026-11-24T16:00"), 60, "SCHEDULED");
        long others = data.session(otherEngagement, newYork("2026-11-26T09:00"), 45, "SCHEDULED");
        signIn.as(demo.adminEmail());

        ScheduleView view = week(LocalDate.parse("2026-11-25"));

        assertThat(view.state().mode()).isEqualTo(CalendarMode.WEEK);
        assertThat(view.columns).hasSize(7);
        assertThat(view.blocks.keySet()).containsExactlyInAnyOrderElementsOf(sessionsInWeek(null))
                .contains(mine, others);
        assertThat(html(view.blocks.get(mine))).contains("href=\"sessions/" + mine + "\"");
        assertThat(view.blocks.get(mine).text()).startsWith("4:00").contains("Mia").contains("Calendar Tutor");
        assertThat(view.columns.get(view.blocks.get(mine).column()).getElement().getAttribute("data-date"))
                .isEqualTo("2026-11-24");
    }

    @Test
    void a_tutors_week_shows_only_their_own_sessions_whatever_the_address_asks() {
        long mine = data.session(engagement, newYork("2026-11-24T16:00"), 60, "SCHEDULED");
        long others = data.session(otherEngagement, newYork("2026-11-24T16:00"), 60, "SCHEDULED");
        signIn.as(tutorLogin);

        ScheduleView view = open("schedule?view=week&date=2026-11-25&tutor=" + otherTutor);

        assertThat(view.blocks.keySet()).containsExactly(mine).doesNotContain(others);
        assertThat(view.state().filter().tutorId()).isNull();
        assertThat(view.modeTabs).doesNotContainKey(CalendarMode.TUTORS);
        assertThat(view.blocks.get(mine).text()).doesNotContain("Calendar Tutor");
    }

    @Test
    void a_demo_tutor_sees_exactly_their_sessions_of_the_week() {
        signIn.as(demo.plainTutorEmail());
        ScheduleView view = week(LocalDate.parse("2026-11-25"));
        assertThat(view.blocks.keySet()).isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(sessionsInWeek(demo.plainTutorId()));
    }

    @Test
    void the_by_tutor_day_view_has_a_column_per_tutor_and_the_tutors_sessions_in_it() {
        long mine = data.session(engagement, newYork("2026-11-25T16:00"), 60, "SCHEDULED");
        long others = data.session(otherEngagement, newYork("2026-11-25T16:30"), 60, "SCHEDULED");
        signIn.as(demo.adminEmail());

        ScheduleView view = open("schedule?view=tutors&date=2026-11-25");

        Div tutorColumn = view.columns.stream().filter(c -> String.valueOf(tutor)
                .equals(c.getElement().getAttribute("data-tutor"))).findFirst().orElseThrow();
        Div otherColumn = view.columns.stream().filter(c -> String.valueOf(otherTutor)
                .equals(c.getElement().getAttribute("data-tutor"))).findFirst().orElseThrow();
        assertThat(view.columns.get(view.blocks.get(mine).column())).isSameAs(tutorColumn);
        assertThat(view.columns.get(view.blocks.get(others).column())).isSameAs(otherColumn);
        // Two tutors at the same time is no conflict.
        assertThat(view.blocks.get(mine).classes()).doesNotContain("cal-overlap");
    }

    @Test
    void names_in_a_block_are_text_never_markup() {
        long client = data.client(TestData.unique("Markup family"));
        long sneaky = data.engagement(tutor, data.student(client, "<img src=x onerror=alert(1)>"), data.subject(), 6000,
                3000);
        long session = data.session(sneaky, newYork("2026-11-24T10:00"), 60, "SCHEDULED");
        signIn.as(tutorLogin);

        ScheduleView view = week(LocalDate.parse("2026-11-25"));

        String column = view.columns.get(view.blocks.get(session).column()).getElement().getProperty("innerHTML");
        assertThat(column).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img");
    }

    @Test
    void overlapping_sessions_of_one_tutor_sit_side_by_side_and_are_flagged() {
        long first = data.session(engagement, newYork("2026-11-24T16:00"), 60, "SCHEDULED");
        long second = data.session(engagement, newYork("2026-11-24T16:30"), 60, "SCHEDULED");
        signIn.as(tutorLogin);

        ScheduleView view = week(LocalDate.parse("2026-11-25"));

        ScheduleView.Block a = view.blocks.get(first);
        ScheduleView.Block b = view.blocks.get(second);
        assertThat(a.classes()).contains("cal-overlap");
        assertThat(b.classes()).contains("cal-overlap");
        assertThat(List.of(a.lane(), a.lanes(), b.lane(), b.lanes())).containsExactly(0, 2, 1, 2);
        // Side by side: the left half and the right half of the column.
        assertThat(html(a)).contains("inset:" + a.top() + "px 50.0% ").contains("px 0\">");
        assertThat(html(b)).contains("inset:" + b.top() + "px 0 ").contains("px 50.0%\"");
        assertThat(b.text()).contains("Overlaps");
    }

    @Test
    void a_click_on_an_empty_slot_opens_log_session_with_date_time_and_tutor_filled_in() {
        signIn.as(demo.adminEmail());
        ScheduleView view = open("schedule?view=tutors&date=2026-11-27");
        Div column = view.columns.stream().filter(c -> String.valueOf(tutor)
                .equals(c.getElement().getAttribute("data-tutor"))).findFirst().orElseThrow();

        // A click a little below the 3 PM line (the browser reports pixels from the column's top).
        click(column, 15 * ScheduleView.HOUR_PX + 10);

        Dialog dialog = $(Dialog.class).single();
        assertThat(dialog.getHeaderTitle()).isEqualTo("Log Session");
        var date = (com.vaadin.flow.component.datepicker.DatePicker) $(com.vaadin.flow.component.datepicker.DatePicker.class,
                dialog).id("log-date");
        var time = (com.tutordesk.shared.ui.TimeField) $(com.tutordesk.shared.ui.TimeField.class, dialog).id("log-time");
        @SuppressWarnings("unchecked")
        var tutorBox = (com.vaadin.flow.component.combobox.ComboBox<com.tutordesk.session.FilterChoice>) $(
                com.vaadin.flow.component.combobox.ComboBox.class, dialog).id("log-tutor");
        assertThat(date.getValue()).isEqualTo(LocalDate.parse("2026-11-27"));
        assertThat(time.getValue()).isEqualTo(LocalTime.of(15, 0));
        assertThat(tutorBox.getValue().id()).isEqualTo(tutor);
    }

    @Test
    void a_session_dropped_on_another_day_is_rescheduled_recorded_and_undone_by_undo() {
        long session = data.session(engagement, newYork("2026-11-30T16:00"), 60, "SCHEDULED");
        signIn.as(demo.adminEmail());
        ScheduleView view = open("schedule?view=week&date=2026-12-01&tutor=" + tutor);
        CalendarEntry entry = view.blocks.get(session).entry();
        ScheduleView.Column wednesday = view.shownColumn(LocalDate.parse("2026-12-02"), tutor).orElseThrow();

        view.dropAt(entry, wednesday, view.axis().rows().indexOf(new com.tutordesk.schedule.TimeAxis.Row(17, 0)));

        assertThat(startOf(session)).isEqualTo(newYork("2026-12-02T17:00"));
        assertThat(jdbc.queryForObject("select details from session_history where session_id = ? and action = 'EDITED'",
                String.class, session)).startsWith("Start: ");
        assertThat(view.blocks.get(session).column()).isEqualTo(3);

        roundTrip();
        test(view.lastUndo).click();
        assertThat(startOf(session)).isEqualTo(newYork("2026-11-30T16:00"));
    }

    @Test
    void an_invoiced_session_cannot_be_dragged_and_a_move_of_it_is_refused() {
        long session = data.session(engagement, newYork("2026-11-24T16:00"), 60, "COMPLETED");
        data.updateSession(session, "billing_state = 'INVOICED'");
        signIn.as(demo.adminEmail());
        ScheduleView view = open("schedule?view=week&date=2026-11-25&tutor=" + tutor);
        ScheduleView.Block block = view.blocks.get(session);
        assertThat(html(block)).contains("draggable=\"false\"");
        assertThat(block.classes()).contains("cal-locked");

        CalendarEntry entry = new CalendarEntry(session, 0, newYork("2026-11-24T16:00"), newYork("2026-11-24T17:00"),
                com.tutordesk.session.SessionStatus.COMPLETED, com.tutordesk.session.BillingState.INVOICED, tutor, "",
                "", "");
        view.move(entry, LocalDate.parse("2026-11-25"), LocalTime.of(10, 0));

        assertThat($(Notification.class).last().getElement().toString()).isNotNull();
        assertThat(notificationTexts()).anyMatch(text -> text.contains("Cannot change the engagement, date, time")
                && text.contains("cancel its invoice first"));
        assertThat(startOf(session)).isEqualTo(newYork("2026-11-24T16:00"));
    }

    @Test
    void on_the_fall_back_day_two_sessions_at_1_30_am_sit_an_hour_apart_by_their_own_offsets() {
        long daylight = data.session(engagement, Instant.parse("2026-11-01T05:30:00Z"), 30, "COMPLETED");
        long standard = data.session(engagement, Instant.parse("2026-11-01T06:30:00Z"), 30, "COMPLETED");
        long nine = data.session(engagement, newYork("2026-11-01T09:00"), 30, "COMPLETED");
        signIn.as(tutorLogin);

        ScheduleView view = open("schedule?view=day&date=2026-11-01");

        assertThat(view.axis().rows()).hasSize(25);
        int first = top(view.blocks.get(daylight));
        int second = top(view.blocks.get(standard));
        assertThat(second - first).isEqualTo(ScheduleView.HOUR_PX);
        assertThat(first).isEqualTo((int) (1.5 * ScheduleView.HOUR_PX));
        // After the repeated hour every row is one lower than on a 24-hour day.
        assertThat(top(view.blocks.get(nine))).isEqualTo(10 * ScheduleView.HOUR_PX);
    }

    @Test
    void the_spring_forward_day_has_23_hours_and_its_missing_hour_is_marked_in_the_week() {
        long three = data.session(engagement, newYork("2026-03-08T03:00"), 60, "COMPLETED");
        signIn.as(tutorLogin);

        ScheduleView day = open("schedule?view=day&date=2026-03-08");
        assertThat(day.axis().rows()).hasSize(23);
        assertThat(top(day.blocks.get(three))).isEqualTo(2 * ScheduleView.HOUR_PX);

        ScheduleView week = open("schedule?view=week&date=2026-03-08");
        assertThat(week.axis().rows()).hasSize(24);
        Div sunday = week.columns.getFirst();
        assertThat(sunday.getElement().getProperty("innerHTML")).containsOnlyOnce("class=\"cal-gap\"")
                .contains("style=\"top:" + 2 * ScheduleView.HOUR_PX + "px");
        assertThat(top(week.blocks.get(three))).isEqualTo(3 * ScheduleView.HOUR_PX);
    }

    @Test
    void the_month_view_lists_a_few_sessions_per_day_and_links_to_the_day() {
        signIn.as(demo.adminEmail());
        ScheduleView view = open("schedule?view=month&date=2026-11-25");
        assertThat(view.axis()).isNull();
        assertThat(view.monthEntries).isNotEmpty();
        assertThat(view.monthEntries.values()).allMatch(a -> a.getHref().startsWith("sessions/"));
    }

    @Test
    void an_unusable_address_is_shown_as_a_notice_and_the_week_is_shown() {
        signIn.as(demo.adminEmail());
        ScheduleView view = open("schedule?view=year&date=soon&tutor=x");
        assertThat(view.state().mode()).isEqualTo(CalendarMode.WEEK);
        assertThat(view.notices.isVisible()).isTrue();
        assertThat(view.notices.getElement().getTextRecursively()).contains("Ignored view").contains("Ignored date")
                .contains("Ignored tutor");
    }

    private Instant startOf(long session) {
        return jdbc.queryForObject("select starts_at from tutoring_sessions where id = ?", java.time.LocalDateTime.class,
                session).toInstant(java.time.ZoneOffset.UTC);
    }

    private static int top(ScheduleView.Block block) {
        return block.top();
    }

    private static String html(ScheduleView.Block block) {
        return block.html(24 * ScheduleView.HOUR_PX);
    }

    private List<String> notificationTexts() {
        roundTrip();
        return $(Notification.class).all().stream().map(n -> n.getElement().getTextRecursively()
                + n.getElement().getProperty("text", "")).toList();
    }

    /** Fires the column's click listener as the browser would, with the pixel offset of the click. */
    private static void click(Div column, int offsetY) {
        var data = JacksonUtils.createObjectNode();
        data.put("event.offsetY", offsetY);
        // The browser evaluates the listener's filter and sends its result with the event.
        data.put("event.target === element", true);
        column.getElement().getNode().getFeature(ElementListenerMap.class)
                .fireEvent(new DomEvent(column.getElement(), "click", data));
    }
}
