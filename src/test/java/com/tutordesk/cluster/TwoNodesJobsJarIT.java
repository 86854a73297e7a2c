package com.tutordesk.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.tutordesk.testing.MariaDb;
import com.tutordesk.testing.PackagedApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The background jobs added after the mail outbox — session reminders (issue 14), the billing run and
 * overdue reminders (issue 15) — on two nodes of the packaged jar on one MariaDB, each killed with
 * SIGKILL in the middle of its work: the other node takes the job over and finishes it, and nothing is
 * done twice (one invoice per client of the run, one reminder email per session, one overdue reminder
 * per invoice).
 *
 * <p>How "in the middle" is made certain: before the work appears, the test holds a database lock on
 * the third item of each job (an uncommitted row with the key the job will insert, or the row the job
 * locks first: the third overdue invoice, the run's third client), so each job does two items and waits there. The node holding a job
 * is killed; the test then lets its locks go. If the two nodes shared the jobs, a third node is started
 * and the second holder is killed too. The times are written to target/cluster/two-nodes-jobs.md.
 */
class TwoNodesJobsJarIT {

    static final String DATABASE = "tutordesk_two_nodes_jobs";
    static final String SESSION_REMINDERS = "session-reminders";
    static final String OVERDUE_REMINDERS = "invoice-overdue-reminders";
    static final String BILLING_RUN = "billing-run";
    /** Items per job; the third is where each job waits. */
    static final int ITEMS = 5;
    static final int BLOCKED = 2;

    private final List<PackagedApp> nodes = new ArrayList<>();
    private final List<Connection> holds = new ArrayList<>();
    private String url;

    @AfterEach
    void stopNodesAndLetLocksGo() {
        nodes.forEach(PackagedApp::kill);
        holds.forEach(TwoNodesJobsJarIT::rollBackAndClose);
        if (url != null) {
            new JdbcTemplate(dataSource()).execute("set global innodb_lock_wait_timeout = 50");
        }
    }

    @Test
    void reminders_and_a_billing_run_killed_in_the_middle_are_finished_by_the_other_node_without_doing_anything_twice()
            throws Exception {
        Instant testStart = Instant.now();
        MariaDb.drop(DATABASE);
        url = MariaDb.jdbcUrl(DATABASE);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource());
        // A job waits on the test's locks while a third node starts (a minute on two busy cores), not 50 s.
        jdbc.execute("set global innodb_lock_wait_timeout = 600");

        CompletableFuture<PackagedApp> a = CompletableFuture.supplyAsync(() -> node("node-a"));
        CompletableFuture<PackagedApp> b = CompletableFuture.supplyAsync(() -> node("node-b"));
        Map<String, PackagedApp> byName = new LinkedHashMap<>();
        byName.put("node-a", a.join());
        byName.put("node-b", b.join());
        Instant bothReady = Instant.now();
        jdbc.update("update schedule_settings set reminders_enabled = true, reminder_hours_before = 24 where id = 1");

        Instant started = Instant.now().minusSeconds(1);
        List<Long> sessions = sessionReminderWork(jdbc);
        List<Long> invoices = overdueReminderWork(jdbc);
        long run = billingRunWork(jdbc);

        awaitWithState(jdbc, "each job did two items and waits at the third", Duration.ofSeconds(120), () -> String.format(
                "session reminders %d, overdue reminders %d, billing run clients %s",
                count(jdbc, "select count(*) from session_reminders where session_id in " + in(sessions)),
                count(jdbc, "select count(*) from invoice_reminders where invoice_id in " + in(invoices)),
                jdbc.queryForList("select concat(client_id, ':', outcome) from billing_run_clients where run_id = ?"
                        + " order by position", String.class, run)), () ->
                count(jdbc, "select count(*) from session_reminders where session_id in " + in(sessions)) == BLOCKED
                        && count(jdbc, "select count(*) from invoice_reminders where invoice_id in " + in(invoices))
                        == BLOCKED
                        && count(jdbc, "select count(*) from billing_run_clients where run_id = " + run
                        + " and outcome <> 'PENDING'") == BLOCKED
                        && count(jdbc, "select count(*) from information_schema.innodb_trx"
                        + " where trx_state = 'LOCK WAIT'") >= 3);
        Map<String, String> holders = new LinkedHashMap<>();
        jdbc.query("select task_name, picked_by from scheduled_tasks where picked and task_name in (?, ?, ?)",
                rs -> {
                    holders.put(rs.getString(1), rs.getString(2));
                }, SESSION_REMINDERS, OVERDUE_REMINDERS, BILLING_RUN);
        assertThat(holders).containsOnlyKeys(SESSION_REMINDERS, OVERDUE_REMINDERS, BILLING_RUN);

        // Kill each node that holds a job, letting its jobs' locks go; a third node replaces the first one killed.
        List<String> report = new ArrayList<>();
        Instant firstKill = null;
        List<String> killOrder = holders.values().stream().distinct().toList();
        for (String holder : killOrder) {
            if (holder.equals(killOrder.getLast()) && killOrder.size() == 2) {
                Instant thirdStart = Instant.now();
                byName.put("node-c", node("node-c"));
                report.add(String.format("| a third node started while node %s's jobs wait | %.1f |", holder,
                        seconds(thirdStart, Instant.now())));
            }
            byName.get(holder).kill();
            Instant killedAt = Instant.now();
            firstKill = firstKill == null ? killedAt : firstKill;
            for (Map.Entry<String, String> job : holders.entrySet()) {
                if (job.getValue().equals(holder)) {
                    rollBackAndClose(holds.get(List.of(SESSION_REMINDERS, OVERDUE_REMINDERS, BILLING_RUN)
                            .indexOf(job.getKey())));
                }
            }
            for (Map.Entry<String, String> job : holders.entrySet()) {
                if (job.getValue().equals(holder)) {
                    Instant done = ClusterNodes.await(job.getKey() + " finished by another node", Duration.ofSeconds(90),
                            () -> finished(jdbc, job.getKey(), sessions, invoices, run));
                    report.add(String.format("| kill -9 of %s → %s finished by another node | %.1f |", holder,
                            job.getKey(), seconds(killedAt, done)));
                }
            }
        }

        // Nothing twice: one reminder email per session, one overdue reminder per invoice, one invoice per client.
        for (long session : sessions) {
            assertThat(count(jdbc, "select notices from session_reminders where session_id = " + session))
                    .as("notices of session %d", session).isEqualTo(1);
            assertThat(count(jdbc, "select count(*) from mail_messages where ref_type = 'SESSION_REMINDER'"
                    + " and ref_id = " + session)).as("reminder emails of session %d", session).isEqualTo(1);
        }
        for (long invoice : invoices) {
            assertThat(count(jdbc, "select count(*) from invoice_reminders where invoice_id = " + invoice))
                    .as("reminders of invoice %d", invoice).isEqualTo(1);
            assertThat(count(jdbc, "select count(*) from mail_messages m join invoice_reminders r"
                    + " on r.mail_message_id = m.id where r.invoice_id = " + invoice)).isEqualTo(1);
        }
        assertThat(jdbc.queryForList("select outcome from billing_run_clients where run_id = ?", String.class, run))
                .hasSize(ITEMS).doesNotContain("PENDING", "FAILED", "ALREADY_INVOICED");
        assertThat(jdbc.queryForList("""
                select count(distinct l.invoice_id) from billing_run_clients c
                join billing_run_sessions rs on rs.run_client_id = c.id
                join invoice_lines l on l.session_id = rs.session_id
                join invoices i on i.id = l.invoice_id
                where c.run_id = ? and i.created_at >= ?
                group by c.client_id""", Integer.class, run, started.atOffset(ZoneOffset.UTC).toLocalDateTime()))
                .hasSize(ITEMS).containsOnly(1);
        assertThat(jdbc.queryForList("""
                select count(*) from billing_run_clients c
                join mail_messages m on m.ref_type = 'INVOICE' and m.ref_id = c.invoice_id
                where c.run_id = ? group by c.invoice_id""", Integer.class, run)).hasSize(ITEMS).containsOnly(1);
        assertThat(jdbc.queryForObject("select finished_at from billing_runs where id = ?", Object.class, run))
                .isNotNull();
        assertThat(byName.values().stream().filter(node -> node.process().isAlive()).map(PackagedApp::logText))
                .anyMatch(log -> log.contains("Found dead execution"));

        write(report, seconds(testStart, bothReady), seconds(firstKill, Instant.now()), seconds(testStart, Instant.now()));
    }

    /**
     * Five scheduled sessions far ahead moved to start in three hours (inside the 24-hour reminder
     * window); the third already has an uncommitted reminder row, so the job waits on its key.
     */
    private List<Long> sessionReminderWork(JdbcTemplate jdbc) throws SQLException {
        List<Long> sessions = jdbc.queryForList("""
                select s.id from tutoring_sessions s left join session_reminders r on r.session_id = s.id
                where s.status = 'SCHEDULED' and s.starts_at > utc_timestamp() + interval 3 day and r.session_id is null
                order by s.id limit ?""", Long.class, ITEMS);
        assertThat(sessions).as("scheduled sessions of the demo business more than 3 days ahead").hasSize(ITEMS);
        hold("insert into session_reminders (session_id, reminded_starts_at, last_notice, notices, updated_at, version)"
                + " values (?, utc_timestamp(6), 'REMINDER', 1, utc_timestamp(6), 0)", sessions.get(BLOCKED));
        for (int i = 0; i < ITEMS; i++) {
            jdbc.update("update tutoring_sessions set starts_at = utc_timestamp(6) + interval ? minute,"
                    + " ends_at = utc_timestamp(6) + interval ? minute + interval duration_minutes minute where id = ?",
                    180 + 10 * i, 180 + 10 * i, sessions.get(i));
        }
        com.tutordesk.session.SessionHourTotals.recount(jdbc);
        return sessions;
    }

    /**
     * Five open invoices made overdue by a month (in this order) with the reminders switched off while
     * the test sets them up; the third is locked for update, so the job waits on its row.
     */
    private List<Long> overdueReminderWork(JdbcTemplate jdbc) throws SQLException {
        jdbc.update("update billing_settings set overdue_reminders = false where id = 1");
        ClusterNodes.await("no overdue-reminder pass running", Duration.ofSeconds(60), () -> count(jdbc,
                "select count(*) from scheduled_tasks where task_name = '" + OVERDUE_REMINDERS + "' and picked") == 0);
        List<Long> invoices = jdbc.queryForList("select id from invoices where state = 'OPEN' order by id limit ?",
                Long.class, ITEMS);
        assertThat(invoices).as("open invoices of the demo business").hasSize(ITEMS);
        jdbc.update("delete from invoice_reminders where invoice_id in " + in(invoices));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (int i = 0; i < ITEMS; i++) {
            jdbc.update("update invoices set issue_date = ?, due_date = ? where id = ?", today.minusDays(54 - i),
                    today.minusDays(40 - i), invoices.get(i));
        }
        // The invoice row, which the job locks before it records a reminder: an uncommitted reminder row
        // instead made the job wait at the first invoice whenever the reminders deleted above were still
        // delete-marked (not purged), because its unique check then holds a gap lock (seen in 1 of 3 runs).
        hold("select id from invoices where id = ? for update", invoices.get(BLOCKED));
        jdbc.update("update billing_settings set overdue_reminders = true where id = 1");
        return invoices;
    }

    /**
     * A billing run (send now) over five clients with billable sessions, written as "Invoice all
     * clients" writes it; its third client row is locked for update before its job is scheduled.
     */
    private long billingRunWork(JdbcTemplate jdbc) throws SQLException {
        Map<Long, List<Long>> byClient = new LinkedHashMap<>();
        jdbc.query("""
                select s.client_id, s.id from tutoring_sessions s
                where s.billing_state = 'UNBILLED' and s.client_amount_minor > 0
                  and (s.status in ('COMPLETED', 'LATE_CANCELLED') or (s.status = 'SCHEDULED' and s.ends_at <= utc_timestamp()))
                  and not exists (select 1 from invoice_lines l where l.session_id = s.id)
                order by s.client_id, s.id""", rs -> {
                    byClient.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getLong(2));
                });
        assertThat(byClient).as("clients with billable sessions in the demo business").hasSizeGreaterThanOrEqualTo(ITEMS);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long admin = jdbc.queryForObject("select min(id) from users where role = 'ADMIN'", Long.class);
        jdbc.update("insert into billing_runs (cut_off, delivery, due_date, started_by_user_id, started_at)"
                + " values (?, 'SEND_NOW', ?, ?, utc_timestamp(6))", today, today.plusDays(14), admin);
        long run = jdbc.queryForObject("select max(id) from billing_runs", Long.class);
        int position = 0;
        for (Map.Entry<Long, List<Long>> client : byClient.entrySet().stream().limit(ITEMS).toList()) {
            jdbc.update("""
                    insert into billing_run_clients (run_id, position, client_id, client_name, session_count, total_minor,
                    autopay, outcome) select ?, ?, c.id, c.name, ?, 0, c.autopay, 'PENDING' from clients c where c.id = ?""",
                    run, position++, client.getValue().size(), client.getKey());
            long row = jdbc.queryForObject("select max(id) from billing_run_clients", Long.class);
            for (long session : client.getValue()) {
                jdbc.update("insert into billing_run_sessions (run_client_id, session_id) values (?, ?)", row, session);
            }
        }
        hold("select id from billing_run_clients where run_id = ? and position = " + BLOCKED + " for update", run);
        jdbc.update("insert into scheduled_tasks (task_name, task_instance, execution_time, picked, version, priority)"
                + " values (?, ?, utc_timestamp(6), false, 1, 0)", BILLING_RUN, String.valueOf(run));
        return run;
    }

    /**
     * As {@link ClusterNodes#await}, but a failure tells what each job had done and what every open
     * transaction was waiting on, so that a timeout names its cause.
     */
    private static Instant awaitWithState(JdbcTemplate jdbc, String what, Duration limit,
            java.util.function.Supplier<String> progress, java.util.function.BooleanSupplier condition) {
        try {
            return ClusterNodes.await(what, limit, condition);
        } catch (AssertionError timedOut) {
            StringBuilder state = new StringBuilder(timedOut.getMessage()).append("\nDone: ").append(progress.get())
                    .append("\nScheduled tasks picked: ");
            state.append(jdbc.queryForList("select concat(task_name, '/', task_instance, ' by ', picked_by)"
                    + " from scheduled_tasks where picked", String.class));
            state.append("\nTransactions: ");
            jdbc.query("select trx_mysql_thread_id, trx_state, trx_started, trx_query from information_schema.innodb_trx",
                    rs -> {
                        state.append("\n  #").append(rs.getLong(1)).append(' ').append(rs.getString(2)).append(" since ")
                                .append(rs.getString(3)).append(": ").append(rs.getString(4));
                    });
            state.append("\nLock waits (requesting <- blocking): ");
            jdbc.query("select requesting_trx_id, blocking_trx_id from information_schema.innodb_lock_waits", rs -> {
                state.append("\n  ").append(rs.getString(1)).append(" <- ").append(rs.getString(2));
            });
            jdbc.query("select lock_trx_id, lock_mode, lock_type, lock_table, lock_index, lock_data"
                    + " from information_schema.innodb_locks", rs -> {
                        state.append("\n  lock ").append(rs.getString(1)).append(' ').append(rs.getString(2)).append(' ')
                                .append(rs.getString(3)).append(' ').append(rs.getString(4)).append(' ')
                                .append(rs.getString(5)).append(' ').append(rs.getString(6));
                    });
            throw new AssertionError(state.toString(), timedOut);
        }
    }

    private static boolean finished(JdbcTemplate jdbc, String job, List<Long> sessions, List<Long> invoices, long run) {
        return switch (job) {
            case SESSION_REMINDERS -> count(jdbc, "select count(*) from session_reminders where session_id in "
                    + in(sessions)) == ITEMS;
            case OVERDUE_REMINDERS -> count(jdbc, "select count(*) from invoice_reminders where invoice_id in "
                    + in(invoices)) == ITEMS;
            default -> count(jdbc, "select count(*) from billing_runs where finished_at is not null and id = " + run) == 1;
        };
    }

    /** Runs a statement in a transaction that stays open (its locks held) until the test lets it go. */
    private void hold(String sql, long id) throws SQLException {
        Connection connection = DriverManager.getConnection(url + "?" + MariaDb.connectionOptions(), "root", "");
        connection.setAutoCommit(false);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, id);
            statement.execute();
        }
        holds.add(connection);
    }

    private static void rollBackAndClose(Connection connection) {
        try {
            if (!connection.isClosed()) {
                connection.rollback();
                connection.close();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private PackagedApp node(String name) {
        // No mail server: the emails stay held in the outbox, where the test counts them.
        return ClusterNodes.start(name, url, Map.of(), List.of("--tutordesk.demo.sessions=300",
                        "--tutordesk.reminders.check-every=PT2S", "--tutordesk.billing.overdue-reminders.every=PT2S"),
                "two-nodes-jobs-" + name + ".log", started -> {
                    synchronized (nodes) {
                        nodes.add(started);
                    }
                });
    }

    private DriverManagerDataSource dataSource() {
        return new DriverManagerDataSource(url + "?" + MariaDb.connectionOptions(), "root", "");
    }

    private static int count(JdbcTemplate jdbc, String sql) {
        Integer value = jdbc.queryForObject(sql, Integer.class);
        return value == null ? 0 : value;
    }

    private static String in(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ", "(", ")"));
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    private static void write(List<String> rows, double start, double afterKill, double total) throws Exception {
        String text = String.format("""
                # Two nodes, background jobs killed in the middle (TwoNodesJobsJarIT, %s)

                | what | seconds |
                |---|---:|
                | both packaged jars started together, ready | %.1f |
                %s
                | first kill -9 → every job finished, nothing done twice | %.1f |
                | whole test | %.1f |
                """, Instant.now(), start, String.join("\n", rows), afterKill, total);
        Path dir = Files.createDirectories(Path.of("target", "cluster"));
        Files.writeString(dir.resolve("two-nodes-jobs.md"), text);
        System.out.println(text);
    }
}
