package com.tutordesk.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tutordesk.shared.Money;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestClock;
import com.tutordesk.testing.TestData;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/** Logging and scheduling sessions on MariaDB, for each role. */
@IntegrationTest
class SessionLoggingServiceIT {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Autowired
    SessionLoggingService logging;

    @Autowired
    TestData data;

    @Autowired
    SignIn signIn;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    com.tutordesk.settings.SettingsService settings;

    @Autowired
    SessionEditingService editing;

    @Autowired
    SessionViewService views;

    long tutor;
    long otherTutor;
    String tutorLogin;
    String otherTutorLogin;
    long student;
    long engagement;
    long otherEngagement;
    String admin;

    @BeforeEach
    void fixture() {
        clock.reset();
        admin = DemoAccounts.read(jdbc).adminEmail();
        tutor = data.tutor(TestData.unique("Logging Tutor"));
        otherTutor = data.tutor(TestData.unique("Other Tutor"));
        tutorLogin = data.tutorLogin(tutor, "a-long-enough-password");
        otherTutorLogin = data.tutorLogin(otherTutor, "a-long-enough-password");
        long client = data.client(TestData.unique("Logging family"));
        student = data.student(client, TestData.unique("Łucja"));
        engagement = data.engagement(tutor, student, data.subject(), 4500, 2750);
        otherEngagement = data.engagement(otherTutor, student, data.subject(), 6000, 3000);
    }

    @AfterEach
    void tearDown() {
        signIn.out();
        clock.reset();
    }

    private static LogSessionRequest request(long engagementId, String date, String time, int minutes) {
        return new LogSessionRequest(engagementId, LocalDate.parse(date), LocalTime.parse(time), minutes, null, false,
                UUID.randomUUID().toString());
    }

    /** The stored row; DATETIME columns as the UTC wall time they hold (MariaDB Connector/J returns Timestamps). */
    private Map<String, Object> row(long id) {
        Map<String, Object> row = jdbc.queryForMap("select * from tutoring_sessions where id = ?", id);
        row.replaceAll((column, value) -> value instanceof java.sql.Timestamp stamp ? stamp.toLocalDateTime() : value);
        return row;
    }

    @Test
    void a_past_session_is_logged_completed_with_the_engagements_rates_and_amounts_from_minutes() {
        signIn.as(admin);
        long id = logging.logSession(request(engagement, "2026-11-24", "16:30", 50));
        Map<String, Object> row = row(id);
        assertThat(row.get("status")).isEqualTo("COMPLETED");
        assertThat(((Number) row.get("client_rate_minor")).longValue()).isEqualTo(4500);
        assertThat(((Number) row.get("client_amount_minor")).longValue()).isEqualTo(3750);   // 50 min at 45.00
        assertThat(((Number) row.get("tutor_earnings_minor")).longValue()).isEqualTo(2292);  // 50 min at 27.50 = 22.9166…
        assertThat(row.get("starts_at")).isEqualTo(LocalDateTime.parse("2026-11-24T21:30"));
        assertThat(row.get("ends_at")).isEqualTo(LocalDateTime.parse("2026-11-24T22:20"));
        assertThat(row.get("time_zone")).isEqualTo("America/New_York");
        assertThat(jdbc.queryForObject("select action from session_history where session_id = ?", String.class, id))
                .isEqualTo("LOGGED");
    }

    @Test
    void a_no_show_is_logged_in_one_step_as_a_late_cancellation_with_the_policys_amounts() {
        var policy = settings.profile().lateCancellation();
        signIn.as(tutorLogin);
        LogSessionRequest noShow = new LogSessionRequest(engagement, LocalDate.parse("2026-11-24"),
                LocalTime.parse("16:30"), 50, null, Cancellation.LATE, UUID.randomUUID().toString());
        LoggingPreview preview = logging.preview(noShow);
        assertThat(preview.status()).isEqualTo(SessionStatus.LATE_CANCELLED);
        assertThat(preview.tutorEarningsMinor()).isEqualTo(Money.forMinutes(2750, 50, policy.tutorPayPercent()));
        long id = logging.logSession(noShow);
        Map<String, Object> row = row(id);
        assertThat(row.get("status")).isEqualTo("LATE_CANCELLED");
        assertThat(((Number) row.get("client_amount_minor")).longValue())
                .isEqualTo(Money.forMinutes(4500, 50, policy.clientChargePercent()));
        assertThat(((Number) row.get("tutor_earnings_minor")).longValue())
                .isEqualTo(Money.forMinutes(2750, 50, policy.tutorPayPercent()));
        assertThat(row.get("pre_late_cancel_status")).isEqualTo("COMPLETED");

        // Undo (Edit Session menu) gives the full amounts of a completed session back.
        editing.undoLateCancellation(id, views.page(id).version());
        assertThat(row(id).get("status")).isEqualTo("COMPLETED");
        assertThat(((Number) row(id).get("client_amount_minor")).longValue()).isEqualTo(3750);
    }

    @Test
    void a_future_session_is_scheduled_and_a_cancelled_one_costs_nothing() {
        signIn.as(tutorLogin);
        long scheduled = logging.logSession(request(engagement, "2026-12-02", "16:30", 60));
        assertThat(row(scheduled).get("status")).isEqualTo("SCHEDULED");
        LogSessionRequest cancelled = new LogSessionRequest(engagement, LocalDate.parse("2026-11-20"),
                LocalTime.parse("16:30"), 60, "Library", true, UUID.randomUUID().toString());
        Map<String, Object> row = row(logging.logSession(cancelled));
        assertThat(row.get("status")).isEqualTo("CANCELLED");
        assertThat(((Number) row.get("client_amount_minor")).longValue()).isZero();
        assertThat(((Number) row.get("tutor_earnings_minor")).longValue()).isZero();
        assertThat(row.get("location")).isEqualTo("Library");
    }

    @Test
    void a_tutor_cannot_log_on_another_tutors_engagement() {
        signIn.as(tutorLogin);
        int before = jdbc.queryForObject("select count(*) from tutoring_sessions where engagement_id = ?", Integer.class,
                otherEngagement);
        assertThatThrownBy(() -> logging.logSession(request(otherEngagement, "2026-11-24", "16:30", 60)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> logging.preview(request(otherEngagement, "2026-11-24", "16:30", 60)))
                .isInstanceOf(NotFoundException.class);
        assertThat(logging.engagementsForLogging(otherTutor)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from tutoring_sessions where engagement_id = ?", Integer.class,
                otherEngagement)).isEqualTo(before);
    }

    @Test
    void the_same_request_submitted_twice_at_once_logs_one_session() throws Exception {
        signIn.as(tutorLogin);
        var context = SecurityContextHolder.getContext();
        LogSessionRequest request = request(engagement, "2026-11-23", "17:00", 60);
        CountDownLatch start = new CountDownLatch(1);
        Callable<Long> submit = () -> {
            SecurityContextHolder.setContext(context);
            start.await();
            return logging.logSession(request);
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Long> first = pool.submit(submit);
            Future<Long> second = pool.submit(submit);
            start.countDown();
            assertThat(first.get()).isEqualTo(second.get());
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from tutoring_sessions where engagement_id = ? and starts_at = ?",
                Integer.class, engagement, LocalDateTime.parse("2026-11-23T22:00"))).isEqualTo(1);
        assertThat(logging.logSession(request)).isEqualTo(jdbc.queryForObject(
                "select id from tutoring_sessions where request_key = ?", Long.class, request.requestKey()));
    }

    @Test
    void a_time_in_the_spring_forward_gap_is_refused_and_nothing_is_saved() {
        signIn.as(admin);
        assertThatThrownBy(() -> logging.logSession(request(engagement, "2026-03-08", "02:30", 60)))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("Mar 8, 2026").hasMessageContaining("America/New_York");
        assertThat(jdbc.queryForObject("select count(*) from tutoring_sessions where engagement_id = ?", Integer.class,
                engagement)).isZero();
    }

    @Test
    void an_ambiguous_time_takes_the_earlier_offset_and_the_preview_says_so() {
        signIn.as(admin);
        LoggingPreview preview = logging.preview(request(engagement, "2026-11-01", "01:30", 60));
        assertThat(preview.ambiguityNote()).contains("happens twice");
        long id = logging.logSession(request(engagement, "2026-11-01", "01:30", 60));
        assertThat(row(id).get("starts_at")).isEqualTo(LocalDateTime.parse("2026-11-01T05:30"));
    }

    @Test
    void overlapping_sessions_are_a_warning_listing_them_not_an_error() {
        signIn.as(admin);
        long existing = logging.logSession(request(otherEngagement, "2026-11-24", "16:00", 60));
        LoggingPreview preview = logging.preview(request(engagement, "2026-11-24", "16:30", 60));
        assertThat(preview.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.sessionId()).isEqualTo(existing);
            assertThat(c.sameStudent()).isTrue();
            assertThat(c.sameTutor()).isFalse();
        });
        assertThat(logging.logSession(request(engagement, "2026-11-24", "16:30", 60))).isPositive();

        signIn.as(tutorLogin);
        LoggingPreview asTutor = logging.preview(request(engagement, "2026-11-24", "16:45", 30));
        assertThat(asTutor.conflicts()).anySatisfy(c -> {
            assertThat(c.sessionId()).isNull();
            assertThat(c.description()).isEqualTo("another session of the student");
        });
    }

    @Test
    void the_preview_shows_client_amounts_only_to_those_who_may_see_them() {
        signIn.as(tutorLogin);
        LoggingPreview plain = logging.preview(request(engagement, "2026-11-24", "16:30", 50));
        assertThat(plain.clientAmountMinor()).isNull();
        assertThat(plain.tutorEarningsMinor()).isEqualTo(2292);
        assertThat(logging.engagementsForLogging(tutor)).singleElement()
                .satisfies(option -> assertThat(option.clientRateMinor()).isNull());
        signIn.as(admin);
        assertThat(logging.preview(request(engagement, "2026-11-24", "16:30", 50)).clientAmountMinor()).isEqualTo(3750);
    }

    @Test
    void bad_input_is_refused_naming_the_field() {
        signIn.as(admin);
        assertThatThrownBy(() -> logging.logSession(request(engagement, "2026-11-24", "16:30", 4)))
                .hasMessage("Duration must be between 5 and 600 minutes");
        assertThatThrownBy(() -> logging.logSession(request(engagement, "2026-11-24", "16:30", 601)))
                .hasMessage("Duration must be between 5 and 600 minutes");
        assertThatThrownBy(() -> logging.logSession(new LogSessionRequest(null, LocalDate.parse("2026-11-24"),
                LocalTime.NOON, 60, null, false, "k1"))).hasMessage("Engagement is required");
        assertThatThrownBy(() -> logging.logSession(new LogSessionRequest(engagement, null, LocalTime.NOON, 60, null,
                false, "k2"))).hasMessage("Date is required");
        assertThatThrownBy(() -> logging.logSession(new LogSessionRequest(engagement, LocalDate.parse("2026-11-24"),
                null, 60, null, false, "k3"))).hasMessage("Start time is required");
        assertThatThrownBy(() -> logging.logSession(request(engagement, "1900-01-01", "16:30", 60)))
                .hasMessage("Date must be between 2016-11-25 and 2028-11-25");
        assertThatThrownBy(() -> logging.logSession(request(engagement, "9999-12-31", "23:00", 600)))
                .hasMessageStartingWith("Date must be between");
        assertThatThrownBy(() -> logging.logSession(new LogSessionRequest(engagement, LocalDate.parse("2026-11-24"),
                LocalTime.NOON, 60, "x".repeat(201), false, "k4"))).hasMessage("Location must be at most 200 characters");
        assertThat(jdbc.queryForObject("select count(*) from tutoring_sessions where engagement_id = ?", Integer.class,
                engagement)).isZero();
    }

    @Test
    void an_inactive_engagement_is_not_offered_and_cannot_be_logged_on() {
        jdbc.update("update engagements set active = false where id = ?", engagement);
        signIn.as(admin);
        assertThat(logging.engagementsForLogging(tutor)).isEmpty();
        assertThatThrownBy(() -> logging.logSession(request(engagement, "2026-11-24", "16:30", 60)))
                .hasMessageContaining("inactive");
    }

    @Test
    void a_weekly_repeat_keeps_the_wall_clock_time_across_the_dst_change_and_skips_chosen_dates() {
        signIn.as(admin);
        clock.set(Instant.parse("2026-10-01T12:00:00Z"));
        LogSessionRequest first = request(engagement, "2026-10-27", "16:30", 60);
        List<WeeklyOccurrence> plan = logging.previewWeekly(first, 4, null);
        assertThat(plan).extracting(WeeklyOccurrence::date).containsExactly(LocalDate.parse("2026-10-27"),
                LocalDate.parse("2026-11-03"), LocalDate.parse("2026-11-10"), LocalDate.parse("2026-11-17"));
        assertThat(plan).allMatch(o -> o.preview().start().toLocalTime().equals(LocalTime.parse("16:30")));

        List<Long> ids = logging.logWeekly(first, List.of(LocalDate.parse("2026-10-27"), LocalDate.parse("2026-11-03"),
                LocalDate.parse("2026-11-17")));
        assertThat(ids).hasSize(3);
        List<Instant> starts = ids.stream().map(id -> ((LocalDateTime) row(id).get("starts_at"))
                .toInstant(java.time.ZoneOffset.UTC)).toList();
        assertThat(starts).containsExactly(Instant.parse("2026-10-27T20:30:00Z"), Instant.parse("2026-11-03T21:30:00Z"),
                Instant.parse("2026-11-17T21:30:00Z"));
        assertThat(ids).allMatch(id -> row(id).get("status").equals("SCHEDULED"));
        assertThat(logging.logWeekly(first, List.of(LocalDate.parse("2026-10-27"), LocalDate.parse("2026-11-03"),
                LocalDate.parse("2026-11-17")))).isEqualTo(ids);
    }

    @Test
    void the_dialog_choices_are_scoped_by_role() {
        signIn.as(tutorLogin);
        assertThat(logging.tutorsForLogging()).extracting(FilterChoice::id).containsExactly(tutor);
        assertThat(logging.engagementsForLogging(tutor)).extracting(EngagementOption::id).containsExactly(engagement);
        signIn.as(admin);
        assertThat(logging.tutorsForLogging()).extracting(FilterChoice::id).contains(tutor, otherTutor);
        // The dialog's box asks a page at a time for what was typed; a tutor only ever gets themselves.
        String otherName = jdbc.queryForObject("select name from tutors where id = ?", String.class, otherTutor);
        String typed = otherName.substring(otherName.length() - 8).toUpperCase(java.util.Locale.ROOT);
        assertThat(logging.tutorsForLogging(typed, 0, 50)).extracting(FilterChoice::id).containsExactly(otherTutor);
        assertThat(logging.tutorForLogging(otherTutor)).map(FilterChoice::id).contains(otherTutor);
        signIn.as(tutorLogin);
        assertThat(logging.tutorsForLogging(typed, 0, 50)).isEmpty();
        assertThat(logging.tutorsForLogging("", 0, 50)).extracting(FilterChoice::id).containsExactly(tutor);
        assertThat(logging.tutorForLogging(otherTutor)).isEmpty();
        assertThat(logging.tutorForLogging(tutor)).map(FilterChoice::id).contains(tutor);
        signIn.as(admin);
        logging.logSession(new LogSessionRequest(engagement, LocalDate.parse("2026-11-20"), LocalTime.parse("16:00"), 60,
                "Room 7", false, UUID.randomUUID().toString()));
        assertThat(logging.recentLocations(engagement)).containsExactly("Room 7");
    }
}
