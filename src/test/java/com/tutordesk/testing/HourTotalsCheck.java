package com.tutordesk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 20: the hour totals and the per-client unbilled totals that the session module keeps on every
 * write must equal a count of the sessions from scratch. Tests whose writes go through the services
 * (logging, editing, invoicing, prepaid packages) call this afterwards.
 */
public final class HourTotalsCheck {

    private HourTotalsCheck() {
    }

    /** Asserts that the kept tables (hour, per-client unbilled, tutor week totals) equal a recount of {@code tutoring_sessions}. */
    public static void assertAgreeWithSessions(JdbcTemplate jdbc) {
        assertThat(rows(jdbc, "select utc_hour, status, billing_state, report_state, billable, sessions, minutes,"
                + " client_amount_minor, tutor_earnings_minor, prepaid_amount_minor from session_hour_totals"
                + " where sessions <> 0 or minutes <> 0 or client_amount_minor <> 0 or tutor_earnings_minor <> 0"
                + " or prepaid_amount_minor <> 0 order by utc_hour, status, billing_state, report_state, billable"))
                .as("hour totals against a recount").isEqualTo(rows(jdbc, """
                        select timestampdiff(HOUR, '2000-01-01 00:00:00', starts_at) as h, status, billing_state,
                               case when report_sent_at is not null then 'SENT' when report is null then 'NONE'
                                    else 'WRITTEN' end as r,
                               client_amount_minor - prepaid_amount_minor > 0 as b, count(*), sum(duration_minutes),
                               sum(client_amount_minor), sum(tutor_earnings_minor), sum(prepaid_amount_minor)
                        from tutoring_sessions
                        group by timestampdiff(HOUR, '2000-01-01 00:00:00', starts_at), status, billing_state,
                               case when report_sent_at is not null then 'SENT' when report is null then 'NONE'
                                    else 'WRITTEN' end,
                               client_amount_minor - prepaid_amount_minor > 0
                        order by 1, 2, 3, 4, 5
                        """));
        assertThat(rows(jdbc, "select client_id, 0, '', '', false, sessions, 0, client_amount_minor, 0, 0"
                + " from client_unbilled_totals where sessions <> 0 or client_amount_minor <> 0 order by client_id"))
                .as("per-client unbilled totals against a recount")
                .isEqualTo(rows(jdbc, "select client_id, 0, '', '', false, count(*), 0,"
                        + " sum(client_amount_minor - prepaid_amount_minor), 0, 0 from tutoring_sessions"
                        + " where billing_state = 'UNBILLED' and client_amount_minor - prepaid_amount_minor > 0"
                        + " and status in ('COMPLETED', 'LATE_CANCELLED') group by client_id order by client_id"));
        assertTutorWeeksAgreeWithSessions(jdbc);
        assertThat(jdbc.queryForList("""
                select s.id from tutoring_sessions s
                join students st on st.id = s.student_id join clients c on c.id = s.client_id
                join tutors t on t.id = s.tutor_id join subjects sub on sub.id = s.subject_id
                where s.sort_student_name <> st.name or s.sort_client_name <> c.name or s.sort_tutor_name <> t.name
                   or s.sort_subject_name <> sub.name""", Long.class))
                .as("sessions whose name sort keys differ from the names they copy").isEmpty();
    }

    /**
     * Asserts that {@code tutor_week_totals} equals a count of the sessions by status, business week of
     * start and tutor, the weeks worked out here in Java (not by the SQL the table is built with) from the
     * settings row's time zone and locale.
     */
    public static void assertTutorWeeksAgreeWithSessions(JdbcTemplate jdbc) {
        java.util.Map<String, Object> settings = jdbc.queryForMap(
                "select time_zone, locale from business_settings where id = 1");
        java.time.ZoneId zone = java.time.ZoneId.of((String) settings.get("time_zone"));
        java.time.DayOfWeek firstDay = java.time.temporal.WeekFields.of(java.util.Locale.forLanguageTag(
                (String) settings.get("locale"))).getFirstDayOfWeek();
        java.util.Map<String, long[]> expected = new java.util.TreeMap<>();
        jdbc.query("select tutor_id, starts_at, status, duration_minutes from tutoring_sessions", rs -> {
            java.time.LocalDate week = rs.getObject(2, java.time.LocalDateTime.class).atOffset(java.time.ZoneOffset.UTC)
                    .atZoneSameInstant(zone).toLocalDate()
                    .with(java.time.temporal.TemporalAdjusters.previousOrSame(firstDay));
            long[] sums = expected.computeIfAbsent(rs.getString(3) + " " + week + " " + rs.getLong(1), k -> new long[2]);
            sums[0]++;
            sums[1] += rs.getLong(4);
        });
        java.util.Map<String, String> kept = new java.util.TreeMap<>();
        jdbc.query("select status, week_start, tutor_id, sessions, minutes from tutor_week_totals"
                + " where sessions <> 0 or minutes <> 0", rs -> {
                    kept.put(rs.getString(1) + " " + rs.getObject(2, java.time.LocalDate.class) + " " + rs.getLong(3),
                            rs.getLong(4) + " " + rs.getLong(5));
                });
        java.util.Map<String, String> recounted = new java.util.TreeMap<>();
        expected.forEach((key, sums) -> recounted.put(key, sums[0] + " " + sums[1]));
        assertThat(kept).as("tutor week totals against a recount in " + zone + ", weeks from " + firstDay)
                .isEqualTo(recounted);
    }

    /** Rows as text, so that the database's types of sums and booleans do not matter. */
    private static List<String> rows(JdbcTemplate jdbc, String sql) {
        return jdbc.query(sql, (rs, i) -> rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3) + " "
                + rs.getString(4) + " " + rs.getBoolean(5) + " " + rs.getLong(6) + " " + rs.getLong(7) + " "
                + rs.getLong(8) + " " + rs.getLong(9) + " " + rs.getLong(10));
    }
}
