package com.tutordesk.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.tutordesk.testing.MariaDb;
import com.tutordesk.testing.PackagedApp;
import com.tutordesk.testing.TestData;
import com.tutordesk.testing.TestMailServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two nodes of the packaged jar on one MariaDB and one SMTP server, as an operator runs them: they
 * start together on an empty database (the demo business is loaded once, and the other node says
 * why it did not load it), 50 emails are queued during an SMTP outage, the node delivering them is
 * killed with SIGKILL in the middle of a message, and the other node delivers the rest — each email
 * exactly once — within 60 s. The measured times are written to target/cluster/two-nodes.md.
 */
class TwoNodesJarIT {

    static final String DATABASE = "tutordesk_two_nodes";
    static final int EMAILS = 50;
    static final int DELIVERED_BEFORE_KILL = 10;

    private final List<PackagedApp> nodes = new ArrayList<>();

    @AfterEach
    void stopNodes() {
        nodes.forEach(PackagedApp::kill);
    }

    @Test
    void a_killed_nodes_email_is_delivered_by_the_other_node_exactly_once_within_a_minute() throws Exception {
        Instant testStart = Instant.now();
        MariaDb.drop(DATABASE);
        String url = MariaDb.jdbcUrl(DATABASE);
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url + "?" + MariaDb.connectionOptions(),
                "root", ""));
        try (GatedSmtpProxy smtp = new GatedSmtpProxy(TestMailServer.start())) {
            // Both nodes start together on the empty database.
            CompletableFuture<PackagedApp> a = CompletableFuture.supplyAsync(() -> node("node-a", url, smtp.port()));
            CompletableFuture<PackagedApp> b = CompletableFuture.supplyAsync(() -> node("node-b", url, smtp.port()));
            PackagedApp nodeA = a.join();
            PackagedApp nodeB = b.join();
            Instant bothReady = Instant.now();
            List<String> logs = List.of(nodeA.logText(), nodeB.logText());
            assertThat(logs).filteredOn(log -> log.contains("Demo business loaded in")).hasSize(1);
            assertThat(logs).filteredOn(log -> log.contains("Demo business not loaded: the database is not empty"))
                    .hasSize(1);

            // 50 emails queued while the mail server refuses connections: each fails once and waits to retry.
            List<String> recipients = queue(jdbc);
            ClusterNodes.await("every email failed once", Duration.ofSeconds(60), () -> jdbc.queryForObject(
                    "select count(*) from mail_messages where recipients like 'two-nodes-%' and state = 'RETRYING'"
                            + " and attempts >= 1", Integer.class) == EMAILS);

            // The server comes back; the node delivering is killed while it opens the 11th message.
            smtp.holdAfter(DELIVERED_BEFORE_KILL);
            smtp.awaitHeld();
            String deliverer = jdbc.queryForObject("select picked_by from scheduled_tasks"
                    + " where task_name = 'mail-outbox-delivery' and picked", String.class);
            PackagedApp killed = deliverer.equals("node-a") ? nodeA : nodeB;
            PackagedApp survivor = killed == nodeA ? nodeB : nodeA;
            String survivorName = deliverer.equals("node-a") ? "node-b" : "node-a";
            killed.kill();
            Instant killedAt = Instant.now();
            int deliveredBeforeKill = delivered(recipients);
            smtp.dropHeld();

            Instant firstAfterKill = ClusterNodes.await("the other node delivers again", Duration.ofSeconds(60),
                    () -> delivered(recipients) > deliveredBeforeKill);
            Instant allSent = ClusterNodes.await("every email sent", Duration.ofSeconds(60).minus(Duration.between(killedAt,
                    Instant.now())), () -> jdbc.queryForObject("select count(*) from mail_messages"
                            + " where recipients like 'two-nodes-%' and state = 'SENT'", Integer.class) == EMAILS);

            for (String to : recipients) {
                assertThat(TestMailServer.receivedBy(to)).as(to).hasSize(1);
            }
            assertThat(deliveredBeforeKill).isEqualTo(DELIVERED_BEFORE_KILL);
            assertThat(jdbc.queryForObject("select picked_by from scheduled_tasks where task_name = 'mail-outbox-delivery'",
                    String.class)).isIn(survivorName, null);
            assertThat(jdbc.queryForList("select distinct claimed_by from mail_messages where recipients like 'two-nodes-%'"
                    + " and claimed_by is not null", String.class)).isEmpty();
            assertThat(survivor.logText()).contains("Found dead execution");

            report(Duration.between(testStart, bothReady), Duration.between(killedAt, firstAfterKill),
                    Duration.between(killedAt, allSent), Duration.between(testStart, Instant.now()));
        }
    }

    private PackagedApp node(String name, String url, int smtpPort) {
        // A small business; a one-second first retry keeps the outage short.
        // Overdue reminders off: the demo's overdue invoices would share the mail server with the test's
        // 50 emails, and the kill must land in the middle of those.
        return ClusterNodes.start(name, url, Map.of("SPRING_MAIL_HOST", "127.0.0.1",
                        "SPRING_MAIL_PORT", String.valueOf(smtpPort)),
                List.of("--tutordesk.demo.sessions=300", "--tutordesk.mail.first-retry-delay=PT1S",
                        "--tutordesk.billing.overdue-reminders.job-enabled=false"),
                "two-nodes-" + name + ".log", started -> {
                    synchronized (nodes) {
                        nodes.add(started);
                    }
                });
    }

    private static List<String> queue(JdbcTemplate jdbc) {
        String run = TestData.unique("run");
        List<String> recipients = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < EMAILS; i++) {
            String to = "two-nodes-" + run + "-" + i + "@example.org";
            recipients.add(to);
            rows.add(new Object[] {i, to, "Two nodes " + i});
        }
        jdbc.batchUpdate("insert into mail_messages (ref_type, ref_id, sender_name, recipients, subject, text_body,"
                + " state, attempts, next_attempt_at, created_at, version) values ('CLUSTER_TEST', ?, 'Tutordesk', ?, ?,"
                + " 'Hello', 'PENDING', 0, utc_timestamp(6), utc_timestamp(6), 0)", rows);
        return recipients;
    }

    private static int delivered(List<String> recipients) {
        return (int) TestMailServer.received().stream().filter(message -> {
            try {
                var to = message.getAllRecipients();
                return to != null && to.length == 1 && recipients.contains(to[0].toString());
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).count();
    }

    private static void report(Duration start, Duration takeOver, Duration rest, Duration total) throws Exception {
        String text = String.format("""
                # Two nodes, one killed (TwoNodesJarIT, %s)

                | what | seconds |
                |---|---:|
                | both packaged jars started together, ready (demo business loaded once) | %.1f |
                | kill -9 of the delivering node → first email delivered by the other node | %.1f |
                | kill -9 → all %d emails sent, each exactly once | %.1f |
                | whole test | %.1f |
                """, Instant.now(), start.toMillis() / 1000.0, takeOver.toMillis() / 1000.0, EMAILS,
                rest.toMillis() / 1000.0, total.toMillis() / 1000.0);
        Path dir = Files.createDirectories(Path.of("target", "cluster"));
        Files.writeString(dir.resolve("two-nodes.md"), text);
        System.out.println(text);
    }
}
