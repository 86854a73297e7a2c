package com.tutordesk.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.LateCancellationPolicy;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.Money;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestClock;
import com.tutordesk.testing.TestData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Edit Session, Late Cancellation with its undo, and Delete, as the services enforce them. */
@IntegrationTest
class SessionEditingServiceIT {

    /** Tuesday 2026-11-24, 4:30 PM in New York. */
    static final Instant YESTERDAY_4_30_PM = Instant.parse("2026-11-24T21:30:00Z");

    @Autowired
    SessionEditingService editing;

    @Autowired
    SessionViewService views;

    @Autowired
    SessionReportService reports;

    @Autowired
    SettingsService settings;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SignIn signIn;

    @Autowired
    TestClock clock;

    SessionWorld world;
    BusinessProfile original;

    @BeforeEach
    void setUp() {
        world = new SessionWorld(data, jdbc, false);
        original = settings.profile();
    }

    @AfterEach
    void tearDown() {
        signIn.as(DemoAccounts.read(jdbc).adminEmail());
        settings.update(original);
        signIn.out();
        clock.reset();
    }

    private void policy(int clientPercent, int tutorPercent) {
        signIn.as(world.adminEmail);
        settings.update(new BusinessProfile(original.name(), original.zone(), original.currency(), original.locale(),
                new LateCancellationPolicy(24, clientPercent, tutorPercent), original.tutorsEnhancedAccess(),
                original.emailSenderName(), original.address()));
    }

    private long seen(long id) {
        return views.page(id).version();
    }

    // ---- Late Cancellation ----

    @Test
    void late_cancellation_amounts_follow_the_policy_each_rounded_once_for_several_policies() {
        // $49.99 and $33.33 an hour for 55 minutes: every percentage lands between two cents.
        long engagement = data.engagement(world.tutorId, world.studentId, data.subject(), 4999, 3333);
        int[][] policies = {{100, 50}, {50, 25}, {0, 0}, {100, 100}, {33, 67}, {75, 10}};
        for (int[] p : policies) {
            policy(p[0], p[1]);
            long id = data.session(engagement, YESTERDAY_4_30_PM, 55, "COMPLETED");
            long clientBefore = world.amount(id, "client_amount_minor");
            long tutorBefore = world.amount(id, "tutor_earnings_minor");
            signIn.as(world.tutorEmail);

            LateCancellationPreview preview = editing.lateCancellationPreview(id);
            editing.lateCancel(id, seen(id));

            long client = Money.forMinutes(4999, 55, p[0]);
            long tutor = Money.forMinutes(3333, 55, p[1]);
            String label = p[0] + "/" + p[1];
            assertThat(world.column(id, "status")).as(label).isEqualTo("LATE_CANCELLED");
            assertThat(world.amount(id, "client_amount_minor")).as(label).isEqualTo(client);
            assertThat(world.amount(id, "tutor_earnings_minor")).as(label).isEqualTo(tutor);
            assertThat(preview.clientAmountMinor()).as("hidden from a plain tutor").isNull();
            assertThat(preview.lateClientAmountMinor()).isNull();
            assertThat(preview.tutorEarningsMinor()).isEqualTo(tutorBefore);
            assertThat(preview.lateTutorEarningsMinor()).as(label).isEqualTo(tutor);
            assertThat(preview.clientChargePercent()).isEqualTo(p[0]);
            assertThat(clientBefore).isEqualTo(Money.forMinutes(4999, 55));
        }
        // The exact decimals for one of them: 49.99 × 55/60 × 33 % = 15.12 (1512.135… cents, once rounded).
        assertThat(Money.forMinutes(4999, 55, 33)).isEqualTo(1512);
    }

    @Test
    void an_admin_sees_client_amounts_in_the_preview_and_undo_restores_status_and_amounts_exactly() {
        policy(100, 50);
        long id = world.session(YESTERDAY_4_30_PM, 50, "COMPLETED");
        // Amounts that are not what the rates give today (e.g. agreed by hand): undo must bring these back.
        data.updateSession(id, "client_amount_minor = ?, tutor_earnings_minor = ?", 4321, 2987);

        LateCancellationPreview preview = editing.lateCancellationPreview(id);
        assertThat(preview.clientAmountMinor()).isEqualTo(4321);
        assertThat(preview.lateClientAmountMinor()).isEqualTo(Money.forMinutes(6000, 50));
        assertThat(preview.lateTutorEarningsMinor()).isEqualTo(Money.forMinutes(4000, 50, 50));

        editing.lateCancel(id, seen(id));
        assertThatThrownBy(() -> editing.lateCancel(id, seen(id))).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("already a late cancellation");
        SessionPage late = views.page(id);
        assertThat(late.details().status()).isEqualTo(SessionStatus.LATE_CANCELLED);
        assertThat(late.actions().mayUndoLateCancel()).isTrue();
        assertThat(late.actions().mayLateCancel()).isFalse();

        editing.undoLateCancellation(id, seen(id));

        assertThat(world.column(id, "status")).isEqualTo("COMPLETED");
        assertThat(world.amount(id, "client_amount_minor")).isEqualTo(4321);
        assertThat(world.amount(id, "tutor_earnings_minor")).isEqualTo(2987);
        assertThat(world.column(id, "pre_late_cancel_status")).isNull();
        assertThat(views.page(id).history()).extracting(SessionHistoryLine::action)
                .startsWith("Late cancellation undone", "Late cancellation");
        assertThatThrownBy(() -> editing.undoLateCancellation(id, seen(id))).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("not late-cancelled");
    }

    @Test
    void undo_returns_a_scheduled_or_cancelled_session_to_its_previous_status() {
        policy(100, 50);
        long upcoming = world.session(TestClock.START.plus(Duration.ofHours(3)), 60, "SCHEDULED");
        long cancelled = world.session(YESTERDAY_4_30_PM, 60, "CANCELLED");
        signIn.as(world.adminEmail);
        editing.lateCancel(upcoming, seen(upcoming));
        editing.lateCancel(cancelled, seen(cancelled));
        assertThat(world.amount(cancelled, "client_amount_minor")).isEqualTo(6000);
        assertThat(world.amount(cancelled, "tutor_earnings_minor")).isEqualTo(2000);

        editing.undoLateCancellation(upcoming, seen(upcoming));
        editing.undoLateCancellation(cancelled, seen(cancelled));

        assertThat(world.column(upcoming, "status")).isEqualTo("SCHEDULED");
        assertThat(world.amount(upcoming, "client_amount_minor")).isEqualTo(6000);
        assertThat(world.column(cancelled, "status")).isEqualTo("CANCELLED");
        assertThat(world.amount(cancelled, "client_amount_minor")).isZero();
        assertThat(world.amount(cancelled, "tutor_earnings_minor")).isZero();
    }

    @Test
    void a_session_late_cancelled_before_undo_was_recorded_gets_full_amounts_back() {
        policy(100, 50);
        long id = world.session(YESTERDAY_4_30_PM, 45, "COMPLETED");
        data.updateSession(id, "status = 'LATE_CANCELLED', tutor_earnings_minor = ?", Money.forMinutes(4000, 45, 50));
        signIn.as(world.adminEmail);

        editing.undoLateCancellation(id, seen(id));

        assertThat(world.column(id, "status")).isEqualTo("COMPLETED");
        assertThat(world.amount(id, "client_amount_minor")).isEqualTo(Money.forMinutes(6000, 45));
        assertThat(world.amount(id, "tutor_earnings_minor")).isEqualTo(Money.forMinutes(4000, 45));
    }

    // ---- Edit Session ----

    @Test
    void edit_recomputes_amounts_from_the_sessions_own_rates_and_records_what_changed() {
        long id = world.session(YESTERDAY_4_30_PM, 60, "COMPLETED");
        // The engagement's rates went up after the session was logged: the session keeps its own.
        jdbc.update("update engagements set client_rate_minor = 9000, tutor_wage_minor = 6000 where id = ?",
                world.engagementId);
        signIn.as(world.tutorEmail);
        EditSessionForm form = editing.editForm(id);
        assertThat(form.date()).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(form.startTime()).isEqualTo(LocalTime.of(16, 30));
        assertThat(form.engagement().clientRateMinor()).as("hidden from a plain tutor").isNull();

        EditSessionRequest request = new EditSessionRequest(id, form.version(), world.engagementId,
                LocalDate.of(2026, 11, 23), LocalTime.of(17, 0), 75, "  Library, room 2 ", false);
        LoggingPreview preview = editing.preview(request);
        assertThat(preview.tutorEarningsMinor()).isEqualTo(5000);
        assertThat(preview.clientAmountMinor()).isNull();
        editing.edit(request);

        assertThat(world.amount(id, "client_amount_minor")).isEqualTo(7500);
        assertThat(world.amount(id, "tutor_earnings_minor")).isEqualTo(5000);
        assertThat(world.amount(id, "client_rate_minor")).isEqualTo(6000);
        assertThat(world.column(id, "location")).isEqualTo("Library, room 2");
        assertThat(world.column(id, "duration_minutes")).isEqualTo(75);
        SessionPage page = views.page(id);
        assertThat(page.details().startsAt()).isEqualTo(Instant.parse("2026-11-23T22:00:00Z"));
        assertThat(page.details().endsAt()).isEqualTo(Instant.parse("2026-11-23T23:15:00Z"));
        SessionHistoryLine edited = page.history().getFirst();
        assertThat(edited.action()).isEqualTo("Edited");
        assertThat(edited.details()).contains("Start: ", "Duration: 1 h → 1 h 15 min", "Location: none → Library, room 2")
                .doesNotContain("$");

        // Saving the same values again changes nothing and records nothing.
        editing.edit(new EditSessionRequest(id, seen(id), world.engagementId, LocalDate.of(2026, 11, 23),
                LocalTime.of(17, 0), 75, "Library, room 2", false));
        assertThat(views.page(id).history()).hasSize(page.history().size());
    }

    @Test
    void editing_only_the_location_of_a_session_at_the_second_1_30_am_of_the_fall_back_night_keeps_its_start() {
        // 06:30Z is 1:30 AM EST, the second 1:30 AM of 2026-11-01 in New York (e.g. logged before the
        // business moved to this zone): the dialog shows 1:30 AM, and saving it unchanged must not move
        // the session an hour earlier to the first 1:30 AM.
        Instant secondOneThirty = Instant.parse("2026-11-01T06:30:00Z");
        long id = world.session(secondOneThirty, 60, "COMPLETED");
        signIn.as(world.tutorEmail);
        EditSessionForm form = editing.editForm(id);
        assertThat(form.startTime()).isEqualTo(LocalTime.of(1, 30));

        EditSessionRequest request = new EditSessionRequest(id, form.version(), world.engagementId, form.date(),
                form.startTime(), form.durationMinutes(), "Library", false);
        assertThat(editing.preview(request).start().toInstant()).isEqualTo(secondOneThirty);
        editing.edit(request);

        assertThat(views.page(id).details().startsAt()).isEqualTo(secondOneThirty);
        assertThat(world.column(id, "location")).isEqualTo("Library");
        assertThat(views.page(id).history().getFirst().details()).doesNotContain("Start:");
    }

    @Test
    void moving_a_session_to_another_engagement_takes_that_engagements_rates_and_cancelling_zeroes_the_amounts() {
        long other = data.engagement(world.tutorId, world.studentId, data.subject(), 8000, 5500);
        long id = world.session(YESTERDAY_4_30_PM, 30, "COMPLETED");
        signIn.as(world.adminEmail);

        editing.edit(new EditSessionRequest(id, seen(id), other, LocalDate.of(2026, 11, 24), LocalTime.of(16, 30), 30,
                null, false));
        assertThat(world.amount(id, "client_rate_minor")).isEqualTo(8000);
        assertThat(world.amount(id, "client_amount_minor")).isEqualTo(4000);
        assertThat(world.amount(id, "tutor_earnings_minor")).isEqualTo(2750);
        assertThat(((Number) world.column(id, "engagement_id")).longValue()).isEqualTo(other);

        // Yesterday's session is inside the late-cancellation window: a free cancellation is an explicit waiver.
        editing.edit(new EditSessionRequest(id, seen(id), other, LocalDate.of(2026, 11, 24), LocalTime.of(16, 30), 30,
                null, Cancellation.FEE_WAIVED));
        assertThat(world.column(id, "status")).isEqualTo("CANCELLED");
        assertThat(world.amount(id, "client_amount_minor")).isZero();

        // Into the future and not cancelled: scheduled, with full amounts again.
        editing.edit(new EditSessionRequest(id, seen(id), other, LocalDate.of(2026, 12, 1), LocalTime.of(16, 30), 30,
                null, false));
        assertThat(world.column(id, "status")).isEqualTo("SCHEDULED");
        assertThat(world.amount(id, "client_amount_minor")).isEqualTo(4000);
    }

    @Test
    void cancelling_in_time_inside_the_late_cancellation_window_is_refused_until_the_policy_or_a_waiver_is_chosen() {
        policy(100, 50);
        // Tomorrow 9:00 AM in New York: 23 hours after the test clock, inside the 24-hour window.
        LocalDate tomorrow = LocalDate.of(2026, 11, 26);
        long id = world.session(Instant.parse("2026-11-26T14:00:00Z"), 60, "SCHEDULED");
        signIn.as(world.adminEmail);
        LoggingPreview preview = editing.preview(new EditSessionRequest(id, seen(id), world.engagementId, tomorrow,
                LocalTime.of(9, 0), 60, null, Cancellation.IN_TIME));
        assertThat(preview.insideLateWindow()).isTrue();
        assertThat(preview.lateWindowHours()).isEqualTo(24);

        assertThatThrownBy(() -> editing.edit(new EditSessionRequest(id, seen(id), world.engagementId, tomorrow,
                LocalTime.of(9, 0), 60, null, Cancellation.IN_TIME))).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("less than 24 hours").hasMessageContaining("waive the fee");
        assertThat(world.column(id, "status")).isEqualTo("SCHEDULED");
        assertThat(world.amount(id, "client_amount_minor")).isEqualTo(6000);

        editing.edit(new EditSessionRequest(id, seen(id), world.engagementId, tomorrow, LocalTime.of(9, 0), 60, null,
                Cancellation.LATE));
        assertThat(world.column(id, "status")).isEqualTo("LATE_CANCELLED");
        assertThat(world.amount(id, "client_amount_minor")).isEqualTo(6000);
        assertThat(world.amount(id, "tutor_earnings_minor")).isEqualTo(2000);

        editing.undoLateCancellation(id, seen(id));
        editing.edit(new EditSessionRequest(id, seen(id), world.engagementId, tomorrow, LocalTime.of(9, 0), 60, null,
                Cancellation.FEE_WAIVED));
        assertThat(world.column(id, "status")).isEqualTo("CANCELLED");
        assertThat(world.amount(id, "client_amount_minor")).isZero();
        assertThat(world.amount(id, "tutor_earnings_minor")).isZero();
        assertThat(jdbc.queryForList("select details from session_history where session_id = ? order by id", String.class,
                id)).last().asString().contains("late-cancellation fee waived");
    }

    @Test
    void cancelling_in_time_outside_the_window_needs_no_choice() {
        policy(100, 50);
        long id = world.session(Instant.parse("2026-11-28T14:00:00Z"), 60, "SCHEDULED");
        signIn.as(world.adminEmail);
        assertThat(editing.preview(new EditSessionRequest(id, seen(id), world.engagementId, LocalDate.of(2026, 11, 28),
                LocalTime.of(9, 0), 60, null, Cancellation.IN_TIME)).insideLateWindow()).isFalse();
        editing.edit(new EditSessionRequest(id, seen(id), world.engagementId, LocalDate.of(2026, 11, 28),
                LocalTime.of(9, 0), 60, null, Cancellation.IN_TIME));
        assertThat(world.column(id, "status")).isEqualTo("CANCELLED");
        assertThat(world.amount(id, "client_amount_minor")).isZero();
    }

    @Test
    void editing_a_late_cancelled_session_keeps_it_late_cancelled_and_undo_gives_the_new_full_amounts() {
        policy(100, 50);
        long id = world.session(YESTERDAY_4_30_PM, 60, "COMPLETED");
        signIn.as(world.adminEmail);
        editing.lateCancel(id, seen(id));

        editing.edit(new EditSessionRequest(id, seen(id), world.engagementId, LocalDate.of(2026, 11, 24),
                LocalTime.of(16, 30), 90, null, true));
        assertThat(world.column(id, "status")).isEqualTo("LATE_CANCELLED");
        assertThat(world.amount(id, "client_amount_minor")).isEqualTo(9000);
        assertThat(world.amount(id, "tutor_earnings_minor")).isEqualTo(3000);

        editing.undoLateCancellation(id, seen(id));
        assertThat(world.column(id, "status")).isEqualTo("COMPLETED");
        assertThat(world.amount(id, "client_amount_minor")).isEqualTo(9000);
        assertThat(world.amount(id, "tutor_earnings_minor")).isEqualTo(6000);
    }

    @Test
    void bad_edits_are_refused_naming_the_problem_and_nothing_changes() {
        long id = world.session(YESTERDAY_4_30_PM, 60, "COMPLETED");
        long inactive = data.engagement(world.tutorId, world.studentId, data.subject(), 1000, 500);
        jdbc.update("update engagements set active = false where id = ?", inactive);
        signIn.as(world.tutorEmail);
        long version = seen(id);
        LocalDate date = LocalDate.of(2026, 11, 24);

        assertThatThrownBy(() -> editing.edit(new EditSessionRequest(id, version, world.engagementId, date,
                LocalTime.of(16, 30), 4, null, false))).hasMessage("Duration must be between 5 and 600 minutes");
        assertThatThrownBy(() -> editing.edit(new EditSessionRequest(id, version, world.engagementId, null,
                LocalTime.of(16, 30), 60, null, false))).hasMessage("Date is required");
        assertThatThrownBy(() -> editing.edit(new EditSessionRequest(id, version, world.engagementId, date,
                LocalTime.of(16, 30), 60, "x".repeat(201), false))).hasMessage("Location must be at most 200 characters");
        assertThatThrownBy(() -> editing.edit(new EditSessionRequest(id, version, world.engagementId,
                LocalDate.of(2027, 3, 14), LocalTime.of(2, 30), 60, null, false)))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("does not exist in America/New_York");
        assertThatThrownBy(() -> editing.edit(new EditSessionRequest(id, version, inactive, date,
                LocalTime.of(16, 30), 60, null, false))).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("inactive");
        assertThatThrownBy(() -> editing.edit(new EditSessionRequest(id, version, world.otherEngagementId, date,
                LocalTime.of(16, 30), 60, null, false))).as("another tutor's engagement")
                .isInstanceOf(NotFoundException.class);

        assertThat(world.column(id, "duration_minutes")).isEqualTo(60);
        assertThat(((Number) world.column(id, "engagement_id")).longValue()).isEqualTo(world.engagementId);
        assertThat(views.page(id).history()).isEmpty();
    }

    @Test
    void two_people_editing_the_same_session_the_second_save_is_refused_and_the_first_is_kept() {
        long id = world.session(YESTERDAY_4_30_PM, 60, "COMPLETED");
        signIn.as(world.adminEmail);
        EditSessionForm adminsDialog = editing.editForm(id);
        signIn.as(world.tutorEmail);
        EditSessionForm tutorsDialog = editing.editForm(id);

        editing.edit(new EditSessionRequest(id, tutorsDialog.version(), world.engagementId, tutorsDialog.date(),
                tutorsDialog.startTime(), 90, "Tutor's place", false));

        signIn.as(world.adminEmail);
        String when = settings.profile().formatDateTime(TestClock.START);
        assertThatThrownBy(() -> editing.edit(new EditSessionRequest(id, adminsDialog.version(), world.engagementId,
                adminsDialog.date(), adminsDialog.startTime(), 45, null, false)))
                .isInstanceOf(SessionChangedException.class)
                .hasMessage("This session was changed by Tutor " + world.tutorId + " at " + when
                        + " — reload to see the changes.");
        assertThatThrownBy(() -> editing.lateCancel(id, adminsDialog.version())).isInstanceOf(SessionChangedException.class);
        assertThatThrownBy(() -> editing.delete(id, adminsDialog.version())).isInstanceOf(SessionChangedException.class);
        assertThat(world.column(id, "duration_minutes")).isEqualTo(90);
        assertThat(world.column(id, "location")).isEqualTo("Tutor's place");
        assertThat(world.amount(id, "client_amount_minor")).isEqualTo(9000);
    }

    // ---- billed sessions and delete ----

    @Test
    void edits_of_money_late_cancellation_and_delete_are_refused_for_invoiced_and_paid_sessions_but_the_location_may_change() {
        long invoiced = world.session(YESTERDAY_4_30_PM, 60, "COMPLETED");
        long paid = world.session(YESTERDAY_4_30_PM.minus(Duration.ofDays(7)), 60, "COMPLETED");
        data.updateSession(invoiced, "billing_state = 'INVOICED'");
        data.updateSession(paid, "billing_state = 'PAID'");
        signIn.as(world.adminEmail);

        for (long id : List.of(invoiced, paid)) {
            long version = seen(id);
            String lock = id == invoiced ? "it is invoiced — cancel its invoice first"
                    : "it is paid — undo its payment (a card payment: refund it), then cancel its invoice first";
            EditSessionForm form = editing.editForm(id);
            assertThat(form.billingLock()).isEqualTo(lock);
            String refusal = "Cannot change the engagement, date, time, duration or status of this session: " + lock
                    + ". Its location, rating, report and note can still change.";
            assertThatThrownBy(() -> editing.edit(new EditSessionRequest(id, version, world.engagementId,
                    LocalDate.of(2026, 11, 20), LocalTime.of(9, 0), 30, null, false)))
                    .isInstanceOf(RuleViolationException.class).hasMessage(refusal);
            assertThatThrownBy(() -> editing.edit(new EditSessionRequest(id, version, world.engagementId,
                    form.date(), form.startTime(), form.durationMinutes(), "Room 4", true)))
                    .isInstanceOf(RuleViolationException.class).hasMessage(refusal);
            assertThatThrownBy(() -> editing.lateCancel(id, version)).isInstanceOf(RuleViolationException.class)
                    .hasMessage("Cannot late-cancel this session: " + lock);
            assertThatThrownBy(() -> editing.delete(id, version)).isInstanceOf(RuleViolationException.class)
                    .hasMessage("Cannot delete this session: " + lock);
            assertThat(world.column(id, "duration_minutes")).isEqualTo(60);
            assertThat(world.column(id, "status")).isEqualTo("COMPLETED");
            SessionPage page = views.page(id);
            assertThat(page.actions().mayEdit()).isFalse();
            assertThat(page.actions().mayDelete()).isFalse();
            assertThat(page.actions().billingLock()).isEqualTo(lock);
            assertThat(page.actions().mayEditLocation()).isTrue();
            // Issue 12: location, rating, report and note do not touch amounts: still allowed.
            editing.edit(new EditSessionRequest(id, version, world.engagementId, form.date(), form.startTime(),
                    form.durationMinutes(), "Library, room 2", false));
            assertThat(world.column(id, "location")).isEqualTo("Library, room 2");
            assertThat(world.column(id, "billing_state")).isEqualTo(id == invoiced ? "INVOICED" : "PAID");
            assertThat(views.page(id).history().getFirst().details()).isEqualTo("Location: none → Library, room 2");
            reports.save(id, seen(id), new SessionNotes(5, "Still fine to write.", "A note"));
            assertThat(world.column(id, "rating")).isEqualTo(5);
        }
    }

    @Test
    void delete_removes_the_session_and_keeps_its_history() {
        long id = world.session(YESTERDAY_4_30_PM, 60, "COMPLETED");
        signIn.as(world.tutorEmail);

        editing.delete(id, seen(id));

        assertThat(jdbc.queryForObject("select count(*) from tutoring_sessions where id = ?", Long.class, id)).isZero();
        assertThat(jdbc.queryForObject("select action from session_history where session_id = ?", String.class, id))
                .isEqualTo("DELETED");
        assertThatThrownBy(() -> views.page(id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> editing.delete(id, 0)).isInstanceOf(NotFoundException.class);
    }
}
