package com.tutordesk.session;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the SQL of the sessions list from a filter, the viewer's scope and a sort. Everything the
 * user typed goes into bind parameters; column names come only from the enums below.
 *
 * <p>Shape of a page: the session ids of the page are found first on the narrow indexes (a
 * "deferred join"), then only those rows are joined with the names. Deep pages read the list
 * backwards when they are nearer the end than the start, so the last page costs what the first does.
 */
final class SessionListSql {

    /** Bind parameters collected while building a WHERE clause. */
    static final class Where {
        final StringBuilder sql = new StringBuilder(" where 1 = 1");
        final List<Object> params = new ArrayList<>();
        /** The name search's LIKE pattern, or {@code null} without a name search. */
        String namePattern;
        /** The WHERE without the name search, and its parameters (for {@link #totalsOfMatchedNames}). */
        String sqlWithoutName;
        List<Object> paramsWithoutName;
        /** Name tables the WHERE needs joined (none: the text search uses sub-queries). */
        private Where and(String condition, Object... values) {
            sql.append(" and ").append(condition);
            params.addAll(List.of(values));
            return this;
        }
    }

    private SessionListSql() {
    }

    /**
     * @param scopeTutorId tutor every row must belong to ({@code null} for admins)
     * @param zone         business zone in which the date range is read
     * @param now          the current instant (scheduled sessions that have ended count as completed)
     */
    static Where where(SessionFilter filter, Long scopeTutorId, ZoneId zone, Instant now) {
        Where where = new Where();
        if (scopeTutorId != null) {
            where.and("s.tutor_id = ?", scopeTutorId);
        }
        if (filter.dates().from() != null) {
            where.and("s.starts_at >= ?", utc(filter.dates().from().atStartOfDay(zone).toInstant()));
        }
        if (filter.dates().to() != null) {
            where.and("s.starts_at < ?", utc(filter.dates().to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        if (filter.tutorId() != null) {
            where.and("s.tutor_id = ?", filter.tutorId());
        }
        if (filter.clientId() != null) {
            where.and("s.client_id = ?", filter.clientId());
        }
        if (filter.studentId() != null) {
            where.and("s.student_id = ?", filter.studentId());
        }
        if (filter.subjectId() != null) {
            where.and("s.subject_id = ?", filter.subjectId());
        }
        if (filter.status() != null) {
            // The start bounds follow from the rules (a completed session started before now; a scheduled
            // one ends after now and lasts at most MAX_DURATION_MINUTES); they let the date index skip
            // the rows that cannot match, e.g. the weeks of scheduled sessions above the newest completed.
            Instant earliestOngoingStart = now.minusSeconds(TutoringSession.MAX_DURATION_MINUTES * 60L);
            switch (filter.status()) {
                case SCHEDULED -> where.and("s.status = 'SCHEDULED' and s.ends_at > ? and s.starts_at > ?", utc(now),
                        utc(earliestOngoingStart));
                case COMPLETED -> where.and("s.status in ('COMPLETED', 'SCHEDULED') and s.starts_at <= ?"
                        + " and (s.status = 'COMPLETED' or s.ends_at <= ?)", utc(now), utc(now));
                default -> where.and("s.status = ?", filter.status().name());
            }
        }
        if (filter.report() != null) {
            switch (filter.report()) {
                case NONE -> where.and("s.report is null and s.report_sent_at is null");
                case WRITTEN -> where.and("s.report is not null and s.report_sent_at is null");
                case SENT -> where.and("s.report_sent_at is not null");
            }
        }
        if (filter.billing() != null) {
            BillingState.SqlCondition billing = filter.billing().sql(now);
            where.and(billing.sql(), billing.params().toArray());
        }
        if (filter.text() != null) {
            String pattern = likePattern(filter.text());
            where.namePattern = pattern;
            where.sqlWithoutName = where.sql.toString();
            where.paramsWithoutName = List.copyOf(where.params);
            where.and("(s.student_id in (select x.id from students x where lower(x.name) like ? escape '!')"
                    + " or s.client_id in (select x.id from clients x where lower(x.name) like ? escape '!')"
                    + " or s.tutor_id in (select x.id from tutors x where lower(x.name) like ? escape '!'))",
                    pattern, pattern, pattern);
        }
        return where;
    }

    /** @return a {@code like ? escape '!'} pattern for "contains {@code text}", case-folded */
    static String likePattern(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        return "%" + value.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    private static final String SUMS =
            "select count(*), coalesce(sum(s.client_amount_minor), 0), coalesce(sum(s.tutor_earnings_minor), 0)";

    /** The count and both sums in one statement; sums read from the covering date index. */
    static String totals(Where where) {
        return SUMS + " from tutoring_sessions s" + where.sql;
    }

    /** How many students, clients and tutors a name search matches (three scans of small tables). */
    static final String MATCHED_PEOPLE = "select (select count(*) from students x where lower(x.name) like ? escape '!')"
            + " + (select count(*) from clients x where lower(x.name) like ? escape '!')"
            + " + (select count(*) from tutors x where lower(x.name) like ? escape '!')";

    /**
     * The count and sums of a name search read from the matched people's sessions: each matched
     * student, client and tutor is one range of its index, their union (a session may match twice)
     * is joined back by primary key, and the rest of the WHERE applies to those rows only. The plain
     * form ({@link #totals}) tests the three names on every session of the table instead (413 ms at a
     * million sessions for a name matching 33,000 of them); this one costs in proportion to the
     * matches, so it is for searches that match few people ({@link Where#namePattern} set).
     */
    static String totalsOfMatchedNames(Where where) {
        return SUMS + " from (select s1.id from students x join tutoring_sessions s1 on s1.student_id = x.id"
                + " where lower(x.name) like ? escape '!'"
                + " union select s2.id from clients x join tutoring_sessions s2 on s2.client_id = x.id"
                + " where lower(x.name) like ? escape '!'"
                + " union select s3.id from tutors x join tutoring_sessions s3 on s3.tutor_id = x.id"
                + " where lower(x.name) like ? escape '!') matched"
                + " join tutoring_sessions s on s.id = matched.id" + where.sqlWithoutName;
    }

    /** @return the parameters of {@link #totalsOfMatchedNames} */
    static List<Object> totalsOfMatchedNamesParams(Where where) {
        List<Object> params = new ArrayList<>(List.of(where.namePattern, where.namePattern, where.namePattern));
        params.addAll(where.paramsWithoutName);
        return params;
    }

    /** The count alone (index-only on MySQL for the common filters). */
    static String count(Where where) {
        return "select count(*) from tutoring_sessions s" + where.sql;
    }

    /**
     * A page of rows.
     *
     * @param reverse read from the end: the caller passes the offset counted from the end and
     *                reverses the rows it gets back
     */
    static String page(Where where, SessionSort sort, boolean reverse) {
        boolean ascending = sort.ascending() != reverse;
        String direction = ascending ? " asc" : " desc";
        String sortColumn = sortColumn(sort);
        String order = " order by " + sortColumn + direction + ", s.id" + direction;
        return "select s.id, s.starts_at, s.ends_at, s.duration_minutes, s.status, s.location, s.billing_state,"
                + " s.client_amount_minor, s.tutor_earnings_minor, s.rating, s.prepaid_minutes, s.remainder_minutes,"
                + " s.prepaid_amount_minor,"
                + " case when s.report_sent_at is not null then 'SENT'"
                + "      when s.report is null then 'NONE' else 'WRITTEN' end as report_state,"
                + " st.name as student_name, c.name as client_name, t.name as tutor_name, sub.name as subject_name"
                + " from (select s.id from tutoring_sessions s" + where.sql + order + " limit ? offset ?) page"
                + " join tutoring_sessions s on s.id = page.id"
                + " join students st on st.id = s.student_id"
                + " join clients c on c.id = s.client_id"
                + " join tutors t on t.id = s.tutor_id"
                + " join subjects sub on sub.id = s.subject_id"
                + order;
    }

    /**
     * The column a sort reads: for a name, the copy kept on the session row and indexed with the id
     * (V26_3), so that a first page reads 50 index entries.
     */
    private static String sortColumn(SessionSort sort) {
        return switch (sort.property()) {
            case DATE -> "s.starts_at";
            case STUDENT -> "s.sort_student_name";
            case CLIENT -> "s.sort_client_name";
            case TUTOR -> "s.sort_tutor_name";
            case SUBJECT -> "s.sort_subject_name";
            case DURATION -> "s.duration_minutes";
            case STATUS -> "s.status";
            case CLIENT_AMOUNT -> "s.client_amount_minor";
            case TUTOR_EARNINGS -> "s.tutor_earnings_minor";
        };
    }

    /** Same rows as {@link #page} but all of them, in order, for the CSV export (streamed). */
    static String export(Where where, SessionSort sort) {
        String sortColumn = sortColumn(sort);
        String direction = sort.ascending() ? " asc" : " desc";
        return "select s.id, s.starts_at, s.ends_at, s.duration_minutes, s.status, s.location, s.billing_state,"
                + " s.client_amount_minor, s.tutor_earnings_minor, s.rating, s.prepaid_minutes, s.remainder_minutes,"
                + " s.prepaid_amount_minor, s.report, s.internal_note,"
                + " case when s.report_sent_at is not null then 'SENT'"
                + "      when s.report is null then 'NONE' else 'WRITTEN' end as report_state,"
                + " st.name as student_name, c.name as client_name, t.name as tutor_name, sub.name as subject_name"
                + " from tutoring_sessions s"
                + " join students st on st.id = s.student_id"
                + " join clients c on c.id = s.client_id"
                + " join tutors t on t.id = s.tutor_id"
                + " join subjects sub on sub.id = s.subject_id"
                + where.sql + " order by " + sortColumn + direction + ", s.id" + direction;
    }

    /** Instants are stored as UTC wall-clock values (see hibernate.jdbc.time_zone=UTC). */
    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(Object value) {
        if (value instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        throw new IllegalArgumentException("Not a timestamp: " + value);
    }
}
