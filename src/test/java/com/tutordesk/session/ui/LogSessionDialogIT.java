package com.tutordesk.session.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.tutordesk.session.EngagementOption;
import com.tutordesk.session.FilterChoice;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestClock;
import com.tutordesk.testing.TestData;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.dialog.Dialog;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The Log Session dialog as admins and tutors use it (browserless, real services on MariaDB). */
@IntegrationTest
class LogSessionDialogIT extends SpringBrowserlessTest {

    @Autowired
    SignIn signIn;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    long tutor;
    String tutorName;
    String tutorLogin;
    long engagement;
    long secondEngagement;
    long lonelyTutor;
    String studentName;

    @BeforeEach
    void fixture() {
        clock.reset();
        tutorName = TestData.unique("Dialog Tutor");
        tutor = data.tutor(tutorName);
        tutorLogin = data.tutorLogin(tutor, "a-long-enough-password");
        long client = data.client(TestData.unique("Dialog family"));
        studentName = TestData.unique("Sofía");
        long student = data.student(client, studentName);
        engagement = data.engagement(tutor, student, data.subject(), 4500, 2500);
        secondEngagement = data.engagement(tutor, data.student(client, TestData.unique("Zed")), data.subject(), 6000,
                3000);
        lonelyTutor = data.tutor(TestData.unique("Lonely Tutor"));
    }

    @AfterEach
    void tearDown() {
        signIn.out();
    }

    private LogSessionDialog open() {
        SessionsView view = navigate(SessionsView.class);
        test(view.logSession).click();
        return (LogSessionDialog) $(Dialog.class).single();
    }

    private FilterChoice tutorChoice(LogSessionDialog dialog, long id) {
        return dialog.tutor.getLazyDataView().getItems().filter(c -> c.id() == id).findFirst().orElseThrow();
    }

    private EngagementOption engagementOption(LogSessionDialog dialog, long id) {
        return dialog.engagement.getListDataView().getItems().filter(e -> e.id() == id).findFirst().orElseThrow();
    }

    @Test
    void the_engagement_dropdown_appears_once_a_tutor_is_chosen_and_follows_the_tutor() {
        signIn.as(DemoAccounts.read(jdbc).adminEmail());
        LogSessionDialog dialog = open();
        assertThat(dialog.engagement.isVisible()).isFalse();
        dialog.tutor.setValue(tutorChoice(dialog, tutor));
        assertThat(dialog.engagement.isVisible()).isTrue();
        assertThat(dialog.engagement.getListDataView().getItems()).extracting(EngagementOption::id)
                .containsExactlyInAnyOrder(engagement, secondEngagement);
        assertThat(engagementOption(dialog, engagement).label()).startsWith(studentName + " — ");
        dialog.engagement.setValue(engagementOption(dialog, engagement));

        dialog.tutor.setValue(tutorChoice(dialog, lonelyTutor));
        assertThat(dialog.engagement.getValue()).isNull();
        assertThat(dialog.engagement.isVisible()).isFalse();
        assertThat(dialog.noEngagements.isVisible()).isTrue();
        assertThat(dialog.noEngagements.getText()).contains("has no active engagements");
    }

    @Test
    void a_tutor_finds_themself_preselected_and_fixed() {
        signIn.as(tutorLogin);
        LogSessionDialog dialog = open();
        assertThat(dialog.tutor.getValue().id()).isEqualTo(tutor);
        assertThat(dialog.tutor.isReadOnly()).isTrue();
        assertThat(dialog.engagement.isVisible()).isTrue();
        assertThat(dialog.date.getValue()).isEqualTo(LocalDate.parse("2026-11-25"));
    }

    @Test
    void missing_values_are_shown_at_their_fields_and_nothing_is_saved() {
        signIn.as(tutorLogin);
        LogSessionDialog dialog = open();
        dialog.date.clear();
        test(dialog.save).click();
        assertThat(dialog.engagement.isInvalid()).isTrue();
        assertThat(dialog.engagement.getErrorMessage()).isEqualTo("Choose an engagement");
        assertThat(dialog.date.getErrorMessage()).isEqualTo("Date is required");
        assertThat(dialog.time.getErrorMessage()).isEqualTo("Start time is required");
        dialog.engagement.setValue(engagementOption(dialog, engagement));
        dialog.duration.setValue(700);
        test(dialog.save).click();
        assertThat(dialog.duration.getErrorMessage()).isEqualTo("Duration must be between 5 and 600 minutes");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from tutoring_sessions where tutor_id = ?", Integer.class,
                tutor)).isZero();
    }

    @Test
    void a_time_that_does_not_exist_is_refused_at_the_time_field() {
        signIn.as(tutorLogin);
        LogSessionDialog dialog = open();
        dialog.engagement.setValue(engagementOption(dialog, engagement));
        dialog.date.setValue(LocalDate.parse("2026-03-08"));
        dialog.time.setValue(LocalTime.parse("02:30"));
        assertThat(dialog.time.isInvalid()).isTrue();
        assertThat(dialog.time.getErrorMessage()).contains("does not exist in America/New_York");
    }

    @Test
    void the_preview_shows_amounts_the_viewer_may_see_and_the_end_time() {
        signIn.as(tutorLogin);
        LogSessionDialog dialog = open();
        dialog.engagement.setValue(engagementOption(dialog, engagement));
        dialog.time.setValue(LocalTime.parse("09:00"));
        dialog.duration.setValue(50);
        String preview = dialog.preview.getElement().getTextRecursively();
        assertThat(preview).contains("Ends at 9:50").contains("tutor earnings $20.83").doesNotContain("client amount");
        assertThat(dialog.save.getText()).isEqualTo("Log Session");
    }

    @Test
    void an_admin_previews_the_client_amount_and_a_future_start_schedules() {
        signIn.as(DemoAccounts.read(jdbc).adminEmail());
        LogSessionDialog asAdmin = open();
        asAdmin.tutor.setValue(tutorChoice(asAdmin, tutor));
        asAdmin.engagement.setValue(engagementOption(asAdmin, engagement));
        asAdmin.date.setValue(LocalDate.parse("2026-12-03"));
        asAdmin.time.setValue(LocalTime.parse("16:30"));
        asAdmin.duration.setValue(50);
        assertThat(asAdmin.preview.getElement().getTextRecursively()).contains("client amount $37.50")
                .contains("will be scheduled");
        assertThat(asAdmin.save.getText()).isEqualTo("Schedule Session");
    }

    @Test
    void an_overlap_is_a_warning_in_the_dialog_and_the_session_can_still_be_logged() {
        data.session(secondEngagement, java.time.Instant.parse("2026-11-24T21:00:00Z"), 60, "COMPLETED");
        signIn.as(tutorLogin);
        LogSessionDialog dialog = open();
        dialog.engagement.setValue(engagementOption(dialog, engagement));
        dialog.date.setValue(LocalDate.parse("2026-11-24"));
        dialog.time.setValue(LocalTime.parse("16:30"));
        assertThat(dialog.conflicts.isVisible()).isTrue();
        assertThat(dialog.conflicts.getElement().getTextRecursively()).contains("Overlaps with").contains("same tutor");
        test(dialog.save).click();
        assertThat(dialog.isOpened()).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from tutoring_sessions where engagement_id = ?", Integer.class,
                engagement)).isEqualTo(1);
    }

    @Test
    void logging_saves_one_session_with_the_chosen_location_and_closes() {
        signIn.as(tutorLogin);
        LogSessionDialog dialog = open();
        dialog.engagement.setValue(engagementOption(dialog, engagement));
        dialog.date.setValue(LocalDate.parse("2026-11-23"));
        dialog.time.setValue(LocalTime.parse("16:30"));
        dialog.location.setValue("Room 12");
        test(dialog.save).click();
        assertThat(dialog.isOpened()).isFalse();
        var row = jdbc.queryForMap("select status, location, client_amount_minor from tutoring_sessions"
                + " where engagement_id = ?", engagement);
        assertThat(row.get("status")).isEqualTo("COMPLETED");
        assertThat(row.get("location")).isEqualTo("Room 12");
        assertThat(((Number) row.get("client_amount_minor")).longValue()).isEqualTo(4500);
    }

    @Test
    void a_weekly_repeat_previews_its_dates_and_schedules_the_ticked_ones() {
        signIn.as(tutorLogin);
        LogSessionDialog dialog = open();
        dialog.engagement.setValue(engagementOption(dialog, engagement));
        dialog.date.setValue(LocalDate.parse("2026-12-01"));
        dialog.time.setValue(LocalTime.parse("16:30"));
        dialog.repeat.setValue(true);
        dialog.weeks.setValue(3);
        assertThat(dialog.occurrences.getListDataView().getItems()).hasSize(3);
        assertThat(dialog.save.getText()).isEqualTo("Schedule Session");
        test(dialog.save).click();
        assertThat(jdbc.queryForObject("select count(*) from tutoring_sessions where engagement_id = ?"
                + " and status = 'SCHEDULED'", Integer.class, engagement)).isEqualTo(3);
    }

    @Test
    void a_typed_start_time_is_read_on_the_server_and_shown_back_as_understood() {
        signIn.as(tutorLogin);
        LogSessionDialog dialog = open();
        dialog.engagement.setValue(engagementOption(dialog, engagement));
        dialog.date.setValue(LocalDate.parse("2026-11-23"));
        dialog.time.setText("1:30 p.m.");
        assertThat(dialog.time.getValue()).isEqualTo(LocalTime.of(13, 30));
        assertThat(dialog.time.getText()).isEqualTo("1:30 PM");
        dialog.time.setText("430pm");
        assertThat(dialog.time.getValue()).isEqualTo(LocalTime.of(16, 30));
        assertThat(dialog.time.isInvalid()).isFalse();
        test(dialog.save).click();
        assertThat(dialog.isOpened()).isFalse();
        assertThat(jdbc.queryForObject("select starts_at from tutoring_sessions where engagement_id = ?",
                java.time.LocalDateTime.class, engagement)).isEqualTo(java.time.LocalDateTime.parse("2026-11-23T21:30:00"));
    }

    @Test
    void a_start_time_that_cannot_be_read_is_a_field_error_that_blocks_saving() {
        signIn.as(tutorLogin);
        LogSessionDialog dialog = open();
        dialog.engagement.setValue(engagementOption(dialog, engagement));
        dialog.date.setValue(LocalDate.parse("2026-11-23"));
        dialog.time.setText("4:30 PM");
        for (String typed : java.util.List.of("25:00", "430", "1:3", "13:30 pm")) {
            dialog.time.setText(typed);
            assertThat(dialog.time.getValue()).as(typed).isNull();
            assertThat(dialog.time.isInvalid()).as(typed).isTrue();
            assertThat(dialog.time.getErrorMessage()).as(typed).startsWith("Start time: \"" + typed + "\"");
            test(dialog.save).click();
            assertThat(dialog.isOpened()).as(typed).isTrue();
            assertThat(dialog.time.getErrorMessage()).as(typed).startsWith("Start time: \"" + typed + "\"");
        }
        assertThat(jdbc.queryForObject("select count(*) from tutoring_sessions where engagement_id = ?", Integer.class,
                engagement)).isZero();
    }

    @Test
    void a_no_show_is_logged_directly_as_a_late_cancellation() {
        signIn.as(tutorLogin);
        LogSessionDialog dialog = open();
        dialog.engagement.setValue(engagementOption(dialog, engagement));
        dialog.date.setValue(LocalDate.parse("2026-11-23"));
        dialog.time.setValue(LocalTime.parse("16:30"));
        dialog.duration.setValue(60);
        dialog.outcome.setValue(com.tutordesk.session.Cancellation.LATE);
        assertThat(dialog.preview.getElement().getTextRecursively()).contains("logged as a late cancellation");
        test(dialog.save).click();
        assertThat(dialog.isOpened()).isFalse();
        assertThat(jdbc.queryForObject("select status from tutoring_sessions where engagement_id = ?", String.class,
                engagement)).isEqualTo("LATE_CANCELLED");
    }

    @Test
    void the_home_page_opens_the_same_dialog() {
        signIn.as(tutorLogin);
        HomeView home = navigate(HomeView.class);
        test(home.logSession).click();
        assertThat($(Dialog.class).single()).isInstanceOf(LogSessionDialog.class);
    }
}
