package com.tutordesk.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tutordesk.prepaid.PackageState;
import com.tutordesk.prepaid.PrepaidService;
import com.tutordesk.scheduling.BackgroundJobs;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.InvalidFieldException;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestClock;
import com.tutordesk.testing.TestData;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Prepaid package lines in "Invoice all clients" (issue 17; domain.md "Prepaid packages", "Billing runs"):
 * kept with the run, sold by its job on the client's invoice exactly like Create Invoice's package line,
 * never twice when the job is interrupted and runs again.
 */
@IntegrationTest
class BillingRunPackagesIT {

    @Autowired
    BillingRunService runs;

    @Autowired
    BillingRunJob job;

    @Autowired
    BillingRunRepository runRows;

    @Autowired
    InvoiceSettlementService settlement;

    @Autowired
    PrepaidService prepaid;

    @Autowired
    BackgroundJobs jobs;

    @Autowired
    SettingsService settings;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestData data;

    @Autowired
    SignIn signIn;

    @Autowired
    TestClock clock;

    DemoAccounts demo;

    @BeforeEach
    void setUp() {
        clock.reset();
        demo = DemoAccounts.read(jdbc);
        signIn.as(demo.adminEmail());
    }

    @AfterEach
    void tearDown() {
        signIn.out();
        clock.reset();
    }

    private LocalDate today() {
        return settings.profile().today(clock);
    }

    private List<Map<String, Object>> packageLines(long clientId) {
        return jdbc.queryForList("select a.invoice_id, a.package_engagement_id, a.package_minutes, a.amount_minor"
                + " from invoice_adjustments a join invoices i on i.id = a.invoice_id where i.client_id = ?"
                + " and a.package_minutes is not null", clientId);
    }

    private long invoiceCount(long clientId) {
        return jdbc.queryForObject("select count(*) from invoices where client_id = ?", Long.class, clientId);
    }

    @Test
    void a_billing_run_with_a_package_line_for_a_client_without_sessions_creates_a_package_only_invoice_whose_hours_become_available_when_paid() {
        long tutor = data.tutor(TestData.unique("Run tutor"));
        BillingFixture withSessions = BillingFixture.forTutor(jdbc, data, tutor, null);
        withSessions.sessions(2, 5_000, clock.instant());
        BillingFixture packageOnly = BillingFixture.forTutor(jdbc, data, tutor, null);
        // $40.00 an hour: 10 h = $400.00 at most; sold for $380.00.
        long engagement = packageOnly.engagement(packageOnly.student(TestData.unique("Lena")), 4_000);

        BillingRunPreview preview = runs.preview(today(), tutor, null);
        assertThat(preview.clients()).extracting(BillingRunPreview.Client::clientId)
                .containsExactly(withSessions.clientId);
        assertThat(runs.packageClients()).extracting(BillingRunService.PackageClient::clientId)
                .contains(packageOnly.clientId);
        BillingRunPreview.Client row = runs.packageOnlyClient(packageOnly.clientId);
        assertThat(row.sessionCount()).isZero();
        assertThat(row.totalMinor()).isZero();

        long run = runs.start(new BillingRunRequest(today(), tutor, null,
                List.of(withSessions.clientId, packageOnly.clientId), NewInvoice.Delivery.SEND_NOW, null,
                runs.defaultDueDate(), Map.of(packageOnly.clientId,
                        List.of(new NewInvoice.PackageLine(engagement, 600, 38_000, "Spring term")))));
        jobs.runDueNow();

        BillingRunStatus status = runs.status(run);
        assertThat(status.finished()).isTrue();
        assertThat(status.clients()).extracting(BillingRunStatus.Client::clientId, BillingRunStatus.Client::outcome,
                BillingRunStatus.Client::sessionCount, BillingRunStatus.Client::packageCount,
                BillingRunStatus.Client::totalMinor).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(withSessions.clientId, "ISSUED", 2, 0, 10_000L),
                        org.assertj.core.groups.Tuple.tuple(packageOnly.clientId, "ISSUED", 0, 1, 38_000L));
        long invoice = status.clients().stream().filter(c -> c.clientId() == packageOnly.clientId).findFirst()
                .orElseThrow().invoiceId();
        Map<String, Object> made = jdbc.queryForMap("select state, total_minor from invoices where id = ?", invoice);
        assertThat(made).containsEntry("state", "OPEN").containsEntry("total_minor", 38_000L);
        assertThat(jdbc.queryForObject("select count(*) from invoice_lines where invoice_id = ?", Long.class, invoice))
                .isZero();
        assertThat(jdbc.queryForObject("select memo from invoice_adjustments where invoice_id = ?", String.class, invoice))
                .startsWith("Prepaid package: 10 h — ").endsWith(" — Spring term");
        // Sold, not yet paid: no hours.
        assertThat(prepaid.packagesOfClient(packageOnly.clientId)).singleElement().satisfies(p -> {
            assertThat(p.state()).isEqualTo(PackageState.AWAITING_PAYMENT);
            assertThat(p.minutesLeft()).isZero();
        });

        settlement.markPaid(invoice, new ManualPayment(PaymentMethod.BANK_TRANSFER, today(), "T-77"));

        assertThat(prepaid.packagesOfEngagement(engagement)).singleElement().satisfies(p -> {
            assertThat(p.state()).isEqualTo(PackageState.ACTIVE);
            assertThat(p.minutesLeft()).isEqualTo(600);
            assertThat(p.priceMinor()).isEqualTo(38_000);
            assertThat(p.invoiceId()).isEqualTo(invoice);
        });
    }

    @Test
    void a_resumed_or_rerun_billing_run_never_sells_a_package_line_twice() {
        long tutor = data.tutor(TestData.unique("Run tutor"));
        BillingFixture first = BillingFixture.forTutor(jdbc, data, tutor, null);
        first.sessions(1, 6_000, clock.instant());
        long firstEngagement = first.engagement(first.student(TestData.unique("Ivo")), 6_000);
        BillingFixture second = BillingFixture.forTutor(jdbc, data, tutor, null);
        long secondEngagement = second.engagement(second.student(TestData.unique("Mia")), 5_000);
        BillingFixture third = BillingFixture.forTutor(jdbc, data, tutor, null);
        third.sessions(2, 4_000, clock.instant());

        long run = runs.start(new BillingRunRequest(today(), tutor, null,
                List.of(first.clientId, second.clientId, third.clientId), NewInvoice.Delivery.SEND_NOW, null,
                runs.defaultDueDate(), Map.of(
                        first.clientId, List.of(new NewInvoice.PackageLine(firstEngagement, 300, 30_000, null)),
                        second.clientId, List.of(new NewInvoice.PackageLine(secondEngagement, 120, 9_000, null)))));
        BillingRun started = runRows.findById(run).orElseThrow();
        List<Long> rows = jdbc.queryForList("select id from billing_run_clients where run_id = ? order by position",
                Long.class, run);
        // The first client is done, then the node stops (the job throws so db-scheduler runs it again)…
        job.processClient(started, rows.getFirst());
        assertThatThrownBy(() -> job.run(run, () -> true)).isInstanceOf(IllegalStateException.class);
        // … another node takes the run over and finishes it; then the job is run once more, and a
        // client row is even processed again by hand.
        jobs.runDueNow();
        job.run(run, () -> false);
        rows.forEach(row -> job.processClient(started, row));

        assertThat(runs.status(run).clients()).extracting(BillingRunStatus.Client::outcome).containsOnly("ISSUED");
        for (BillingFixture family : List.of(first, second, third)) {
            assertThat(invoiceCount(family.clientId)).as("invoices of client %d", family.clientId).isOne();
        }
        assertThat(packageLines(first.clientId)).singleElement()
                .satisfies(line -> assertThat(line).containsEntry("package_minutes", 300).containsEntry("amount_minor", 30_000L));
        assertThat(packageLines(second.clientId)).singleElement()
                .satisfies(line -> assertThat(line).containsEntry("package_minutes", 120));
        assertThat(packageLines(third.clientId)).isEmpty();
        // The first client's invoice holds its session and its package: $60.00 + $300.00.
        assertThat(jdbc.queryForObject("select total_minor from invoices where client_id = ?", Long.class,
                first.clientId)).isEqualTo(36_000);
    }

    @Test
    void a_package_line_of_a_run_passes_the_checks_of_create_invoice_and_the_message_names_the_client() {
        long tutor = data.tutor(TestData.unique("Run tutor"));
        BillingFixture family = BillingFixture.forTutor(jdbc, data, tutor, null);
        long engagement = family.engagement(family.student(TestData.unique("Zoe")), 5_000);
        String name = jdbc.queryForObject("select name from clients where id = ?", String.class, family.clientId);

        // 2 h at $50.00 = $100.00 at most.
        assertThatThrownBy(() -> runs.start(new BillingRunRequest(today(), tutor, null, List.of(family.clientId),
                NewInvoice.Delivery.DRAFT, null, runs.defaultDueDate(), Map.of(family.clientId,
                        List.of(new NewInvoice.PackageLine(engagement, 120, 10_001, null))))))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage(name + ": Package price must be at most $100.00 (hours × client rate)");
        assertThatThrownBy(() -> runs.start(new BillingRunRequest(today(), tutor, null, List.of(family.clientId),
                NewInvoice.Delivery.DRAFT, null, runs.defaultDueDate(), Map.of(family.clientId,
                        List.of(new NewInvoice.PackageLine(engagement, 50, 1_000, null))))))
                .hasMessageContaining("steps of 15 minutes");
        // A client left out is not invoiced even with a package line.
        assertThatThrownBy(() -> runs.start(new BillingRunRequest(today(), tutor, null, List.of(),
                NewInvoice.Delivery.DRAFT, null, runs.defaultDueDate(), Map.of(family.clientId,
                        List.of(new NewInvoice.PackageLine(engagement, 120, 10_000, null))))))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("choose at least one client");
        assertThat(invoiceCount(family.clientId)).isZero();
    }
}
