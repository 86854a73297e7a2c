package com.tutordesk.payroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tutordesk.directory.DirectoryService;
import com.tutordesk.engagement.EngagementChange;
import com.tutordesk.engagement.EngagementService;
import com.tutordesk.session.EditSessionForm;
import com.tutordesk.session.EditSessionRequest;
import com.tutordesk.session.SessionEditingService;
import com.tutordesk.session.SessionWorld;
import com.tutordesk.shared.InvalidFieldException;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestClock;
import com.tutordesk.testing.TestData;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * Payroll as the services enforce it, on the demo business's schedule (twice a month, New York):
 * period boundaries in the business zone, what counts, carry-forward, the lock after approval,
 * adjustments, reopening, the exports and who may see what. Every test has tutors of its own, and
 * approves only their pay (or a period far from everyone else's sessions), so other tests' sessions
 * stay editable.
 */
@IntegrationTest
class PayrollIT {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /*
     * Each test approves in periods of its own, before the demo business's history (the demo closed
     * every period up to Oct 31, 2026), so that no other test's approval has closed them.
     */
    static final LocalDate NOV_1 = LocalDate.of(2025, 11, 1);
    static final LocalDate NOV_16 = LocalDate.of(2025, 11, 16);
    static final LocalDate JAN_1_2024 = LocalDate.of(2024, 1, 1);
    static final String JAN_1_2024_LABEL = "Jan 1, 2024 – Jan 15, 2024";
    static final LocalDate APR_1_2024 = LocalDate.of(2024, 4, 1);
    static final LocalDate APR_16_2024 = LocalDate.of(2024, 4, 16);
    static final LocalDate JUN_1_2024 = LocalDate.of(2024, 6, 1);
    static final LocalDate JUL_1_2024 = LocalDate.of(2024, 7, 1);
    static final LocalDate AUG_1_2024 = LocalDate.of(2024, 8, 1);
    /** The current period at the test clock's start (Wednesday Nov 25, 2026). */
    static final LocalDate CURRENT = LocalDate.of(2026, 11, 16);

    @Autowired
    PayrollQueries queries;

    @Autowired
    PayrollApproval approval;

    @Autowired
    PayAdjustments adjustments;

    @Autowired
    PayrollExports exports;

    @Autowired
    SessionEditingService editing;

    @Autowired
    DirectoryService directory;

    @Autowired
    EngagementService engagements;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SignIn signIn;

    @Autowired
    TestClock clock;

    SessionWorld world;

    @BeforeEach
    void setUp() {
        clock.reset();
        world = new SessionWorld(data, jdbc, false);
        signIn.as(world.adminEmail);
    }

    @AfterEach
    void tearDown() {
        signIn.out();
        clock.reset();
    }

    static Instant ny(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(NEW_YORK).toInstant();
    }

    private List<Long> sessionIds(long tutorId, LocalDate periodStart) {
        return queries.statement(tutorId, periodStart).lines().stream().map(StatementLine::sessionId).toList();
    }

    private TutorPayRow row(LocalDate date, long tutorId) {
        return queries.period(date).rows().stream().filter(r -> r.tutorId() == tutorId).findFirst().orElseThrow();
    }

    private void edit(long sessionId, LocalDate date, String time, int minutes, String location) {
        EditSessionForm form = editing.editForm(sessionId);
        editing.edit(new EditSessionRequest(sessionId, form.version(), form.engagement().id(), date,
                java.time.LocalTime.parse(time), minutes, location, false));
    }

    // ---- which period a session belongs to ----

    @Test
    void a_session_at_11_30_pm_on_the_last_day_belongs_to_that_period_also_across_dst() {
        long halloween = world.session(ny("2025-10-31T23:30"), 60, "COMPLETED"); // EDT: Nov 1, 03:30 UTC
        long firstMinute = world.session(ny("2025-11-01T00:00"), 60, "COMPLETED");
        long lastDayLate = world.session(ny("2025-11-15T23:30"), 60, "COMPLETED"); // EST, after the Nov 2 fall-back
        long nextPeriod = world.session(ny("2025-11-16T00:00"), 60, "COMPLETED");
        long afterSpringForward = world.session(ny("2025-03-15T23:30"), 45, "COMPLETED"); // after Mar 9
        long marchSixteenth = world.session(ny("2025-03-16T00:30"), 45, "COMPLETED");

        assertThat(sessionIds(world.tutorId, LocalDate.of(2025, 10, 16))).containsExactly(halloween);
        assertThat(sessionIds(world.tutorId, NOV_1)).containsExactly(firstMinute, lastDayLate);
        assertThat(sessionIds(world.tutorId, NOV_16)).containsExactly(nextPeriod);
        assertThat(sessionIds(world.tutorId, LocalDate.of(2025, 3, 1))).containsExactly(afterSpringForward);
        assertThat(sessionIds(world.tutorId, LocalDate.of(2025, 3, 16))).containsExactly(marchSixteenth);
        assertThat(row(LocalDate.of(2025, 11, 9), world.tutorId).totals())
                .isEqualTo(new PayTotals(2, 120, 8000, 0));
        // Approved, the boundaries hold: the late session of the last day is paid in it.
        approval.approve(NOV_1, world.tutorId);
        assertThat(sessionIds(world.tutorId, NOV_1)).containsExactly(firstMinute, lastDayLate);
        assertThat(sessionIds(world.tutorId, NOV_16)).containsExactly(nextPeriod);
    }

    @Test
    void only_completed_and_late_cancelled_sessions_count_and_a_scheduled_one_once_its_end_has_passed() {
        long completed = world.session(ny("2026-11-17T16:00"), 60, "COMPLETED");
        long late = world.session(ny("2026-11-18T16:00"), 60, "LATE_CANCELLED");
        data.updateSession(late, "tutor_earnings_minor = 2000");
        world.session(ny("2026-11-19T16:00"), 60, "CANCELLED");
        long endedButScheduled = world.session(ny("2026-11-25T08:00"), 90, "SCHEDULED"); // ended 9:30 AM, now 10 AM
        long upcoming = world.session(ny("2026-11-26T16:00"), 60, "SCHEDULED");

        PayStatement statement = queries.statement(world.tutorId, CURRENT);
        assertThat(statement.lines()).extracting(StatementLine::sessionId).containsExactly(completed, late,
                endedButScheduled);
        assertThat(statement.lines()).extracting(StatementLine::statusLabel)
                .containsExactly("Completed", "Late cancellation", "Completed");
        assertThat(statement.totals()).isEqualTo(new PayTotals(3, 210, 4000 + 2000 + 6000, 0));

        clock.set(ny("2026-11-26T17:00"));
        assertThat(sessionIds(world.tutorId, CURRENT)).contains(upcoming);
    }

    // ---- approval and the lock ----

    @Test
    void approval_locks_the_earnings_and_changes_to_them_or_to_the_period_are_refused_naming_the_period() {
        long session = world.session(ny("2024-01-03T16:00"), 60, "COMPLETED");
        assertThat(approval.approve(JAN_1_2024, world.tutorId)).isEqualTo(1);

        assertThatThrownBy(() -> edit(session, LocalDate.of(2024, 1, 3), "16:00", 90, null))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("tutor pay is approved in the pay period " + JAN_1_2024_LABEL)
                .hasMessageContaining("reopen");
        assertThatThrownBy(() -> edit(session, LocalDate.of(2024, 1, 20), "16:00", 60, null))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining(JAN_1_2024_LABEL);
        assertThatThrownBy(() -> editing.lateCancel(session, editing.editForm(session).version()))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining(JAN_1_2024_LABEL);
        assertThatThrownBy(() -> editing.delete(session, editing.editForm(session).version()))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining(JAN_1_2024_LABEL);
        assertThat(world.amount(session, "duration_minutes")).isEqualTo(60);
        assertThat(world.column(session, "status")).isEqualTo("COMPLETED");

        // What keeps the tutor, the earnings and the period is still allowed.
        edit(session, LocalDate.of(2024, 1, 5), "17:00", 60, "Library, room 2");
        assertThat(world.column(session, "location")).isEqualTo("Library, room 2");
        assertThat(world.amount(session, "tutor_earnings_minor")).isEqualTo(4000);

        approval.reopen(JAN_1_2024, world.tutorId, "Session ran 30 minutes longer");
        edit(session, LocalDate.of(2024, 1, 5), "17:00", 90, null);
        assertThat(world.amount(session, "tutor_earnings_minor")).isEqualTo(6000);
    }

    @Test
    void a_rate_change_never_changes_approved_earnings_but_reprices_the_client_side_and_open_sessions() {
        long approved = world.session(ny("2024-02-03T16:00"), 60, "COMPLETED");
        long open = world.session(ny("2026-11-20T16:00"), 60, "COMPLETED");
        approval.approve(LocalDate.of(2024, 2, 1), world.tutorId);

        int repriced = directory.changeEngagement(world.engagementId,
                engagements.get(world.engagementId).row().version(), new EngagementChange(7000L, 5000L, 60), true);

        assertThat(repriced).isEqualTo(2);
        assertThat(world.amount(approved, "tutor_earnings_minor")).isEqualTo(4000);
        assertThat(world.amount(approved, "tutor_wage_minor")).isEqualTo(4000);
        assertThat(world.amount(approved, "client_amount_minor")).isEqualTo(7000);
        assertThat(world.amount(open, "tutor_earnings_minor")).isEqualTo(5000);
        assertThat(world.amount(open, "client_amount_minor")).isEqualTo(7000);
        assertThat(queries.statement(world.tutorId, LocalDate.of(2024, 2, 1)).totals().earningsMinor()).isEqualTo(4000);
    }

    @Test
    void a_session_logged_later_for_an_approved_period_is_paid_in_the_next_open_period_as_carried_forward() {
        long onTime = world.session(ny("2024-04-03T16:00"), 60, "COMPLETED");
        approval.approve(APR_1_2024, world.tutorId);
        long late = world.session(ny("2024-04-10T16:00"), 45, "COMPLETED");

        PayStatement approved = queries.statement(world.tutorId, APR_1_2024);
        assertThat(approved.state()).isEqualTo(PayState.APPROVED);
        assertThat(approved.lines()).extracting(StatementLine::sessionId).containsExactly(onTime);
        assertThat(approved.totals()).isEqualTo(new PayTotals(1, 60, 4000, 0));

        PayStatement next = queries.statement(world.tutorId, APR_16_2024);
        assertThat(next.lines()).extracting(StatementLine::sessionId).containsExactly(late);
        assertThat(next.lines().getFirst().carriedFrom()).isEqualTo(new PayPeriod(APR_1_2024, LocalDate.of(2024, 4, 15)));
        assertThat(row(APR_16_2024, world.tutorId).carriedSessions()).isEqualTo(1);
        // Not locked yet: it can still be corrected.
        edit(late, LocalDate.of(2024, 4, 10), "16:00", 60, null);

        approval.approve(APR_16_2024, world.tutorId);
        assertThat(jdbc.queryForObject("select carried_from_start from tutor_pay_lines where session_id = ?",
                LocalDate.class, late)).isEqualTo(APR_1_2024);
        PayStatement paidLater = queries.statement(world.tutorId, APR_16_2024);
        assertThat(paidLater.carriedSessions()).isEqualTo(1);
        assertThat(paidLater.totals().earningsMinor()).isEqualTo(4000);
        assertThatThrownBy(() -> edit(late, LocalDate.of(2024, 4, 10), "16:00", 90, null))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("Apr 16, 2024 – Apr 30, 2024");
    }

    @Test
    void a_tutor_with_nothing_in_a_closed_period_gets_a_later_session_for_it_in_their_next_open_period() {
        clock.set(ny("2030-12-02T10:00"));
        world.session(ny("2030-11-03T16:00"), 60, "COMPLETED");
        world.otherTutorsSession(ny("2030-11-04T16:00"), 60);
        approval.approve(LocalDate.of(2030, 11, 1), null);

        long lateForOther = world.otherTutorsSession(ny("2030-11-05T16:00"), 30);
        long lateForOtherTutorWithoutPay = data.session(data.engagement(data.tutor(TestData.unique("Tutor Cy")),
                world.studentId, world.subjectId, 6000, 3000), ny("2030-11-06T16:00"), 60, "COMPLETED");
        long tutorCy = ((Number) jdbc.queryForObject("select tutor_id from tutoring_sessions where id = ?", Long.class,
                lateForOtherTutorWithoutPay)).longValue();

        assertThat(sessionIds(tutorCy, LocalDate.of(2030, 11, 1))).isEmpty();
        assertThat(sessionIds(tutorCy, LocalDate.of(2030, 11, 16))).containsExactly(lateForOtherTutorWithoutPay);
        assertThat(sessionIds(world.otherTutorId, LocalDate.of(2030, 11, 16))).containsExactly(lateForOther);
    }

    @Test
    void a_period_is_approved_only_once_it_is_over() {
        world.session(ny("2026-11-17T16:00"), 60, "COMPLETED");
        assertThatThrownBy(() -> approval.approve(CURRENT, world.tutorId)).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("ends on Nov 30, 2026");
        assertThatThrownBy(() -> approval.approve(LocalDate.of(2024, 5, 3), world.tutorId))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> approval.approve(LocalDate.of(2024, 5, 1), world.tutorId)).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("Nothing to approve");
    }

    // ---- adjustments ----

    @Test
    void adjustments_are_added_and_removed_while_open_and_count_in_the_total_to_the_cent() {
        world.session(ny("2024-06-03T16:00"), 60, "COMPLETED");
        long bonus = adjustments.add(world.tutorId, JUN_1_2024, AdjustmentKind.BONUS, 2500, "Covered Friday");
        adjustments.add(world.tutorId, JUN_1_2024, AdjustmentKind.DEDUCTION, 1001, "Advance repaid");
        adjustments.add(world.tutorId, JUN_1_2024, AdjustmentKind.REIMBURSEMENT, 1234, "Bus fare");
        assertThat(queries.statement(world.tutorId, JUN_1_2024).totals()).isEqualTo(new PayTotals(1, 60, 4000, 2733));
        assertThat(row(JUN_1_2024, world.tutorId).totals().totalMinor()).isEqualTo(6733);

        adjustments.remove(bonus);
        PayStatement statement = queries.statement(world.tutorId, JUN_1_2024);
        assertThat(statement.adjustments()).extracting(StatementAdjustment::kind, StatementAdjustment::signedAmountMinor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AdjustmentKind.DEDUCTION, -1001L),
                        org.assertj.core.groups.Tuple.tuple(AdjustmentKind.REIMBURSEMENT, 1234L));
        assertThat(statement.totals().totalMinor()).isEqualTo(4233);
        assertThatThrownBy(() -> adjustments.add(world.tutorId, JUN_1_2024, AdjustmentKind.BONUS, 100, " "))
                .isInstanceOf(InvalidFieldException.class).extracting(e -> ((InvalidFieldException) e).field())
                .isEqualTo("memo");

        approval.approve(JUN_1_2024, world.tutorId);
        assertThat(queries.statement(world.tutorId, JUN_1_2024).totals().totalMinor()).isEqualTo(4233);
        long deduction = statement.adjustments().getFirst().id();
        assertThatThrownBy(() -> adjustments.add(world.tutorId, JUN_1_2024, AdjustmentKind.BONUS, 100, "Late bonus"))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("reopen");
        assertThatThrownBy(() -> adjustments.remove(deduction)).isInstanceOf(RuleViolationException.class);
        // An adjustment alone (no sessions) is pay too.
        adjustments.add(world.otherTutorId, JUN_1_2024, AdjustmentKind.REIMBURSEMENT, 800, "Printer ink");
        assertThat(row(JUN_1_2024, world.otherTutorId).totals()).isEqualTo(new PayTotals(0, 0, 0, 800));
    }

    // ---- reopen, mark paid ----

    @Test
    void reopening_an_approved_unpaid_period_needs_a_reason_which_is_recorded_and_a_paid_one_stays_paid() {
        world.session(ny("2024-07-03T16:00"), 60, "COMPLETED");
        approval.approve(JUL_1_2024, world.tutorId);
        assertThatThrownBy(() -> approval.reopen(JUL_1_2024, world.tutorId, "  "))
                .isInstanceOf(InvalidFieldException.class);
        assertThat(approval.reopen(JUL_1_2024, world.tutorId, "Wrong student on the 3rd")).isEqualTo(1);
        PayStatement reopened = queries.statement(world.tutorId, JUL_1_2024);
        assertThat(reopened.state()).isEqualTo(PayState.OPEN);
        assertThat(reopened.history()).extracting(PayStatement.Event::action, PayStatement.Event::details)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Approved", "1 session"),
                        org.assertj.core.groups.Tuple.tuple("Reopened", "Wrong student on the 3rd"));
        assertThat(reopened.history().get(1).userName()).isEqualTo("Test Admin");
        assertThat(jdbc.queryForObject("select count(*) from tutor_pay_lines l join tutor_pay p on p.id = l.tutor_pay_id"
                + " where p.tutor_id = ?", Integer.class, world.tutorId)).isZero();
        assertThat(reopened.lines()).hasSize(1);
        assertThat(world.column(reopened.lines().getFirst().sessionId(), "pay_approved")).isEqualTo(false);

        approval.approve(JUL_1_2024, world.tutorId);
        approval.markPaid(JUL_1_2024, world.tutorId, new Payout(LocalDate.of(2024, 7, 20), PayoutMethod.CHEQUE, "Chq 311"));
        PayStatement paid = queries.statement(world.tutorId, JUL_1_2024);
        assertThat(paid.state()).isEqualTo(PayState.PAID);
        assertThat(paid.paidReference()).isEqualTo("Chq 311");
        assertThatThrownBy(() -> approval.reopen(JUL_1_2024, world.tutorId, "Too late"))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("paid period cannot be reopened");
        assertThatThrownBy(() -> approval.markPaid(LocalDate.of(2024, 7, 16), world.tutorId, new Payout(LocalDate.of(2024, 7, 20),
                PayoutMethod.CASH, null))).isInstanceOf(RuleViolationException.class).hasMessageContaining("Approve");
    }

    // ---- all tutors, exports ----

    @Test
    void approving_a_period_for_all_tutors_and_the_export_has_exactly_one_row_per_tutor_summing_to_the_cent()
            throws Exception {
        clock.set(ny("2031-01-05T10:00"));
        LocalDate dec16 = LocalDate.of(2030, 12, 16);
        long secondEngagement = data.engagement(world.tutorId, data.student(world.clientId, "Σοφία " + TestData.unique("")),
                data.subject(), 7500, 3333);
        world.session(ny("2030-12-17T16:00"), 60, "COMPLETED");
        data.session(secondEngagement, ny("2030-12-18T16:00"), 50, "COMPLETED"); // 33.33 × 50/60 = 27.775 → 27.78
        data.session(secondEngagement, ny("2030-12-19T16:00"), 45, "LATE_CANCELLED");
        world.otherTutorsSession(ny("2030-12-20T16:00"), 90);
        adjustments.add(world.otherTutorId, dec16, AdjustmentKind.DEDUCTION, 1999, "=HYPERLINK(\"x\")");

        assertThat(approval.approve(dec16, null)).isEqualTo(2);
        PeriodPayroll payroll = queries.period(dec16);
        assertThat(payroll.rows()).extracting(TutorPayRow::tutorId).containsExactlyInAnyOrder(world.tutorId,
                world.otherTutorId);
        assertThat(payroll.rows()).allMatch(r -> r.state() == PayState.APPROVED);
        assertThat(payroll.totals().totalMinor()).isEqualTo(
                payroll.rows().stream().mapToLong(r -> r.totals().totalMinor()).sum());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exports.periodCsv(dec16, out);
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(out.toString(StandardCharsets.UTF_8))).getRecords();
        assertThat(rows).extracting(r -> r.get("Tutor id")).containsExactlyInAnyOrder(String.valueOf(world.tutorId),
                String.valueOf(world.otherTutorId));
        CSVRecord tutor = rows.stream().filter(r -> r.get("Tutor id").equals(String.valueOf(world.tutorId))).findFirst()
                .orElseThrow();
        long lateEarnings = world.amount(jdbc.queryForObject("select max(id) from tutoring_sessions where engagement_id = ?",
                Long.class, secondEngagement), "tutor_earnings_minor");
        assertThat(tutor.get("Sessions")).isEqualTo("3");
        assertThat(new BigDecimal(tutor.get("Earnings (USD)"))).isEqualTo(
                BigDecimal.valueOf(4000 + 2778 + lateEarnings, 2));
        assertThat(rows.stream().map(r -> new BigDecimal(r.get("Total (USD)"))).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualTo(BigDecimal.valueOf(payroll.totals().totalMinor(), 2));

        ByteArrayOutputStream statementCsv = new ByteArrayOutputStream();
        exports.statementCsv(world.otherTutorId, dec16, statementCsv);
        List<CSVRecord> lines = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(statementCsv.toString(StandardCharsets.UTF_8))).getRecords();
        assertThat(lines).extracting(r -> r.get("Line")).containsExactly("Session", "Deduction", "Total");
        assertThat(lines.get(1).get("Memo")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(new BigDecimal(lines.get(0).get("Amount (USD)")).add(new BigDecimal(lines.get(1).get("Amount (USD)"))))
                .isEqualTo(new BigDecimal(lines.get(2).get("Amount (USD)"))).isEqualTo(new BigDecimal("55.01"));

        try (var pdf = org.apache.pdfbox.Loader.loadPDF(exports.statementPdf(world.tutorId, dec16))) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("PAY STATEMENT — APPROVED", world.tutorName, world.studentName, "Σοφία",
                    "(late cancellation)", "50 min", "$27.78", "2:35 h", "Maple Grove Tutoring");
        }
    }

    // ---- who may see what ----

    @Test
    void a_tutor_sees_only_their_own_statement_and_another_tutors_id_is_not_found_like_a_missing_one() {
        for (boolean enhanced : new boolean[] {false, true}) {
            SessionWorld tutors = new SessionWorld(data, jdbc, enhanced);
            tutors.session(ny("2024-08-03T16:00"), 60, "COMPLETED");
            tutors.otherTutorsSession(ny("2024-08-04T16:00"), 60);
            signIn.as(tutors.tutorEmail);

            assertThat(queries.statement(tutors.tutorId, AUG_1_2024).lines()).hasSize(1);
            assertThat(queries.myPay().periods()).extracting(TutorPayRow::tutorId).containsOnly(tutors.tutorId);
            assertThatThrownBy(() -> queries.statement(tutors.otherTutorId, AUG_1_2024)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> queries.statement(Long.MAX_VALUE, AUG_1_2024)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> queries.statement(tutors.tutorId, LocalDate.of(2024, 8, 3)))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> exports.statementPdf(tutors.otherTutorId, AUG_1_2024))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> queries.currentPeriodEarnings(tutors.otherTutorId))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> queries.period(AUG_1_2024)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> approval.approve(AUG_1_2024, tutors.tutorId)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> adjustments.add(tutors.tutorId, AUG_1_2024, AdjustmentKind.BONUS, 100, "Self-bonus"))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> exports.periodCsv(AUG_1_2024, new ByteArrayOutputStream()))
                    .isInstanceOf(AccessDeniedException.class);
        }
        signIn.as(world.adminEmail);
        assertThatThrownBy(() -> queries.myPay()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_tutors_earnings_in_the_current_pay_period_include_sessions_carried_into_it() {
        LocalDate nov1 = LocalDate.of(2026, 11, 1);
        world.session(ny("2026-11-03T16:00"), 60, "COMPLETED");
        approval.approve(nov1, world.tutorId);
        long carried = world.session(ny("2026-11-04T16:00"), 30, "COMPLETED");
        world.session(ny("2026-11-20T16:00"), 60, "COMPLETED");
        adjustments.add(world.tutorId, CURRENT, AdjustmentKind.BONUS, 500, "Welcome bonus");

        PayrollQueries.PeriodEarnings earnings = queries.currentPeriodEarnings(world.tutorId);
        assertThat(earnings.period()).isEqualTo(new PayPeriod(CURRENT, LocalDate.of(2026, 11, 30)));
        assertThat(earnings.state()).isEqualTo(PayState.OPEN);
        assertThat(earnings.totals()).isEqualTo(new PayTotals(2, 90, 2000 + 4000, 500));
        assertThat(queries.statement(world.tutorId, CURRENT).lines()).filteredOn(l -> l.sessionId() == carried)
                .extracting(StatementLine::carriedFrom)
                .containsExactly(new PayPeriod(nov1, LocalDate.of(2026, 11, 15)));

        signIn.as(world.tutorEmail);
        MyPay mine = queries.myPay();
        assertThat(mine.currentTotals()).isEqualTo(earnings.totals());
        assertThat(mine.approvedUnpaidMinor()).isEqualTo(4000);
        assertThat(mine.openMinor()).isEqualTo(6500);
        assertThat(mine.unpaidMinor()).isEqualTo(10500);
        assertThat(mine.periods()).extracting(row -> row.period().start()).containsExactly(CURRENT, nov1);
    }
}
