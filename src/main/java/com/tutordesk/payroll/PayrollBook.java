package com.tutordesk.payroll;

import com.tutordesk.session.PayableSession;
import com.tutordesk.session.SessionStatus;
import com.tutordesk.settings.SettingsService;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which sessions and adjustments make up a tutor's pay for a period (domain.md "Payroll"): the read
 * model every payroll page, export and approval starts from. Checks no role.
 *
 * <p><b>The rule.</b> A tutor's pay for a period holds their completed and late-cancelled sessions
 * (a scheduled session counts once its end has passed; cancelled ones never) whose start, in the
 * business zone, falls in the period, with their stored tutor earnings, plus the adjustments.
 *
 * <p><b>How carry-forward and the lock are recorded.</b> Approving a tutor's period writes a
 * {@code tutor_pay} row (APPROVED) and one {@code tutor_pay_lines} row per session it pays, with the
 * earnings it approved; a session is on at most one line (unique in the database), and that line is
 * what locks its earnings ({@link PayrollSessionLock}). When an approval leaves nobody's pay in the
 * period open, the period is closed ({@code pay_period_closings}). A period is <em>closed for a
 * tutor</em> when their pay overlapping it is approved or paid, or when the period is closed and
 * they have no pay row in it (they had nothing to be paid then). A payable session on no line
 * belongs to the first period, starting with the one its date falls in, that is not closed for its
 * tutor: so a session logged later with a date in an approved period shows in the tutor's next open
 * period, marked "carried forward from" the period of its date, and its line keeps that period when
 * it is approved there. Reopening deletes the lines: the sessions fall back to their own period.
 *
 * <p>It reads the session and people tables with SQL (as the sessions list does). "On no line" is
 * read from the sessions' {@code pay_approved} mark, which approvals and reopenings keep equal to
 * "has a line" through {@link com.tutordesk.session.SessionPayroll}: its index finds the few
 * sessions not yet approved without reading the approved history.
 */
@Component
class PayrollBook {

    /** Longest pay period (a monthly one): how far before the earliest approval a carried session may date from. */
    private static final int LONGEST_PERIOD_DAYS = 31;

    /** Payable (completed, late-cancelled, or scheduled and ended), started in [from, to), not approved yet. */
    private static final String SESSIONS_WHERE = """
             where s.starts_at >= :from and s.starts_at < :to
              and (s.status in ('COMPLETED', 'LATE_CANCELLED') or (s.status = 'SCHEDULED' and s.ends_at <= :now))
              and s.pay_approved = false
            """;

    private static final String SESSIONS = """
            select s.id, s.tutor_id, s.starts_at, s.ends_at, s.duration_minutes, s.status, st.name as student,
                   sub.name as subject, s.tutor_wage_minor, s.tutor_earnings_minor
            from tutoring_sessions s
            join students st on st.id = s.student_id
            join subjects sub on sub.id = s.subject_id
            """ + SESSIONS_WHERE;

    private static final String RUNS = """
            select p.id, p.tutor_id, p.period_start, p.period_end, p.state, p.session_count, p.minutes,
                   p.earnings_minor, p.adjustments_minor, p.approved_at, p.paid_on, p.paid_method, p.paid_reference
            from tutor_pay p
            """;

    /** A tutor's pay row as stored; {@code stored} totals are the approval's (zero while open). */
    record Run(long id, long tutorId, PayPeriod period, PayState state, PayTotals stored, Instant approvedAt,
            LocalDate paidOn, PayoutMethod paidMethod, String paidReference) {
    }

    /**
     * One tutor's pay for one period.
     *
     * @param run         the stored row, or {@code null} (open, no adjustments)
     * @param lines       the sessions, by start: while open, the carried ones and (with details) its own; for
     *                    approved and paid pay only with details
     * @param adjustments the adjustments: always while open; for approved and paid pay only with details
     * @param totals      the sums (for approved and paid pay: the approval's)
     * @param carried     sessions carried forward from an earlier period
     */
    record Entry(long tutorId, PayPeriod period, Run run, List<StatementLine> lines,
            List<StatementAdjustment> adjustments, PayTotals totals, int carried) {

        PayState state() {
            return run == null ? PayState.OPEN : run.state();
        }
    }

    /**
     * Where unpaid sessions are paid (see the class comment): each tutor's approved or paid periods,
     * the periods they have a pay row in, and the closed periods. Built for the tutors of one question.
     */
    static final class Targets {

        private final PayCalendar calendar;
        private final Map<Long, List<PayPeriod>> approved;
        private final Map<Long, Set<LocalDate>> payRows;
        private final Set<PayPeriod> closed;

        Targets(PayCalendar calendar, Map<Long, List<PayPeriod>> approved, Map<Long, Set<LocalDate>> payRows,
                Set<PayPeriod> closed) {
            this.calendar = calendar;
            this.approved = approved;
            this.payRows = payRows;
            this.closed = closed;
        }

        /** @return the period a payable session of {@code tutorId} on {@code date} (business-local) is paid in */
        PayPeriod target(long tutorId, LocalDate date) {
            PayPeriod period = calendar.containing(date);
            while (closedFor(tutorId, period)) {
                period = calendar.next(period);
            }
            return period;
        }

        /** @return whether the tutor's pay overlapping {@code period} is approved, or the period closed without them */
        boolean closedFor(long tutorId, PayPeriod period) {
            for (PayPeriod other : approved.getOrDefault(tutorId, List.of())) {
                if (period.overlaps(other)) {
                    return true;
                }
            }
            return closed.contains(period) && !payRows.getOrDefault(tutorId, Set.of()).contains(period.start());
        }

        /** @return the tutor's approved or paid periods that share a day with {@code period} */
        List<PayPeriod> approvedOverlapping(long tutorId, PayPeriod period) {
            return approved.getOrDefault(tutorId, List.of()).stream().filter(period::overlaps).toList();
        }

        /** @return the first day of the earliest approved or closed period among these tutors, if any */
        LocalDate earliestClosed() {
            return java.util.stream.Stream.concat(approved.values().stream().flatMap(List::stream), closed.stream())
                    .map(PayPeriod::start).min(Comparator.naturalOrder()).orElse(null);
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final PayPeriods periods;
    private final SettingsService settings;
    private final Clock clock;

    PayrollBook(NamedParameterJdbcTemplate jdbc, PayPeriods periods, SettingsService settings, Clock clock) {
        this.jdbc = jdbc;
        this.periods = periods;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Every tutor's pay for {@code period} (or one tutor's), one entry per tutor with sessions,
     * adjustments or a stored pay row.
     *
     * @param tutorId  only this tutor, or {@code null} for all
     * @param details  every session as a line (a statement, an approval); without, an open pay's own
     *                 sessions are only summed (carried ones are still listed), and approved and paid
     *                 pay has its stored totals and no lines
     */
    List<Entry> period(PayPeriod period, Long tutorId, boolean details) {
        ZoneId zone = settings.profile().zone();
        Instant now = clock.instant();
        Targets targets = targets(tutorId);
        PayCalendar calendar = targets.calendar;
        Map<Long, Run> runs = new HashMap<>();
        for (Run run : runs("where p.period_start = :start" + (tutorId == null ? "" : " and p.tutor_id = :tutorId"),
                params(tutorId).addValue("start", period.start()))) {
            runs.put(run.tutorId(), run);
        }
        // Earlier sessions that may be carried into it (few: the index on pay_approved finds them) ...
        LocalDate earliest = targets.earliestClosed();
        Map<Long, List<StatementLine>> open = new TreeMap<>();
        if (earliest != null && earliest.minusDays(LONGEST_PERIOD_DAYS).isBefore(period.start())) {
            for (PayableSession session : sessions(earliest.minusDays(LONGEST_PERIOD_DAYS).atStartOfDay(zone)
                    .toInstant(), period.from(zone), tutorId, now)) {
                PayPeriod own = calendar.containing(session.startsAt().atZone(zone).toLocalDate());
                if (targets.target(session.tutorId(), own.start()).equals(period)) {
                    open.computeIfAbsent(session.tutorId(), id -> new ArrayList<>()).add(line(session, own));
                }
            }
        }
        // ... and its own: each tutor's, unless the period is closed for them (then they go on to a later one).
        Map<Long, PayTotals> ownTotals = new TreeMap<>();
        if (details) {
            for (PayableSession session : sessions(period.from(zone), period.to(zone), tutorId, now)) {
                if (!targets.closedFor(session.tutorId(), period)) {
                    open.computeIfAbsent(session.tutorId(), id -> new ArrayList<>()).add(line(session, null));
                }
            }
        } else {
            // The overview needs only sums: added up by the database, not read session by session.
            ownTotals = ownTotals(period.from(zone), period.to(zone), tutorId, now);
            ownTotals.keySet().removeIf(tutor -> targets.closedFor(tutor, period));
        }
        Set<Long> tutors = new TreeSet<>(runs.keySet());
        tutors.addAll(open.keySet());
        tutors.addAll(ownTotals.keySet());
        Map<Long, List<StatementAdjustment>> adjustments = adjustments(runs.values().stream()
                .filter(run -> details || run.state() == PayState.OPEN).map(Run::id).toList());
        Map<Long, List<StatementLine>> approvedLines = details ? approvedLines(runs.values().stream()
                .filter(run -> run.state() != PayState.OPEN).map(Run::id).toList()) : Map.of();
        Map<Long, Integer> carriedApproved = carriedCounts(runs.values().stream()
                .filter(run -> run.state() != PayState.OPEN).map(Run::id).toList());
        List<Entry> entries = new ArrayList<>();
        for (long tutor : tutors) {
            Run run = runs.get(tutor);
            List<StatementAdjustment> adjusted = run == null ? List.of() : adjustments.getOrDefault(run.id(), List.of());
            if (run != null && run.state() != PayState.OPEN) {
                entries.add(new Entry(tutor, period, run, approvedLines.getOrDefault(run.id(), List.of()), adjusted,
                        run.stored(), carriedApproved.getOrDefault(run.id(), 0)));
                continue;
            }
            List<StatementLine> lines = open.getOrDefault(tutor, new ArrayList<>());
            lines.sort(Comparator.comparing(StatementLine::startsAt).thenComparingLong(StatementLine::sessionId));
            PayTotals own = ownTotals.getOrDefault(tutor, PayTotals.ZERO);
            if (lines.isEmpty() && adjusted.isEmpty() && own.sessions() == 0) {
                continue;
            }
            entries.add(new Entry(tutor, period, run, lines, adjusted, own.plus(totals(lines, adjusted)),
                    (int) lines.stream().filter(line -> line.carriedFrom() != null).count()));
        }
        return entries;
    }

    /**
     * Every period with something for one tutor (My pay): their stored pay rows with the approval's
     * totals, and the open periods their unpaid sessions and adjustments fall in; newest first.
     */
    List<Entry> ofTutor(long tutorId) {
        ZoneId zone = settings.profile().zone();
        Instant now = clock.instant();
        Targets targets = targets(tutorId);
        PayCalendar calendar = targets.calendar;
        Map<LocalDate, Run> runs = new HashMap<>();
        for (Run run : runs("where p.tutor_id = :tutorId", params(tutorId))) {
            runs.put(run.period().start(), run);
        }
        Map<PayPeriod, List<StatementLine>> open = new HashMap<>();
        // Every unpaid session of the tutor, however old: none is ever left out of their unpaid earnings.
        for (PayableSession session : sessions(Instant.EPOCH, Instant.parse("9999-01-01T00:00:00Z"), tutorId, now)) {
            PayPeriod own = calendar.containing(session.startsAt().atZone(zone).toLocalDate());
            PayPeriod target = targets.target(tutorId, own.start());
            open.computeIfAbsent(target, p -> new ArrayList<>()).add(line(session, own.equals(target) ? null : own));
        }
        Map<Long, List<StatementAdjustment>> adjustments = adjustments(runs.values().stream()
                .filter(run -> run.state() == PayState.OPEN).map(Run::id).toList());
        Map<LocalDate, Entry> entries = new TreeMap<>(Comparator.reverseOrder());
        for (Run run : runs.values()) {
            if (run.state() != PayState.OPEN) {
                entries.put(run.period().start(), new Entry(tutorId, run.period(), run, List.of(), List.of(),
                        run.stored(), 0));
            }
        }
        for (Map.Entry<PayPeriod, List<StatementLine>> period : open.entrySet()) {
            Run run = runs.get(period.getKey().start());
            List<StatementAdjustment> adjusted = run == null ? List.of() : adjustments.getOrDefault(run.id(), List.of());
            entries.put(period.getKey().start(), new Entry(tutorId, period.getKey(), run, period.getValue(), adjusted,
                    totals(period.getValue(), adjusted), 0));
        }
        for (Run run : runs.values()) {
            List<StatementAdjustment> adjusted = adjustments.getOrDefault(run.id(), List.of());
            if (run.state() == PayState.OPEN && !entries.containsKey(run.period().start()) && !adjusted.isEmpty()) {
                entries.put(run.period().start(), new Entry(tutorId, run.period(), run, List.of(), adjusted,
                        totals(List.of(), adjusted), 0));
            }
        }
        return List.copyOf(entries.values());
    }

    /** @return where unpaid sessions of these tutors (one, or all for {@code null}) are paid */
    Targets targets(Long tutorId) {
        Map<Long, List<PayPeriod>> approved = new HashMap<>();
        Map<Long, Set<LocalDate>> payRows = new HashMap<>();
        jdbc.query("select tutor_id, period_start, period_end, state from tutor_pay"
                + (tutorId == null ? "" : " where tutor_id = :tutorId"), params(tutorId), rs -> {
                    long tutor = rs.getLong("tutor_id");
                    PayPeriod period = new PayPeriod(rs.getObject("period_start", LocalDate.class),
                            rs.getObject("period_end", LocalDate.class));
                    payRows.computeIfAbsent(tutor, id -> new java.util.HashSet<>()).add(period.start());
                    if (!PayState.OPEN.name().equals(rs.getString("state"))) {
                        approved.computeIfAbsent(tutor, id -> new ArrayList<>()).add(period);
                    }
                });
        Set<PayPeriod> closed = new java.util.HashSet<>(jdbc.query("select period_start, period_end from"
                + " pay_period_closings", (rs, i) -> new PayPeriod(rs.getObject("period_start", LocalDate.class),
                        rs.getObject("period_end", LocalDate.class))));
        return new Targets(periods.calendar(), approved, payRows, closed);
    }

    /** @return whether the period was closed by its payroll run */
    boolean isClosed(PayPeriod period) {
        Integer count = jdbc.queryForObject("select count(*) from pay_period_closings where period_start = :start",
                new MapSqlParameterSource("start", period.start()), Integer.class);
        return count != null && count > 0;
    }

    /** Records that the period's payroll run left nobody's pay in it open (once). */
    void close(PayPeriod period, long userId, Instant now) {
        if (!isClosed(period)) {
            jdbc.update("insert into pay_period_closings (period_start, period_end, closed_at, closed_by_user_id)"
                    + " values (:start, :end, :at, :userId)", new MapSqlParameterSource("start", period.start())
                    .addValue("end", period.end()).addValue("at", utc(now)).addValue("userId", userId));
        }
    }

    /** @return the stored pay row of a tutor and period start, if any */
    Run run(long tutorId, LocalDate periodStart) {
        List<Run> found = runs("where p.tutor_id = :tutorId and p.period_start = :start",
                params(tutorId).addValue("start", periodStart));
        return found.isEmpty() ? null : found.getFirst();
    }

    /** @return whether a tutor with this id exists (active or not) */
    boolean tutorExists(long tutorId) {
        Integer count = jdbc.queryForObject("select count(*) from tutors where id = :id",
                new MapSqlParameterSource("id", tutorId), Integer.class);
        return count != null && count > 0;
    }

    /** @return tutors' names by id ({@code "Tutor 7"} for an id without a row, which the foreign keys rule out) */
    Map<Long, String> tutorNames(Collection<Long> tutorIds) {
        Map<Long, String> names = new LinkedHashMap<>();
        if (tutorIds.isEmpty()) {
            return names;
        }
        jdbc.query("select id, name from tutors where id in (:ids)", new MapSqlParameterSource("ids", Set.copyOf(tutorIds)),
                rs -> {
                    names.put(rs.getLong("id"), rs.getString("name"));
                });
        for (Long id : tutorIds) {
            names.putIfAbsent(id, "Tutor " + id);
        }
        return names;
    }

    /** @return approvals, reopenings and payments of a stored pay row, oldest first */
    List<PayStatement.Event> events(long runId) {
        return jdbc.query("select action, occurred_at, user_name, details from tutor_pay_events where tutor_pay_id = :id"
                + " order by occurred_at, id", new MapSqlParameterSource("id", runId),
                (rs, i) -> new PayStatement.Event(TutorPayEvent.Action.valueOf(rs.getString("action")).label(),
                        utc(rs.getObject("occurred_at", LocalDateTime.class)), rs.getString("user_name"),
                        rs.getString("details")));
    }

    // ---- queries ----

    private List<PayableSession> sessions(Instant from, Instant to, Long tutorId, Instant now) {
        MapSqlParameterSource params = params(tutorId).addValue("from", utc(from)).addValue("to", utc(to))
                .addValue("now", utc(now));
        return jdbc.query(SESSIONS + (tutorId == null ? "" : " and s.tutor_id = :tutorId") + " order by s.starts_at, s.id",
                params, (rs, i) -> {
                    Instant startsAt = utc(rs.getObject("starts_at", LocalDateTime.class));
                    Instant endsAt = utc(rs.getObject("ends_at", LocalDateTime.class));
                    return new PayableSession(rs.getLong("id"), rs.getLong("tutor_id"), startsAt, endsAt,
                            rs.getInt("duration_minutes"), SessionStatus.valueOf(rs.getString("status")).asOf(endsAt, now),
                            rs.getString("student"), rs.getString("subject"), rs.getLong("tutor_wage_minor"),
                            rs.getLong("tutor_earnings_minor"));
                });
    }

    /** @return per tutor: count, minutes and earnings of their unapproved payable sessions that started in [from, to) */
    private Map<Long, PayTotals> ownTotals(Instant from, Instant to, Long tutorId, Instant now) {
        Map<Long, PayTotals> totals = new TreeMap<>();
        jdbc.query("select s.tutor_id, count(*) as sessions, sum(s.duration_minutes) as minutes,"
                + " sum(s.tutor_earnings_minor) as earnings from tutoring_sessions s" + SESSIONS_WHERE
                + (tutorId == null ? "" : " and s.tutor_id = :tutorId") + " group by s.tutor_id",
                params(tutorId).addValue("from", utc(from)).addValue("to", utc(to)).addValue("now", utc(now)), rs -> {
                    totals.put(rs.getLong("tutor_id"), new PayTotals(rs.getInt("sessions"), rs.getInt("minutes"),
                            rs.getLong("earnings"), 0));
                });
        return totals;
    }

    private List<Run> runs(String where, MapSqlParameterSource params) {
        return jdbc.query(RUNS + where, params, (rs, i) -> run(rs));
    }

    private Map<Long, List<StatementAdjustment>> adjustments(List<Long> runIds) {
        Map<Long, List<StatementAdjustment>> byRun = new HashMap<>();
        if (runIds.isEmpty()) {
            return byRun;
        }
        jdbc.query("select id, tutor_pay_id, kind, amount_minor, memo, created_at from tutor_pay_adjustments"
                + " where tutor_pay_id in (:ids) order by id", new MapSqlParameterSource("ids", runIds), rs -> {
                    byRun.computeIfAbsent(rs.getLong("tutor_pay_id"), id -> new ArrayList<>()).add(
                            new StatementAdjustment(rs.getLong("id"), AdjustmentKind.valueOf(rs.getString("kind")),
                                    rs.getLong("amount_minor"), rs.getString("memo"),
                                    utc(rs.getObject("created_at", LocalDateTime.class))));
                });
        return byRun;
    }

    private Map<Long, List<StatementLine>> approvedLines(List<Long> runIds) {
        Map<Long, List<StatementLine>> byRun = new HashMap<>();
        if (runIds.isEmpty()) {
            return byRun;
        }
        jdbc.query("select tutor_pay_id, session_id, session_starts_at, student_name, subject_name, duration_minutes,"
                + " late_cancelled, tutor_wage_minor, earnings_minor, carried_from_start, carried_from_end"
                + " from tutor_pay_lines where tutor_pay_id in (:ids) order by session_starts_at, session_id",
                new MapSqlParameterSource("ids", runIds), rs -> {
                    LocalDate carriedStart = rs.getObject("carried_from_start", LocalDate.class);
                    byRun.computeIfAbsent(rs.getLong("tutor_pay_id"), id -> new ArrayList<>()).add(new StatementLine(
                            rs.getLong("session_id"), utc(rs.getObject("session_starts_at", LocalDateTime.class)),
                            rs.getString("student_name"), rs.getString("subject_name"), rs.getInt("duration_minutes"),
                            rs.getLong("tutor_wage_minor"), rs.getLong("earnings_minor"), rs.getBoolean("late_cancelled"),
                            carriedStart == null ? null
                                    : new PayPeriod(carriedStart, rs.getObject("carried_from_end", LocalDate.class))));
                });
        return byRun;
    }

    private Map<Long, Integer> carriedCounts(List<Long> runIds) {
        Map<Long, Integer> counts = new HashMap<>();
        if (runIds.isEmpty()) {
            return counts;
        }
        jdbc.query("select tutor_pay_id, count(*) as carried from tutor_pay_lines where tutor_pay_id in (:ids)"
                + " and carried_from_start is not null group by tutor_pay_id", new MapSqlParameterSource("ids", runIds),
                rs -> {
                    counts.put(rs.getLong("tutor_pay_id"), rs.getInt("carried"));
                });
        return counts;
    }

    // ---- helpers ----

    static StatementLine line(PayableSession session, PayPeriod carriedFrom) {
        return new StatementLine(session.id(), session.startsAt(), session.studentName(), session.subjectName(),
                session.durationMinutes(), session.tutorWageMinor(), session.tutorEarningsMinor(),
                session.status() == SessionStatus.LATE_CANCELLED, carriedFrom);
    }

    static PayTotals totals(List<StatementLine> lines, List<StatementAdjustment> adjustments) {
        return new PayTotals(lines.size(), lines.stream().mapToInt(StatementLine::durationMinutes).sum(),
                lines.stream().mapToLong(StatementLine::earningsMinor).sum(),
                adjustments.stream().mapToLong(StatementAdjustment::signedAmountMinor).sum());
    }

    private static Run run(ResultSet rs) throws SQLException {
        PayState state = PayState.valueOf(rs.getString("state"));
        LocalDateTime approvedAt = rs.getObject("approved_at", LocalDateTime.class);
        String method = rs.getString("paid_method");
        return new Run(rs.getLong("id"), rs.getLong("tutor_id"), new PayPeriod(rs.getObject("period_start", LocalDate.class),
                rs.getObject("period_end", LocalDate.class)), state,
                new PayTotals(rs.getInt("session_count"), rs.getInt("minutes"), rs.getLong("earnings_minor"),
                        rs.getLong("adjustments_minor")),
                approvedAt == null ? null : utc(approvedAt), rs.getObject("paid_on", LocalDate.class),
                method == null ? null : PayoutMethod.valueOf(method), rs.getString("paid_reference"));
    }

    private static MapSqlParameterSource params(Long tutorId) {
        return new MapSqlParameterSource("tutorId", tutorId);
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant utc(LocalDateTime value) {
        return value.toInstant(ZoneOffset.UTC);
    }
}
