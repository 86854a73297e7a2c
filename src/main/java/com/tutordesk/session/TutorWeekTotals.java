package com.tutordesk.session;

import com.tutordesk.settings.BusinessCalendarChanged;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.time.temporal.WeekFields;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sessions and minutes per stored status, business week and tutor ({@code tutor_week_totals}, V26_1),
 * for the dashboard's "sessions per week by tutor" (issue 19: every dashboard figure under 200 ms at a
 * million sessions; counting the 12 weeks' sessions took 1.4 s).
 *
 * <p>Kept with the hour totals by {@link SessionHourTotals}: the same entity listener, the same
 * before-completion write, in the session's transaction. A week starts on the business-local date of
 * the locale's first day of the week, so the writer reads the zone and locale under a shared lock on
 * the settings row, and a change of either ({@link BusinessCalendarChanged}, published inside the
 * settings' transaction after the row is written) rebuilds the table in that transaction: a session
 * write either finishes before the change (and is in the rebuild) or waits for it (and reads the new
 * calendar).
 */
@Component
public class TutorWeekTotals {

    /** Weeks are counted from the first day of the week on or after this date (SQL and Java agree on it). */
    private static final LocalDate REFERENCE = LocalDate.of(1900, 1, 1);

    private final JdbcTemplate jdbc;

    TutorWeekTotals(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Delivered sessions of one tutor in one business week.
     *
     * @param weekStart business-local date the week starts on
     * @param tutorId   the tutor
     * @param tutorName the tutor's name
     * @param sessions  how many
     * @param minutes   their durations, minutes
     */
    public record TutorWeek(LocalDate weekStart, long tutorId, String tutorName, long sessions, long minutes) {
    }

    /** The business calendar: time zone and first day of the week, as the settings row has them now. */
    record Calendar(ZoneId zone, DayOfWeek firstDay) {

        static Calendar of(String zone, String locale) {
            return new Calendar(ZoneId.of(zone), WeekFields.of(Locale.forLanguageTag(locale)).getFirstDayOfWeek());
        }

        LocalDate weekStart(Instant instant) {
            return LocalDate.ofInstant(instant, zone).with(TemporalAdjusters.previousOrSame(firstDay));
        }

        LocalDate reference() {
            return REFERENCE.with(TemporalAdjusters.nextOrSame(firstDay));
        }
    }

    /**
     * Delivered sessions — completed and started, or scheduled and ended (the dashboard's definition) —
     * per business week and tutor for the last {@code weeks} weeks, ending with the current one; as
     * {@link #delivered(LocalDate, LocalDate, Long, Instant)}.
     *
     * @param weeks how many weeks, at least 1
     * @param now   the current instant
     * @throws IllegalArgumentException for fewer than one week
     */
    @Transactional(readOnly = true)
    public List<TutorWeek> delivered(int weeks, Instant now) {
        if (weeks < 1) {
            throw new IllegalArgumentException("At least one week, not " + weeks);
        }
        LocalDate current = calendar().weekStart(now);
        return delivered(current.minusWeeks(weeks - 1L), current, null, now);
    }

    /**
     * Delivered sessions — completed and started, or scheduled and ended (the dashboard's definition) —
     * per business week and tutor for the weeks that hold {@code from} to {@code to}, ordered by week,
     * tutor name, tutor id; only pairs with sessions. Whole weeks come from the totals; the few rows
     * whose "delivered" depends on the clock (scheduled but ended, not promoted yet; completed but
     * starting later) are corrected from the sessions on {@code ix_sessions_status_start_sums}. The
     * calendar is read from the settings row, not a cache, so that it is the one the table was built in.
     *
     * @param from    first business-local date (its week is the first)
     * @param to      last business-local date (its week is the last), not before {@code from}
     * @param tutorId only this tutor's sessions, or {@code null} for every tutor
     * @param now     the current instant
     * @throws IllegalArgumentException when {@code to} is before {@code from}
     */
    @Transactional(readOnly = true)
    public List<TutorWeek> delivered(LocalDate from, LocalDate to, Long tutorId, Instant now) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("The range ends (" + to + ") before it starts (" + from + ")");
        }
        Calendar calendar = calendar();
        LocalDate first = from.with(TemporalAdjusters.previousOrSame(calendar.firstDay()));
        LocalDate last = to.with(TemporalAdjusters.previousOrSame(calendar.firstDay()));
        String scope = tutorId == null ? "" : " and t.tutor_id = " + tutorId;
        Map<List<Object>, long[]> sums = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        jdbc.query("select t.week_start, t.tutor_id, tu.name, t.sessions, t.minutes from tutor_week_totals t"
                + " join tutors tu on tu.id = t.tutor_id"
                + " where t.status = 'COMPLETED' and t.week_start >= ? and t.week_start <= ?" + scope, rs -> {
                    long tutor = rs.getLong(2);
                    names.put(tutor, rs.getString(3));
                    add(sums, rs.getObject(1, LocalDate.class), tutor, rs.getLong(4), rs.getLong(5));
                }, java.sql.Date.valueOf(first), java.sql.Date.valueOf(last));
        // Clock-dependent rows: completed ones that start later are not delivered yet; scheduled ones
        // that have ended are.
        LocalDateTime utcNow = utc(now);
        jdbc.query("select s.starts_at, s.tutor_id, s.duration_minutes, s.status from tutoring_sessions s"
                + " where s.starts_at >= ? and s.starts_at < ?" + scope.replace("t.tutor_id", "s.tutor_id")
                + " and ((s.status = 'COMPLETED' and s.starts_at > ?) or (s.status = 'SCHEDULED' and s.starts_at <= ?"
                + " and s.ends_at <= ?))", rs -> {
                    int sign = "COMPLETED".equals(rs.getString(4)) ? -1 : 1;
                    Instant start = rs.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC);
                    add(sums, calendar.weekStart(start), rs.getLong(2), sign, sign * rs.getLong(3));
                }, utc(first.atStartOfDay(calendar.zone()).toInstant()),
                utc(last.plusWeeks(1).atStartOfDay(calendar.zone()).toInstant()), utcNow, utcNow, utcNow);
        sums.values().removeIf(v -> v[0] == 0 && v[1] == 0);
        List<Long> unnamed = sums.keySet().stream().map(key -> (Long) key.get(1)).filter(id -> !names.containsKey(id))
                .distinct().toList();
        for (Long id : unnamed) {
            names.put(id, jdbc.queryForObject("select name from tutors where id = ?", String.class, id));
        }
        return sums.entrySet().stream()
                .map(e -> new TutorWeek((LocalDate) e.getKey().get(0), (Long) e.getKey().get(1),
                        names.get((Long) e.getKey().get(1)), e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparing(TutorWeek::weekStart)
                        .thenComparing(TutorWeek::tutorName, String.CASE_INSENSITIVE_ORDER)
                        .thenComparingLong(TutorWeek::tutorId))
                .toList();
    }

    /** @return the business calendar as the settings row has it now */
    private Calendar calendar() {
        return jdbc.queryForObject("select time_zone, locale from business_settings where id = 1",
                (rs, i) -> Calendar.of(rs.getString(1), rs.getString(2)));
    }

    private static void add(Map<List<Object>, long[]> sums, LocalDate week, long tutorId, long sessions,
            long minutes) {
        long[] sum = sums.computeIfAbsent(List.of(week, tutorId), k -> new long[2]);
        sum[0] += sessions;
        sum[1] += minutes;
    }

    /**
     * A change of the business time zone or first day of the week moves sessions between weeks: the
     * table is rebuilt in the settings' transaction, which has written (and so locked) the settings row.
     */
    @EventListener
    void calendarChanged(BusinessCalendarChanged change) {
        rebuildIn(jdbc, new Calendar(change.zone(), change.firstDayOfWeek()));
    }

    /**
     * Rebuilds the table from the sessions in the business calendar stored in {@code business_settings},
     * locking the settings row first (the order session writes take: settings, then totals), in the
     * caller's transaction. Public for the migration that fills the table (V26_2).
     */
    public static void recount(JdbcTemplate jdbc) {
        rebuildIn(jdbc, lockCalendar(jdbc));
    }

    /** @return the business calendar, its settings row locked for update until the caller's transaction ends */
    static Calendar lockCalendar(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select time_zone, locale from business_settings where id = 1 for update",
                (rs, i) -> Calendar.of(rs.getString(1), rs.getString(2)));
    }

    /** Rebuilds the table from the sessions in {@code calendar}, in the caller's transaction. */
    static void rebuildIn(JdbcTemplate jdbc, Calendar calendar) {
        jdbc.update("delete from tutor_week_totals");
        Map<String, Object> range = jdbc.queryForMap("select min(starts_at) as lo, max(starts_at) as hi"
                + " from tutoring_sessions");
        if (range.get("lo") == null) {
            return;
        }
        List<Object> params = new ArrayList<>();
        String local = localTimeSql("starts_at", calendar.zone(), instant(range.get("lo")), instant(range.get("hi")),
                params);
        String reference = "timestamp '" + calendar.reference() + " 00:00:00'";
        String week = "cast(timestampadd(DAY, 7 * floor(timestampdiff(DAY, " + reference + ", " + local + ") / 7), "
                + reference + ") as date)";
        jdbc.update("insert into tutor_week_totals (status, week_start, tutor_id, sessions, minutes)"
                + " select x.status, x.w, x.tutor_id, count(*), sum(x.duration_minutes) from (select " + week
                + " as w, tutor_id, status, duration_minutes from tutoring_sessions) x"
                + " group by x.status, x.w, x.tutor_id", params.toArray());
    }

    /**
     * SQL for the business-local wall-clock time of a UTC wall-clock column, for values between {@code lo}
     * and {@code hi}: the zone's offsets between its transitions in that range, as a CASE that both MariaDB
     * (whose time zone tables may be empty) and H2 evaluate.
     */
    static String localTimeSql(String column, ZoneId zone, Instant lo, Instant hi, List<Object> params) {
        ZoneRules rules = zone.getRules();
        StringBuilder offset = new StringBuilder("case");
        Instant at = lo;
        ZoneOffsetTransition next = rules.nextTransition(at);
        while (next != null && !next.getInstant().isAfter(hi)) {
            offset.append(" when ").append(column).append(" < ? then ").append(rules.getOffset(at).getTotalSeconds());
            params.add(utc(next.getInstant()));
            at = next.getInstant();
            next = rules.nextTransition(at);
        }
        int last = rules.getOffset(at).getTotalSeconds();
        // A zone without transitions in the range (UTC, Asia/Kolkata) is one offset.
        String seconds = at.equals(lo) ? String.valueOf(last) : offset.append(" else ").append(last).append(" end")
                .toString();
        return "timestampadd(SECOND, " + seconds + ", " + column + ")";
    }

    private static Instant instant(Object value) {
        if (value instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        throw new IllegalStateException("Unexpected type of starts_at: " + value.getClass());
    }

    /** Instants are stored as UTC wall-clock values (hibernate.jdbc.time_zone=UTC). */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
