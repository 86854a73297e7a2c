package com.tutordesk.session;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps {@code session_hour_totals} (V23_1) equal to a count of {@code tutoring_sessions} grouped by UTC
 * hour of start, stored status, billing state, report state and "billable" (client amount above 0), in
 * the same transaction as every write to a session (issue 20: "kept up to date in the same transaction
 * as every write that changes a session's amounts, state or date").
 *
 * <p>How: {@link SessionTotalsListener} reports each insert, update and delete of a {@link TutoringSession}
 * as a change from one {@link Counted} to another; the changes of a transaction are summed per key here
 * and written once, in key order (so two transactions never lock the same totals rows in opposite
 * orders), by a Hibernate before-completion callback: after Hibernate's last flush, before the commit.
 * A rollback throws them away with the rest. The same write keeps {@code tutor_week_totals}
 * ({@link TutorWeekTotals}: sessions per tutor and business week, for the dashboard). Writes that bypass the entity (plain SQL) must call
 * {@link #rebuild()} — only the demo loader and tests do.
 */
@Component
public class SessionHourTotals {

    /** Hours are counted from this UTC instant (the {@code utc_hour} column). */
    static final Instant EPOCH = Instant.parse("2000-01-01T00:00:00Z");

    private static final String UPSERT = """
            insert into session_hour_totals (utc_hour, status, billing_state, report_state, billable, sessions,
                   minutes, client_amount_minor, tutor_earnings_minor, prepaid_amount_minor)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on duplicate key update sessions = sessions + ?, minutes = minutes + ?,
                   client_amount_minor = client_amount_minor + ?, tutor_earnings_minor = tutor_earnings_minor + ?,
                   prepaid_amount_minor = prepaid_amount_minor + ?
            """;

    private static final String CLIENT_UPSERT = """
            insert into client_unbilled_totals (client_id, sessions, client_amount_minor) values (?, ?, ?)
            on duplicate key update sessions = sessions + ?, client_amount_minor = client_amount_minor + ?
            """;

    private static final String TUTOR_WEEK_UPSERT = """
            insert into tutor_week_totals (status, week_start, tutor_id, sessions, minutes) values (?, ?, ?, ?, ?)
            on duplicate key update sessions = sessions + ?, minutes = minutes + ?
            """;

    /** Sessions unbilled by what is stored, as {@link Counted#storedUnbilled()} says, on {@code s}. */
    private static final String STORED_UNBILLED = "s.billing_state = 'UNBILLED' and s.client_amount_minor - s.prepaid_amount_minor > 0"
            + " and s.status in ('COMPLETED', 'LATE_CANCELLED')";

    @PersistenceContext
    private EntityManager em;

    private final JdbcTemplate jdbc;

    SessionHourTotals(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What one session adds to the totals.
     *
     * @param utcHour      whole hours from {@link #EPOCH} to the start
     * @param minutes      duration in minutes
     * @param clientAmount client amount, minor units
     * @param tutorAmount  tutor earnings, minor units
     * @param prepaidAmount part of the client amount covered by prepaid packages, minor units
     * @param tutorId      the session's tutor ({@link TutorWeekTotals})
     * @param startsAt     the start, whose business-local date {@link TutorWeekTotals} counts it on
     * @param sessionId    the session
     * @param people       its student, client, tutor and subject ids, whose names it copies as sort keys
     */
    record Counted(Key key, long clientId, int minutes, long clientAmount, long tutorAmount, long prepaidAmount,
            long tutorId, Instant startsAt, Long sessionId, List<Long> people) {

        static Counted of(TutoringSession s) {
            // Billable: something left to invoice once packages have covered their part (issue 17).
            long billable = s.getClientAmountMinor() - s.getPrepaidAmountMinor();
            return new Counted(new Key(hourOf(s.getStartsAt()), s.getStatus().name(), s.getBillingState().name(),
                    reportState(s).name(), billable > 0), s.getClientId(), s.getDurationMinutes(),
                    s.getClientAmountMinor(), s.getTutorEarningsMinor(), s.getPrepaidAmountMinor(), s.getTutorId(),
                    s.getStartsAt(), s.getId(), List.of(s.getStudentId(), s.getClientId(), s.getTutorId(),
                            s.getSubjectId()));
        }

        /**
         * Unbilled by what is stored (billable, completed or late-cancelled, on no invoice): what
         * {@code client_unbilled_totals} counts; scheduled sessions that have ended are added at read time.
         */
        boolean storedUnbilled() {
            return key.billingState().equals("UNBILLED") && key.billable()
                    && (key.status().equals("COMPLETED") || key.status().equals("LATE_CANCELLED"));
        }

        private static ReportState reportState(TutoringSession s) {
            if (s.getReportSentAt() != null) {
                return ReportState.SENT;
            }
            return s.getReport() == null ? ReportState.NONE : ReportState.WRITTEN;
        }
    }

    /** One row of the totals table. */
    record Key(int utcHour, String status, String billingState, String reportState, boolean billable)
            implements Comparable<Key> {

        @Override
        public int compareTo(Key o) {
            int c = Integer.compare(utcHour, o.utcHour);
            c = c != 0 ? c : status.compareTo(o.status);
            c = c != 0 ? c : billingState.compareTo(o.billingState);
            c = c != 0 ? c : reportState.compareTo(o.reportState);
            return c != 0 ? c : Boolean.compare(billable, o.billable);
        }
    }

    /** A session's place in {@code tutor_week_totals} before its start is read in the business calendar. */
    private record TutorStart(long tutorId, Instant startsAt, String status) {
    }

    /** One row of {@code tutor_week_totals}, in the order rows are written (its primary key's). */
    private record TutorWeek(String status, java.time.LocalDate weekStart, long tutorId)
            implements Comparable<TutorWeek> {

        @Override
        public int compareTo(TutorWeek o) {
            int c = status.compareTo(o.status);
            c = c != 0 ? c : weekStart.compareTo(o.weekStart);
            return c != 0 ? c : Long.compare(tutorId, o.tutorId);
        }
    }

    /** Sums of one key within one transaction. */
    private static final class Delta {
        long sessions;
        long minutes;
        long client;
        long tutor;
        long prepaid;

        boolean isZero() {
            return sessions == 0 && minutes == 0 && client == 0 && tutor == 0 && prepaid == 0;
        }
    }

    /** The changes of one transaction, written before it commits. */
    private final class Pending {
        final Map<Key, Delta> deltas = new TreeMap<>();
        final Map<Long, Delta> clients = new TreeMap<>();
        final Map<TutorStart, Delta> tutorStarts = new java.util.HashMap<>();
        /** Sessions logged or moved to other people in this transaction: their name sort keys are copied again. */
        final java.util.SortedSet<Long> renamed = new java.util.TreeSet<>();
        /** Written: a change arriving now (after the last flush) would be lost, so it fails instead. */
        boolean written;

        void add(Counted counted, int sign) {
            if (written) {
                throw new IllegalStateException("A session changed after its transaction's totals were written");
            }
            if (counted.storedUnbilled()) {
                Delta c = clients.computeIfAbsent(counted.clientId(), k -> new Delta());
                c.sessions += sign;
                c.client += sign * (counted.clientAmount() - counted.prepaidAmount());
            }
            Delta t = tutorStarts.computeIfAbsent(new TutorStart(counted.tutorId(), counted.startsAt(),
                    counted.key().status()), k -> new Delta());
            t.sessions += sign;
            t.minutes += (long) sign * counted.minutes();
            Delta d = deltas.computeIfAbsent(counted.key(), k -> new Delta());
            d.sessions += sign;
            d.minutes += (long) sign * counted.minutes();
            d.client += sign * counted.clientAmount();
            d.tutor += sign * counted.tutorAmount();
            d.prepaid += sign * counted.prepaidAmount();
        }

        void write(SharedSessionContractImplementor session) {
            written = true;
            deltas.values().removeIf(Delta::isZero);
            clients.values().removeIf(Delta::isZero);
            tutorStarts.values().removeIf(Delta::isZero);
            if (deltas.isEmpty() && clients.isEmpty() && tutorStarts.isEmpty() && renamed.isEmpty()) {
                return;
            }
            session.doWork(connection -> {
                if (!renamed.isEmpty()) {
                    copySortNames(connection, renamed);
                }
                // The calendar first, under a shared lock on the settings row: a change of zone or first
                // day of the week (which rebuilds tutor_week_totals holding that row) waits for this
                // transaction or is waited for.
                Map<TutorWeek, Delta> tutorWeeks = new TreeMap<>();
                if (!tutorStarts.isEmpty()) {
                    TutorWeekTotals.Calendar calendar = businessCalendar(connection);
                    tutorStarts.forEach((start, delta) -> {
                        Delta week = tutorWeeks.computeIfAbsent(new TutorWeek(start.status(),
                                calendar.weekStart(start.startsAt()), start.tutorId()), k -> new Delta());
                        week.sessions += delta.sessions;
                        week.minutes += delta.minutes;
                    });
                    tutorWeeks.values().removeIf(Delta::isZero);
                }
                try (PreparedStatement upsert = connection.prepareStatement(CLIENT_UPSERT)) {
                    for (Map.Entry<Long, Delta> e : clients.entrySet()) {
                        upsert.setLong(1, e.getKey());
                        upsert.setLong(2, e.getValue().sessions);
                        upsert.setLong(3, e.getValue().client);
                        upsert.setLong(4, e.getValue().sessions);
                        upsert.setLong(5, e.getValue().client);
                        upsert.addBatch();
                    }
                    upsert.executeBatch();
                }
                try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                    for (Map.Entry<Key, Delta> e : deltas.entrySet()) {
                        Key k = e.getKey();
                        Delta d = e.getValue();
                        upsert.setInt(1, k.utcHour());
                        upsert.setString(2, k.status());
                        upsert.setString(3, k.billingState());
                        upsert.setString(4, k.reportState());
                        upsert.setBoolean(5, k.billable());
                        upsert.setLong(6, d.sessions);
                        upsert.setLong(7, d.minutes);
                        upsert.setLong(8, d.client);
                        upsert.setLong(9, d.tutor);
                        upsert.setLong(10, d.prepaid);
                        upsert.setLong(11, d.sessions);
                        upsert.setLong(12, d.minutes);
                        upsert.setLong(13, d.client);
                        upsert.setLong(14, d.tutor);
                        upsert.setLong(15, d.prepaid);
                        upsert.addBatch();
                    }
                    upsert.executeBatch();
                }
                try (PreparedStatement upsert = connection.prepareStatement(TUTOR_WEEK_UPSERT)) {
                    for (Map.Entry<TutorWeek, Delta> e : tutorWeeks.entrySet()) {
                        upsert.setString(1, e.getKey().status());
                        upsert.setObject(2, e.getKey().weekStart());
                        upsert.setLong(3, e.getKey().tutorId());
                        upsert.setLong(4, e.getValue().sessions);
                        upsert.setLong(5, e.getValue().minutes);
                        upsert.setLong(6, e.getValue().sessions);
                        upsert.setLong(7, e.getValue().minutes);
                        upsert.addBatch();
                    }
                    upsert.executeBatch();
                }
            });
            deltas.clear();
            clients.clear();
            tutorStarts.clear();
            renamed.clear();
        }
    }

    /**
     * Copies the names of each session's student, client, tutor and subject onto it again, read by the
     * update itself: a locking read that sees a rename committed after this transaction loaded the
     * engagement (whose entities carry the names {@link TutoringSession} copied), or makes a rename
     * that comes later wait, so that {@link SessionSortKeys} then finds the row.
     */
    private static void copySortNames(java.sql.Connection connection, java.util.SortedSet<Long> ids)
            throws java.sql.SQLException {
        String in = String.join(", ", ids.stream().map(String::valueOf).toList());
        try (java.sql.Statement update = connection.createStatement()) {
            update.executeUpdate(SessionSortKeys.COPY_NAMES + " where id in (" + in + ")");
        }
    }

    /** The business calendar, read under a shared lock (on H2, the single-node default, an exclusive one). */
    private static TutorWeekTotals.Calendar businessCalendar(java.sql.Connection connection)
            throws java.sql.SQLException {
        boolean h2 = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("h2");
        // H2 has no shared row locks: a single node takes the row for update (its commits serialise here).
        try (PreparedStatement select = connection.prepareStatement("select time_zone, locale from business_settings"
                + " where id = 1" + (h2 ? " for update" : " lock in share mode"));
                java.sql.ResultSet rs = select.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("business_settings row 1 is missing");
            }
            return TutorWeekTotals.Calendar.of(rs.getString(1), rs.getString(2));
        }
    }

    /** @return whole hours from {@link #EPOCH} to {@code instant} (floor, so earlier instants are negative) */
    static int hourOf(Instant instant) {
        return Math.toIntExact(Math.floorDiv(instant.getEpochSecond() - EPOCH.getEpochSecond(), 3600L));
    }

    /** @return the UTC start of an hour number, as stored instants are compared (UTC wall clock) */
    static LocalDateTime startOfHour(int utcHour) {
        return LocalDateTime.ofInstant(EPOCH.plusSeconds(utcHour * 3600L), ZoneOffset.UTC);
    }

    /**
     * Records that a session's contribution changed from {@code before} to {@code after} in the current
     * transaction ({@code null} before: inserted; {@code null} after: deleted).
     *
     * @throws IllegalStateException outside a transaction that can write
     */
    void changed(Counted before, Counted after) {
        if (before != null && before.equals(after)) {
            return;
        }
        Pending pending = pending();
        if (after != null && after.sessionId() != null && (before == null || !before.people().equals(after.people()))) {
            if (pending.written) {
                throw new IllegalStateException("A session changed after its transaction's totals were written");
            }
            pending.renamed.add(after.sessionId());
        }
        if (before != null) {
            pending.add(before, -1);
        }
        if (after != null) {
            pending.add(after, +1);
        }
    }

    private Pending pending() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            throw new IllegalStateException("A session was written outside a read-write transaction");
        }
        // Keyed by the Hibernate session of this transaction, not by this bean: a transaction started
        // inside another (REQUIRES_NEW, an event listener after commit) has its own session, so its
        // changes are written with it, never lost into the outer one's.
        SharedSessionContractImplementor session = em.unwrap(SharedSessionContractImplementor.class);
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(session);
        if (pending == null) {
            Pending created = new Pending();
            TransactionSynchronizationManager.bindResource(session, created);
            // Hibernate runs the first after its last flush, so changes flushed at commit are in.
            session.getTransactionCompletionCallbacks()
                    .registerCallback((TransactionCompletionCallbacks.BeforeCompletionCallback) created::write);
            session.getTransactionCompletionCallbacks().registerCallback(
                    (TransactionCompletionCallbacks.AfterCompletionCallback) (success, s) ->
                            TransactionSynchronizationManager.unbindResourceIfPossible(s));
            TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            TransactionSynchronizationManager.unbindResourceIfPossible(session);
                        }
                    });
            pending = created;
        }
        return pending;
    }

    /**
     * Recounts the whole table from the sessions (one statement). For writes that went around the
     * entity: the demo loader's batch inserts and tests that change rows with SQL. Takes a write lock on
     * every totals row, so a concurrent session write waits for it.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void rebuild() {
        recount(jdbc);
    }

    /**
     * {@link #rebuild()} on a given connection pool, in the caller's transaction if any: for tests that
     * write session rows with SQL into a running application's database.
     */
    public static void recount(JdbcTemplate jdbc) {
        // One transaction (joined when the caller has one), so no write lands between delete and insert.
        org.springframework.transaction.support.TransactionTemplate tx = new org.springframework.transaction.support
                .TransactionTemplate(new org.springframework.jdbc.datasource.DataSourceTransactionManager(
                        jdbc.getDataSource()));
        // Read committed: the INSERT ... SELECTs then read the sessions without locking them (at repeatable
        // read they would lock every session row and deadlock with a session write waiting for the settings
        // row); a write committed after this recount read applies its change on top.
        tx.setIsolationLevel(org.springframework.transaction.TransactionDefinition.ISOLATION_READ_COMMITTED);
        tx.executeWithoutResult(status -> recountNow(jdbc));
    }

    private static void recountNow(JdbcTemplate jdbc) {
        // The settings row first, in the order session writes lock (settings, then the totals).
        TutorWeekTotals.Calendar calendar = TutorWeekTotals.lockCalendar(jdbc);
        jdbc.update("delete from client_unbilled_totals");
        jdbc.update("insert into client_unbilled_totals (client_id, sessions, client_amount_minor)"
                + " select s.client_id, count(*), sum(s.client_amount_minor - s.prepaid_amount_minor) from tutoring_sessions s where "
                + STORED_UNBILLED + " group by s.client_id");
        jdbc.update("delete from session_hour_totals");
        jdbc.update("""
                insert into session_hour_totals (utc_hour, status, billing_state, report_state, billable, sessions,
                       minutes, client_amount_minor, tutor_earnings_minor, prepaid_amount_minor)
                select timestampdiff(HOUR, '2000-01-01 00:00:00', starts_at), status, billing_state,
                       case when report_sent_at is not null then 'SENT' when report is null then 'NONE' else 'WRITTEN' end,
                       client_amount_minor - prepaid_amount_minor > 0, count(*), sum(duration_minutes),
                       sum(client_amount_minor), sum(tutor_earnings_minor), sum(prepaid_amount_minor)
                from tutoring_sessions
                group by timestampdiff(HOUR, '2000-01-01 00:00:00', starts_at), status, billing_state,
                       case when report_sent_at is not null then 'SENT' when report is null then 'NONE' else 'WRITTEN' end,
                       client_amount_minor - prepaid_amount_minor > 0
                """);
        TutorWeekTotals.rebuildIn(jdbc, calendar);
    }

    // ---- reading ----

    /**
     * How many clients have unbilled sessions now (the Payments page's and the dashboard's "clients to
     * invoice"; {@link BillingState#UNBILLED}): those with a stored-unbilled count above 0, plus those
     * whose only unbilled sessions are scheduled ones that have ended and are not promoted yet.
     *
     * @param now the current instant
     */
    @Transactional(readOnly = true)
    public long clientsWithUnbilledSessions(Instant now) {
        LocalDateTime utc = SessionListSql.utc(now);
        Long count = jdbc.queryForObject("select (select count(*) from client_unbilled_totals u where u.sessions > 0)"
                + " + (select count(distinct s.client_id) from tutoring_sessions s where s.status = 'SCHEDULED'"
                + " and s.starts_at <= ? and s.ends_at <= ? and s.billing_state = 'UNBILLED'"
                + " and s.client_amount_minor - s.prepaid_amount_minor > 0"
                + " and not exists (select 1 from client_unbilled_totals u where u.client_id = s.client_id"
                + " and u.sessions > 0))", Long.class, utc, utc);
        return count == null ? 0 : count;
    }

    /**
     * Count and sums of a set of sessions.
     *
     * @param sessions           how many
     * @param minutes            their durations, minutes
     * @param clientAmountMinor  client amounts, minor units
     * @param tutorEarningsMinor tutor earnings, minor units
     * @param prepaidAmountMinor the part of the client amounts that prepaid packages cover, minor units
     */
    public record Sums(long sessions, long minutes, long clientAmountMinor, long tutorEarningsMinor,
            long prepaidAmountMinor) {
    }

    private static final String SUMS = "select count(*) as c1, coalesce(sum(s.duration_minutes), 0) as c2,"
            + " coalesce(sum(s.client_amount_minor), 0) as c3, coalesce(sum(s.tutor_earnings_minor), 0) as c4,"
            + " coalesce(sum(s.prepaid_amount_minor), 0) as c5 from tutoring_sessions s";

    /**
     * Rows whose match of a filter depends on the clock, not only on their totals key: scheduled
     * sessions that have ended but are not promoted yet, and completed ones that start in the future.
     * Both are few (the promoter runs every minute) and found on {@code ix_sessions_status_start_sums}.
     * Parameters: now, now, now.
     */
    private static final String CLOCK_DEPENDENT = "((s.status = 'SCHEDULED' and s.starts_at <= ? and s.ends_at <= ?)"
            + " or (s.status = 'COMPLETED' and s.starts_at > ?))";

    /** @return whether {@link #sum} can answer the filter: one naming no person, subject or search text */
    static boolean canAnswer(SessionFilter filter) {
        return filter.tutorId() == null && filter.clientId() == null && filter.studentId() == null
                && filter.subjectId() == null && filter.text() == null;
    }

    /**
     * The count and sums of every session matching {@code filter} (no tutor scope: an admin's view), equal
     * to counting the sessions with {@link SessionListSql#where}: whole UTC hours of the date range are
     * read from the totals, the partial hours at its ends (zones with a half-hour offset) and the
     * clock-dependent rows from the sessions.
     *
     * @param zone business time zone in which the filter's dates are read
     * @param now  the current instant
     * @throws IllegalArgumentException when {@link #canAnswer} is false
     */
    @Transactional(readOnly = true)
    public Sums sum(SessionFilter filter, java.time.ZoneId zone, Instant now) {
        if (!canAnswer(filter)) {
            throw new IllegalArgumentException("Hour totals cannot answer a filter by person, subject or text");
        }
        Instant from = filter.dates().from() == null ? null : filter.dates().from().atStartOfDay(zone).toInstant();
        Instant to = filter.dates().to() == null ? null : filter.dates().to().plusDays(1).atStartOfDay(zone).toInstant();
        Integer firstHour = from == null ? null : hourOf(from.plusSeconds(3599));
        Integer endHour = to == null ? null : hourOf(to);
        SessionListSql.Where live = SessionListSql.where(filter, null, zone, now);
        Parts parts = new Parts();
        if (firstHour != null && endHour != null && firstHour >= endHour) {
            // Less than two hours: no whole hour to read from the totals.
            parts.add(+1, SUMS + live.sql, live.params);
            return parts.sum(jdbc);
        }
        // Whole hours from the totals, by the filter's conditions on the key.
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select coalesce(sum(t.sessions), 0) as c1, coalesce(sum(t.minutes), 0) as c2,"
                + " coalesce(sum(t.client_amount_minor), 0) as c3, coalesce(sum(t.tutor_earnings_minor), 0) as c4,"
                + " coalesce(sum(t.prepaid_amount_minor), 0) as c5"
                + " from session_hour_totals t where " + keyCondition(filter, "t.status", "t.billing_state",
                        "t.report_state", "t.billable = true", "t.billable = false"));
        StringBuilder hours = new StringBuilder();
        List<Object> hourParams = new ArrayList<>();
        if (firstHour != null) {
            sql.append(" and t.utc_hour >= ?");
            params.add(firstHour);
            hours.append(" and s.starts_at >= ?");
            hourParams.add(startOfHour(firstHour));
        }
        if (endHour != null) {
            sql.append(" and t.utc_hour < ?");
            params.add(endHour);
            hours.append(" and s.starts_at < ?");
            hourParams.add(startOfHour(endHour));
        }
        parts.add(+1, sql.toString(), params);
        // Partial hours at the ends, counted from the sessions.
        if (from != null && !startOfHour(firstHour).equals(SessionListSql.utc(from))) {
            parts.add(+1, SUMS + live.sql + " and s.starts_at < ?", concat(live.params, List.of(startOfHour(firstHour))));
        }
        if (to != null && !startOfHour(endHour).equals(SessionListSql.utc(to))) {
            parts.add(+1, SUMS + live.sql + " and s.starts_at >= ?", concat(live.params, List.of(startOfHour(endHour))));
        }
        // Clock-dependent rows inside the whole hours: take out what the totals counted them as, add
        // what the filter says of them now.
        LocalDateTime utcNow = SessionListSql.utc(now);
        List<Object> clockParams = concat(List.of(utcNow, utcNow, utcNow), hourParams);
        String storedKey = keyCondition(filter, "s.status", "s.billing_state",
                "case when s.report_sent_at is not null then 'SENT' when s.report is null then 'NONE' else 'WRITTEN' end",
                "s.client_amount_minor - s.prepaid_amount_minor > 0", "s.client_amount_minor - s.prepaid_amount_minor = 0");
        parts.add(-1, SUMS + " where " + CLOCK_DEPENDENT + hours + " and " + storedKey, clockParams);
        parts.add(+1, SUMS + live.sql + " and " + CLOCK_DEPENDENT + hours, concat(live.params, clockParams));
        return parts.sum(jdbc);
    }

    /** Signed sums of several queries, read in one statement (one round trip for the list's footer). */
    private static final class Parts {
        private final List<String> signedAliases = new ArrayList<>();
        private final List<String> tables = new ArrayList<>();
        private final List<Object> params = new ArrayList<>();

        /** @param sql one row of columns c1 (count), c2 (minutes), c3 (client amounts), c4 (tutor earnings) */
        void add(int sign, String sql, List<Object> values) {
            String alias = "p" + tables.size();
            signedAliases.add((sign < 0 ? " - " : " + ") + alias);
            tables.add("(" + sql + ") " + alias);
            params.addAll(values);
        }

        Sums sum(JdbcTemplate jdbc) {
            List<String> columns = new ArrayList<>();
            for (int c = 1; c <= 5; c++) {
                StringBuilder column = new StringBuilder("0");
                for (String alias : signedAliases) {
                    column.append(alias).append(".c").append(c);
                }
                columns.add(column.toString());
            }
            String sql = "select " + String.join(", ", columns) + " from " + String.join(" cross join ", tables);
            return jdbc.queryForObject(sql, SUMS_ROW, params.toArray());
        }
    }

    private static List<Object> concat(List<Object> a, List<Object> b) {
        List<Object> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static final org.springframework.jdbc.core.RowMapper<Sums> SUMS_ROW = (rs, i) -> new Sums(rs.getLong(1),
            rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));

    /**
     * The filter's status, report and billing conditions as they read the totals key: exact for every
     * row that is not clock-dependent (a scheduled row there has not ended; a completed one has started).
     * No bind parameters: every value is an enum name.
     */
    static String keyCondition(SessionFilter filter, String status, String billing, String report,
            String billable, String notBillable) {
        StringBuilder where = new StringBuilder("1 = 1");
        if (filter.status() != null) {
            where.append(" and ").append(status).append(" = '").append(filter.status().name()).append("'");
        }
        if (filter.report() != null) {
            where.append(" and ").append(report).append(" = '").append(filter.report().name()).append("'");
        }
        if (filter.billing() != null) {
            where.append(" and ").append(switch (filter.billing()) {
                case UNBILLED -> billing + " = 'UNBILLED' and " + billable + " and " + status
                        + " in ('COMPLETED', 'LATE_CANCELLED')";
                case UPCOMING -> billing + " = 'UNBILLED' and " + status + " = 'SCHEDULED'";
                case NOT_BILLABLE -> billing + " = 'UNBILLED' and (" + status + " = 'CANCELLED' or (" + notBillable
                        + " and " + status + " <> 'SCHEDULED'))";
                default -> billing + " = '" + filter.billing().name() + "'";
            });
        }
        return where.toString();
    }
}
