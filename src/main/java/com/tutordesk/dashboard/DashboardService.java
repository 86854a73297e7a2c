package com.tutordesk.dashboard;

import com.tutordesk.billing.PaymentsService;
import com.tutordesk.payroll.PayrollQueries;
import com.tutordesk.schedule.CalendarFilter;
import com.tutordesk.schedule.ScheduleService;
import com.tutordesk.security.CurrentUser;
import com.tutordesk.session.DateRange;
import com.tutordesk.session.ReportState;
import com.tutordesk.session.SessionFilter;
import com.tutordesk.session.SessionHourTotals;
import com.tutordesk.session.SessionStatus;
import com.tutordesk.security.CurrentUserService;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.NotFoundException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.time.temporal.WeekFields;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Home figures (issue 19, domain.md "Dashboard"): the admin's month comparison, money and to-do
 * list, the charts' series, and a tutor's own week, reports waiting and pay-period earnings.
 *
 * <p>Admin figures are for admins only: anyone else gets "not found" (the same as for a page that
 * does not exist). A tutor's Home reads only the signed-in tutor's own sessions; the schedule and
 * payroll services it calls check that again.
 *
 * <p>Sums run in the database, one statement per figure or series: sessions are put in business
 * months or weeks by a {@code case} over their indexed start, with boundaries computed here in the
 * business zone (a month that holds a DST change is 743 or 745 hours long and counts so).
 */
@Service
public class DashboardService {

    /** How long after its end a completed session without a report becomes a to-do (domain.md). */
    public static final Duration REPORT_GRACE = Duration.ofHours(48);

    /** How many waiting reports a tutor's Home lists (the count says how many in all). */
    public static final int REPORTS_SHOWN = 20;

    /** Longest chart: months of the revenue chart, weeks of the sessions chart. */
    public static final int MAX_BUCKETS = 60;

    /**
     * Sessions that took place: completed, or scheduled with their end passed (domain.md: "becomes
     * completed once its end has passed") — the sessions list's Completed, whose start has passed, so
     * that these figures and the hour totals count the same sessions. Two parameters: now, now (UTC).
     */
    static final String DELIVERED = "((s.status = 'COMPLETED' and s.starts_at <= ?)"
            + " or (s.status = 'SCHEDULED' and s.ends_at <= ?))";

    /** Sessions whose amounts count: delivered, or late-cancelled. Two parameters: now, now (UTC). */
    static final String CHARGED = "(s.status = 'LATE_CANCELLED' or " + DELIVERED + ")";

    private final JdbcTemplate jdbc;
    private final CurrentUserService currentUsers;
    private final SettingsService settings;
    private final PaymentsService payments;
    private final ScheduleService schedule;
    private final PayrollQueries payroll;
    private final Clock clock;
    private final SessionHourTotals hourTotals;
    private final com.tutordesk.session.TutorWeekTotals tutorWeeks;

    DashboardService(JdbcTemplate jdbc, CurrentUserService currentUsers, SettingsService settings,
            PaymentsService payments, ScheduleService schedule, PayrollQueries payroll, Clock clock,
            SessionHourTotals hourTotals, com.tutordesk.session.TutorWeekTotals tutorWeeks) {
        this.hourTotals = hourTotals;
        this.tutorWeeks = tutorWeeks;
        this.jdbc = jdbc;
        this.currentUsers = currentUsers;
        this.settings = settings;
        this.payments = payments;
        this.schedule = schedule;
        this.payroll = payroll;
        this.clock = clock;
    }

    /**
     * The admin's Home figures.
     *
     * @throws NotFoundException for anyone but an admin
     */
    @Transactional(readOnly = true)
    public AdminDashboard admin() {
        requireAdmin();
        List<MonthFigures> months = monthsOf(2);
        return new AdminDashboard(months.get(1), months.get(0), payments.totals(), todo());
    }

    /**
     * Revenue, tutor costs and sessions per business month, oldest first, ending with the current
     * month (so far); months without sessions are included with zeros.
     *
     * @param months how many, 1 to {@value #MAX_BUCKETS}
     * @throws NotFoundException for anyone but an admin
     * @throws IllegalArgumentException for a count out of range
     */
    @Transactional(readOnly = true)
    public List<MonthFigures> months(int months) {
        requireAdmin();
        checkBuckets(months);
        return monthsOf(months);
    }

    /**
     * Delivered sessions per business week and tutor, oldest week first, then tutor name; weeks
     * start on the business locale's first day of the week and end with the current week (so far).
     * Only tutor–week pairs with sessions are listed.
     *
     * @param weeks how many, 1 to {@value #MAX_BUCKETS}
     * @throws NotFoundException for anyone but an admin
     * @throws IllegalArgumentException for a count out of range
     */
    @Transactional(readOnly = true)
    public List<WeekTutorSessions> weeksByTutor(int weeks) {
        requireAdmin();
        checkBuckets(weeks);
        // Per tutor and business week, kept on write (issue 19: counting the weeks' sessions took 1.4 s at a
        // million).
        return tutorWeeks.delivered(weeks, clock.instant()).stream()
                .map(w -> new WeekTutorSessions(w.weekStart(), w.tutorId(), w.tutorName(), w.sessions(), w.minutes()))
                .toList();
    }

    /**
     * The signed-in tutor's Home: their current week from the calendar, their sessions waiting for a
     * report and their earnings in the current pay period.
     *
     * @throws NotFoundException for a user who is not a tutor
     */
    @Transactional(readOnly = true)
    public TutorDashboard tutor() {
        CurrentUser user = currentUsers.require();
        if (!user.isTutor() || user.tutorId() == null) {
            throw new NotFoundException("Page", "tutor home");
        }
        long tutorId = user.tutorId();
        BusinessProfile profile = settings.profile();
        LocalDate weekStart = weekStart(profile);
        var week = schedule.entries(weekStart, weekStart.plusWeeks(1), new CalendarFilter(tutorId, null, null));
        Instant now = clock.instant();
        String where = " from tutoring_sessions s where s.tutor_id = ? and " + DELIVERED
                + " and s.report is null and s.report_sent_at is null";
        Long count = jdbc.queryForObject("select count(*)" + where, Long.class, tutorId, utc(now), utc(now));
        List<ReportWaiting> waiting = jdbc.query("select s.id, s.starts_at, st.name, sub.name" + where.replace(
                " from tutoring_sessions s", " from tutoring_sessions s join students st on st.id = s.student_id"
                        + " join subjects sub on sub.id = s.subject_id")
                + " order by s.starts_at, s.id limit ?",
                (rs, n) -> new ReportWaiting(rs.getLong(1), instant(rs.getObject(2, LocalDateTime.class)),
                        rs.getString(3), rs.getString(4)), tutorId, utc(now), utc(now), REPORTS_SHOWN);
        return new TutorDashboard(weekStart, week, waiting, count == null ? 0 : count,
                payroll.currentPeriodEarnings(tutorId));
    }

    /** @return whether the signed-in user sees the admin's Home figures */
    public boolean showsAdminHome() {
        return currentUsers.find().map(CurrentUser::isAdmin).orElse(false);
    }

    /** @return whether the signed-in user sees a tutor's Home figures */
    public boolean showsTutorHome() {
        return currentUsers.find().map(user -> user.isTutor() && user.tutorId() != null).orElse(false);
    }

    /** @return the first day of the current business week (the business locale's first day of week) */
    public LocalDate currentWeekStart() {
        return weekStart(settings.profile());
    }

    private LocalDate weekStart(BusinessProfile profile) {
        DayOfWeek first = WeekFields.of(profile.locale()).getFirstDayOfWeek();
        return profile.today(clock).with(TemporalAdjusters.previousOrSame(first));
    }

    /**
     * Each month from the hour totals (issue 19: under 200 ms at a million sessions): delivered is the
     * sessions list's Completed (as of now), revenue and costs add the late-cancelled sessions.
     */
    private List<MonthFigures> monthsOf(int months) {
        BusinessProfile profile = settings.profile();
        Instant now = clock.instant();
        YearMonth current = YearMonth.from(profile.today(clock));
        List<MonthFigures> result = new ArrayList<>();
        for (int i = months - 1; i >= 0; i--) {
            YearMonth month = current.minusMonths(i);
            DateRange range = new DateRange(month.atDay(1), month.atEndOfMonth());
            SessionHourTotals.Sums delivered = hourTotals.sum(new SessionFilter(range, null, null, null, null,
                    SessionStatus.COMPLETED, null, null, null), profile.zone(), now);
            SessionHourTotals.Sums late = hourTotals.sum(new SessionFilter(range, null, null, null, null,
                    SessionStatus.LATE_CANCELLED, null, null, null), profile.zone(), now);
            result.add(new MonthFigures(month, delivered.sessions(), delivered.minutes(),
                    delivered.clientAmountMinor() + late.clientAmountMinor(),
                    delivered.tutorEarningsMinor() + late.tutorEarningsMinor()));
        }
        return result;
    }

    private List<TodoItem> todo() {
        BusinessProfile profile = settings.profile();
        Instant now = clock.instant();
        // Whole business-local days whose sessions all ended at least 48 h ago (a session is at most
        // 10 hours long): exactly what the linked sessions list shows for "completed, no report, to that day".
        LocalDate lastFullDay = profile.local(now.minus(REPORT_GRACE)).toLocalDate().minusDays(1);
        long reports = hourTotals.sum(new SessionFilter(new DateRange(null, lastFullDay), null, null, null, null,
                SessionStatus.COMPLETED, ReportState.NONE, null, null), profile.zone(), now).sessions();
        long clients = payments.countUnbilledClients();
        // An open invoice whose latest attempt did not go through: a later success or retry supersedes it.
        Long failed = jdbc.queryForObject("select count(*) from payment_attempts a join invoices i on i.id = a.invoice_id"
                + " where i.state = 'OPEN' and a.status in ('DECLINED', 'AUTHENTICATION_REQUIRED', 'FAILED')"
                + " and not exists (select 1 from payment_attempts b where b.invoice_id = a.invoice_id and b.id > a.id)",
                Long.class);
        long[] emails = jdbc.queryForObject("select coalesce(sum(case when m.state = 'FAILED' then 1 else 0 end), 0),"
                + " coalesce(sum(case when m.state = 'HELD' then 1 else 0 end), 0)"
                + " from mail_messages m where m.state in ('FAILED', 'HELD')",
                (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)});
        LocalDate weekStart = weekStart(profile);
        Instant weekFrom = weekStart.atStartOfDay(profile.zone()).toInstant();
        Instant weekTo = weekStart.plusWeeks(1).atStartOfDay(profile.zone()).toInstant();
        long overlapping = overlappingSessions(weekFrom, weekTo);
        return List.of(
                new TodoItem(TodoItem.Kind.REPORTS_MISSING, reports,
                        "sessions?status=completed&report=none&to=" + lastFullDay),
                new TodoItem(TodoItem.Kind.CLIENTS_TO_INVOICE, clients, "payments"),
                new TodoItem(TodoItem.Kind.FAILED_CARD_PAYMENTS, failed == null ? 0 : failed, "payments"),
                new TodoItem(TodoItem.Kind.EMAILS_NOT_DELIVERED, emails[0] + emails[1],
                        emails[0] == 0 && emails[1] > 0 ? "outbox?state=held" : "outbox?state=failed"),
                new TodoItem(TodoItem.Kind.OVERLAPPING_SESSIONS, overlapping,
                        "schedule?view=week&date=" + weekStart));
    }

    /**
     * Sessions starting in [{@code from}, {@code to}) that overlap another session of the same tutor
     * (neither cancelled in time); the other may start up to the longest session (600 minutes) before
     * {@code from}. One read of the week's sessions by tutor and start, on the covering index of status
     * and start, then one pass per tutor: a session overlaps an earlier one when the latest end before
     * it is after its start, and a later one when the next start is before its end. (Asked per session
     * of the database, it cost 38,000 index probes, over a second at a million sessions.)
     */
    private long overlappingSessions(Instant from, Instant to) {
        long[] count = {0};
        long[] tutor = {Long.MIN_VALUE};
        // The previous session of the tutor, and the latest end among the tutor's sessions before it.
        Instant[] previousStart = {null};
        Instant[] previousEnd = {null};
        boolean[] previousCounted = {false};
        boolean[] previousOverlaps = {false};
        Instant[] latestEndBefore = {null};
        jdbc.query("select s.tutor_id, s.starts_at, s.ends_at from tutoring_sessions s"
                + " where s.status in ('SCHEDULED', 'COMPLETED', 'LATE_CANCELLED') and s.starts_at >= ? and s.starts_at < ?"
                + " order by s.tutor_id, s.starts_at, s.ends_at", rs -> {
                    long t = rs.getLong(1);
                    Instant start = instant(rs.getObject(2, LocalDateTime.class));
                    Instant end = instant(rs.getObject(3, LocalDateTime.class));
                    if (t != tutor[0]) {
                        count[0] += previousCounted[0] && previousOverlaps[0] ? 1 : 0;
                        tutor[0] = t;
                        previousStart[0] = null;
                        latestEndBefore[0] = null;
                    } else {
                        // The previous session overlaps this later one when this starts before it ends.
                        boolean withNext = start.isBefore(previousEnd[0]);
                        count[0] += previousCounted[0] && (previousOverlaps[0] || withNext) ? 1 : 0;
                        latestEndBefore[0] = latestEndBefore[0] == null || previousEnd[0].isAfter(latestEndBefore[0])
                                ? previousEnd[0] : latestEndBefore[0];
                    }
                    previousStart[0] = start;
                    previousEnd[0] = end;
                    previousCounted[0] = !start.isBefore(from);
                    previousOverlaps[0] = latestEndBefore[0] != null && latestEndBefore[0].isAfter(start);
                }, utc(from.minus(Duration.ofMinutes(600))), utc(to));
        count[0] += previousCounted[0] && previousOverlaps[0] ? 1 : 0;
        return count[0];
    }

    private void requireAdmin() {
        if (!currentUsers.require().isAdmin()) {
            throw new NotFoundException("Page", "dashboard");
        }
    }

    private static void checkBuckets(int count) {
        if (count < 1 || count > MAX_BUCKETS) {
            throw new IllegalArgumentException("A chart shows 1 to " + MAX_BUCKETS + " months or weeks, not " + count);
        }
    }

    /** Instants are stored as UTC wall-clock values (hibernate.jdbc.time_zone=UTC). */
    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
