package com.tutordesk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tutordesk.billing.PaymentsTotals;
import com.tutordesk.payroll.PayrollQueries;
import com.tutordesk.schedule.CalendarEntry;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestClock;
import com.tutordesk.testing.TestData;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.time.temporal.WeekFields;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dashboard's and the reports' figures on the demo business, against sums made independently:
 * every session read row by row and put in its business month or week here in Java (not by the
 * service's SQL buckets), and the Payments figures from the invoices table. Also who sees what: a
 * tutor only their own, a plain tutor no reports, nobody but an admin the business's figures.
 */
@IntegrationTest
class DashboardFiguresIT {

    @Autowired
    DashboardService dashboard;

    @Autowired
    ReportsService reports;

    @Autowired
    PayrollQueries payroll;

    @Autowired
    SettingsService settings;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SignIn signIn;

    @Autowired
    TestClock clock;

    @Autowired
    TestData data;

    DemoAccounts demo;
    BusinessProfile profile;

    @BeforeEach
    void setUp() {
        clock.reset();
        demo = DemoAccounts.read(jdbc);
        profile = settings.profile();
    }

    @AfterEach
    void tearDown() {
        signIn.out();
    }

    /** One session as the sessions table holds it. */
    record Row(long id, long tutorId, long clientId, long subjectId, Instant startsAt, Instant endsAt, String status,
            int minutes, long clientAmount, long tutorEarnings) {

        /** Took place by {@code now}: completed and started (the sessions list's Completed), or scheduled and ended. */
        boolean delivered(Instant now) {
            return (status.equals("COMPLETED") && !startsAt.isAfter(now))
                    || (status.equals("SCHEDULED") && !endsAt.isAfter(now));
        }

        boolean charged(Instant now) {
            return delivered(now) || status.equals("LATE_CANCELLED");
        }
    }

    private List<Row> allSessions() {
        return jdbc.query("select id, tutor_id, client_id, subject_id, starts_at, ends_at, status, duration_minutes,"
                + " client_amount_minor, tutor_earnings_minor from tutoring_sessions",
                (rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getObject(5, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        rs.getObject(6, LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getString(7), rs.getInt(8),
                        rs.getLong(9), rs.getLong(10)));
    }

    private MonthFigures monthFromRows(List<Row> rows, YearMonth month) {
        Instant now = clock.instant();
        long sessions = 0;
        long minutes = 0;
        long revenue = 0;
        long costs = 0;
        for (Row row : rows) {
            if (!YearMonth.from(row.startsAt().atZone(profile.zone())).equals(month) || !row.charged(now)) {
                continue;
            }
            if (row.delivered(now)) {
                sessions++;
                minutes += row.minutes();
            }
            revenue += row.clientAmount();
            costs += row.tutorEarnings();
        }
        return new MonthFigures(month, sessions, minutes, revenue, costs);
    }

    @Test
    void this_and_last_months_figures_equal_sums_of_the_demo_sessions_made_row_by_row() {
        signIn.as(demo.adminEmail());
        AdminDashboard figures = dashboard.admin();
        List<Row> rows = allSessions();
        YearMonth current = YearMonth.from(profile.today(clock));

        assertThat(figures.thisMonth()).isEqualTo(monthFromRows(rows, current));
        assertThat(figures.lastMonth()).isEqualTo(monthFromRows(rows, current.minusMonths(1)));
        assertThat(figures.lastMonth().sessionsDelivered()).as("the demo has a busy last month").isGreaterThan(10);
        assertThat(figures.lastMonth().revenueMinor()).isGreaterThan(figures.lastMonth().tutorCostsMinor()).isPositive();
    }

    @Test
    void every_month_of_the_revenue_chart_equals_its_sum_made_row_by_row() {
        signIn.as(demo.adminEmail());
        List<MonthFigures> months = dashboard.months(12);
        List<Row> rows = allSessions();
        YearMonth current = YearMonth.from(profile.today(clock));

        assertThat(months).hasSize(12);
        for (int i = 0; i < 12; i++) {
            assertThat(months.get(i)).isEqualTo(monthFromRows(rows, current.minusMonths(11 - i)));
        }
    }

    @Test
    void sessions_per_week_and_tutor_equal_counts_made_row_by_row() {
        signIn.as(demo.adminEmail());
        List<WeekTutorSessions> weeks = dashboard.weeksByTutor(12);
        Instant now = clock.instant();
        LocalDate currentWeek = profile.today(clock)
                .with(TemporalAdjusters.previousOrSame(WeekFields.of(profile.locale()).getFirstDayOfWeek()));
        LocalDate firstWeek = currentWeek.minusWeeks(11);
        Map<String, long[]> expected = new HashMap<>();
        for (Row row : allSessions()) {
            LocalDate day = row.startsAt().atZone(profile.zone()).toLocalDate();
            if (!row.delivered(now) || day.isBefore(firstWeek) || !day.isBefore(currentWeek.plusWeeks(1))) {
                continue;
            }
            LocalDate week = day.with(TemporalAdjusters.previousOrSame(currentWeek.getDayOfWeek()));
            long[] sums = expected.computeIfAbsent(week + "/" + row.tutorId(), k -> new long[2]);
            sums[0]++;
            sums[1] += row.minutes();
        }
        Map<String, long[]> actual = new HashMap<>();
        for (WeekTutorSessions week : weeks) {
            actual.put(week.weekStart() + "/" + week.tutorId(), new long[] {week.sessions(), week.minutes()});
        }
        assertThat(actual).hasSize(expected.size()).isNotEmpty();
        expected.forEach((key, sums) -> assertThat(actual.get(key)).as(key).containsExactly(sums));

        // The Reports page's utilisation over a range inside those weeks covers the same whole weeks.
        Map<String, long[]> utilisation = new HashMap<>();
        for (WeekTutorSessions week : reports.utilisation(firstWeek.plusDays(3), profile.today(clock))) {
            utilisation.put(week.weekStart() + "/" + week.tutorId(), new long[] {week.sessions(), week.minutes()});
        }
        assertThat(utilisation).hasSize(expected.size());
        expected.forEach((key, sums) -> assertThat(utilisation.get(key)).as(key).containsExactly(sums));
    }

    @Test
    void overdue_outstanding_and_unbilled_are_the_payments_pages_figures_and_match_the_invoices_table() {
        signIn.as(demo.adminEmail());
        PaymentsTotals money = dashboard.admin().money();
        LocalDate today = profile.today(clock);
        Long overdue = jdbc.queryForObject("select coalesce(sum(total_minor), 0) from invoices where state = 'OPEN'"
                + " and due_date < ?", Long.class, today);
        Long outstanding = jdbc.queryForObject("select coalesce(sum(total_minor), 0) from invoices where"
                + " state = 'OPEN' and due_date >= ?", Long.class, today);
        assertThat(money.overdueMinor()).isEqualTo(overdue);
        assertThat(money.outstandingMinor()).isEqualTo(outstanding);
        assertThat(money.overdueMinor() + money.outstandingMinor()).as("the demo has open invoices").isPositive();
    }

    @Test
    void the_to_do_counts_equal_counts_made_independently() {
        // This week, one tutor: 10:00-11:00 and 10:30-11:30 overlap; 11:30-12:30 only touches the second;
        // a cancelled 10:15 overlaps nothing. Two of the four count.
        signIn.as(demo.adminEmail());
        long tutor = data.tutor(TestData.unique("Overlap tutor"));
        long engagement = data.engagement(tutor, data.student(data.client(TestData.unique("Overlap family")), "Olive"),
                data.subject(), 6000, 4000);
        Instant ten = dashboard.currentWeekStart().plusDays(2).atTime(10, 0).atZone(profile.zone()).toInstant();
        data.session(engagement, ten, 60, "SCHEDULED");
        data.session(engagement, ten.plusSeconds(30 * 60), 60, "SCHEDULED");
        data.session(engagement, ten.plusSeconds(90 * 60), 60, "SCHEDULED");
        data.session(engagement, ten.plusSeconds(15 * 60), 60, "CANCELLED");
        signIn.as(demo.adminEmail());
        Map<TodoItem.Kind, Long> todo = new HashMap<>();
        dashboard.admin().todo().forEach(item -> todo.put(item.kind(), item.count()));
        Instant now = clock.instant();

        LocalDate lastFullDay = now.minusSeconds(48 * 3600).atZone(profile.zone()).toLocalDate().minusDays(1);
        List<Row> reportsMissing = jdbc.query("select id, tutor_id, client_id, subject_id, starts_at, ends_at, status,"
                + " duration_minutes, client_amount_minor, tutor_earnings_minor from tutoring_sessions"
                + " where report is null and report_sent_at is null",
                (rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getObject(5, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        rs.getObject(6, LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getString(7), rs.getInt(8),
                        rs.getLong(9), rs.getLong(10))).stream()
                .filter(r -> r.delivered(now) && !r.startsAt().atZone(profile.zone()).toLocalDate().isAfter(lastFullDay))
                .toList();
        assertThat(reportsMissing).allSatisfy(r -> assertThat(r.endsAt()).isBefore(now.minusSeconds(48 * 3600)));
        assertThat(todo.get(TodoItem.Kind.REPORTS_MISSING)).isEqualTo((long) reportsMissing.size());
        Long emails = jdbc.queryForObject("select count(*) from mail_messages where state in ('FAILED', 'HELD')",
                Long.class);
        assertThat(todo.get(TodoItem.Kind.EMAILS_NOT_DELIVERED)).isEqualTo(emails);
        assertThat(todo.get(TodoItem.Kind.CLIENTS_TO_INVOICE)).isEqualTo(jdbc.queryForObject(
                "select count(distinct client_id) from tutoring_sessions where billing_state = 'UNBILLED'"
                        + " and client_amount_minor > 0 and (status in ('COMPLETED', 'LATE_CANCELLED')"
                        + " or (status = 'SCHEDULED' and ends_at <= ?))", Long.class,
                LocalDateTime.ofInstant(now, ZoneOffset.UTC)));

        LocalDate weekStart = dashboard.currentWeekStart();
        Instant from = weekStart.atStartOfDay(profile.zone()).toInstant();
        Instant to = weekStart.plusWeeks(1).atStartOfDay(profile.zone()).toInstant();
        List<Row> live = allSessions().stream().filter(r -> !r.status().equals("CANCELLED")).toList();
        long overlapping = 0;
        for (Row a : live) {
            if (a.startsAt().isBefore(from) || !a.startsAt().isBefore(to)) {
                continue;
            }
            boolean clash = live.stream().anyMatch(b -> b.id() != a.id() && b.tutorId() == a.tutorId()
                    && b.startsAt().isBefore(a.endsAt()) && b.endsAt().isAfter(a.startsAt()));
            overlapping += clash ? 1 : 0;
        }
        assertThat(todo.get(TodoItem.Kind.OVERLAPPING_SESSIONS)).isEqualTo(overlapping);
        assertThat(overlapping).as("the two overlapping sessions made above, at least").isGreaterThanOrEqualTo(2);
    }

    @Test
    void a_tutor_sees_only_their_own_week_reports_and_earnings_and_none_of_the_business_figures() {
        signIn.as(demo.plainTutorEmail());
        TutorDashboard own = dashboard.tutor();

        assertThat(own.week()).extracting(CalendarEntry::tutorId).containsOnly(demo.plainTutorId());
        Long expectedWeek = jdbc.queryForObject("select count(*) from tutoring_sessions where tutor_id = ?"
                + " and starts_at >= ? and starts_at < ?", Long.class, demo.plainTutorId(),
                LocalDateTime.ofInstant(own.weekStart().atStartOfDay(profile.zone()).toInstant(), ZoneOffset.UTC),
                LocalDateTime.ofInstant(own.weekStart().plusWeeks(1).atStartOfDay(profile.zone()).toInstant(),
                        ZoneOffset.UTC));
        assertThat((long) own.week().size()).isEqualTo(expectedWeek);
        for (ReportWaiting waiting : own.reportsWaiting()) {
            assertThat(jdbc.queryForObject("select tutor_id from tutoring_sessions where id = ?", Long.class,
                    waiting.sessionId())).isEqualTo(demo.plainTutorId());
        }
        Long waitingCount = jdbc.queryForObject("select count(*) from tutoring_sessions where tutor_id = ?"
                + " and report is null and report_sent_at is null and ((status = 'COMPLETED' and starts_at <= ?)"
                + " or (status = 'SCHEDULED' and ends_at <= ?))", Long.class, demo.plainTutorId(),
                LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
                LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        assertThat(own.reportsCount()).isEqualTo(waitingCount);
        assertThat(own.earnings()).isEqualTo(payroll.currentPeriodEarnings(demo.plainTutorId()));

        assertThatThrownBy(() -> dashboard.admin()).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> dashboard.months(12)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> dashboard.weeksByTutor(12)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void revenue_by_tutor_equals_sums_made_row_by_row_and_an_enhanced_tutor_gets_only_their_own() {
        signIn.as(demo.adminEmail());
        LocalDate to = profile.today(clock);
        LocalDate from = to.minusDays(90);
        Instant now = clock.instant();
        Map<Long, long[]> expected = new HashMap<>();
        for (Row row : allSessions()) {
            LocalDate day = row.startsAt().atZone(profile.zone()).toLocalDate();
            if (row.charged(now) && !day.isBefore(from) && !day.isAfter(to)) {
                long[] sums = expected.computeIfAbsent(row.tutorId(), k -> new long[4]);
                sums[0]++;
                sums[1] += row.minutes();
                sums[2] += row.clientAmount();
                sums[3] += row.tutorEarnings();
            }
        }
        List<RevenueLine> byTutor = reports.revenue(ReportsService.Dimension.TUTOR, from, to);
        assertThat(byTutor).hasSize(expected.size()).hasSizeGreaterThan(1);
        for (RevenueLine line : byTutor) {
            assertThat(new long[] {line.sessions(), line.minutes(), line.revenueMinor(), line.tutorCostsMinor()})
                    .as(line.name()).containsExactly(expected.get(line.id()));
        }
        long byClientTotal = reports.revenue(ReportsService.Dimension.CLIENT, from, to).stream()
                .mapToLong(RevenueLine::revenueMinor).sum();
        long bySubjectTotal = reports.revenue(ReportsService.Dimension.SUBJECT, from, to).stream()
                .mapToLong(RevenueLine::revenueMinor).sum();
        long total = expected.values().stream().mapToLong(sums -> sums[2]).sum();
        assertThat(byClientTotal).isEqualTo(total);
        assertThat(bySubjectTotal).isEqualTo(total);

        signIn.as(demo.enhancedTutorEmail());
        List<RevenueLine> own = reports.revenue(ReportsService.Dimension.TUTOR, from, to);
        assertThat(own).extracting(RevenueLine::id).containsExactly(demo.enhancedTutorId());
        assertThat(reports.utilisation(from, to)).extracting(WeekTutorSessions::tutorId)
                .containsOnly(demo.enhancedTutorId());
    }

    @Test
    void a_plain_tutor_gets_no_reports() {
        signIn.as(demo.plainTutorEmail());
        LocalDate today = profile.today(clock);
        assertThat(reports.mayUse()).isFalse();
        assertThatThrownBy(() -> reports.revenue(ReportsService.Dimension.CLIENT, today.minusDays(7), today))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> reports.utilisation(today.minusDays(7), today)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_range_that_ends_before_it_starts_is_refused_with_both_days_named() {
        signIn.as(demo.adminEmail());
        LocalDate today = profile.today(clock);
        assertThatThrownBy(() -> reports.revenue(ReportsService.Dimension.CLIENT, today, today.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(today.toString())
                .hasMessageContaining(today.minusDays(1).toString());
    }
}
