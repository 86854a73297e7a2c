package com.tutordesk.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tutordesk.scheduling.BackgroundJobs;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestClock;
import com.tutordesk.testing.TestData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/** "Invoice all clients" (issue 15): the run's invoices equal one-by-one invoices; a rerun makes no duplicate. */
@IntegrationTest
class BillingRunIT {

    @Autowired
    BillingRunService runs;

    @Autowired
    BillingRunJob job;

    @Autowired
    BillingRunRepository runRows;

    @Autowired
    InvoiceIssuingService issuing;

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

    /** {@code clients} clients of one new tutor; client i has (i % 3) + 1 sessions at a rate of its own. */
    private List<BillingFixture> families(int clients) {
        long tutor = data.tutor(TestData.unique("Run tutor"));
        List<BillingFixture> families = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            BillingFixture family = BillingFixture.forTutor(jdbc, data, tutor, null);
            family.sessions(i % 3 + 1, 4_000 + 125L * i, clock.instant());
            families.add(family);
        }
        return families;
    }

    private LocalDate today() {
        return settings.profile().today(clock);
    }

    private BillingRunRequest sendNow(BillingRunPreview preview, long tutorId) {
        return new BillingRunRequest(preview.cutOff(), tutorId, null,
                preview.clients().stream().map(BillingRunPreview.Client::clientId).toList(),
                NewInvoice.Delivery.SEND_NOW, null, runs.defaultDueDate());
    }

    /** Per client: state, session count, total and the lines' (session, amount) pairs. */
    private Map<String, Object> invoiceOf(long clientId) {
        Map<String, Object> row = jdbc.queryForMap("select id, state, total_minor, due_date from invoices"
                + " where client_id = ? and state <> 'CANCELLED'", clientId);
        row.put("lines", jdbc.queryForList("select amount_minor from invoice_lines where invoice_id = ? order by"
                + " session_id", Long.class, row.get("id")));
        row.remove("id");
        return row;
    }

    @Test
    void a_run_of_fifty_clients_issues_fifty_invoices_equal_to_invoices_made_one_by_one() {
        List<BillingFixture> byRun = families(50);
        List<BillingFixture> oneByOne = families(50);

        BillingRunPreview preview = runs.preview(today(), byRun.getFirst().tutorId, null);
        assertThat(preview.clients()).hasSize(50);
        assertThat(preview.clients()).extracting(BillingRunPreview.Client::clientId)
                .containsExactlyInAnyOrderElementsOf(byRun.stream().map(f -> f.clientId).toList());
        long run = runs.start(sendNow(preview, byRun.getFirst().tutorId));
        jobs.runDueNow();

        BillingRunStatus status = runs.status(run);
        assertThat(status.finished()).isTrue();
        assertThat(status.clients()).hasSize(50).allSatisfy(c -> assertThat(c.outcome()).isEqualTo("ISSUED"));
        assertThat(status.clients().stream().mapToLong(BillingRunStatus.Client::totalMinor).sum())
                .isEqualTo(preview.grandTotalMinor());

        for (BillingFixture family : oneByOne) {
            List<Long> sessions = jdbc.queryForList("select id from tutoring_sessions where client_id = ? order by starts_at, id",
                    Long.class, family.clientId);
            issuing.create(new NewInvoice(family.clientId, sessions, List.of(), runs.defaultDueDate(),
                    NewInvoice.Delivery.SEND_NOW, null));
        }
        for (int i = 0; i < 50; i++) {
            Map<String, Object> ran = invoiceOf(byRun.get(i).clientId);
            assertThat(ran).as("client %d", i).isEqualTo(invoiceOf(oneByOne.get(i).clientId));
            assertThat(ran.get("state")).isEqualTo("OPEN");
        }
        assertThat(jdbc.queryForObject("select count(*) from tutoring_sessions where client_id in (select client_id from"
                + " billing_run_clients where run_id = ?) and billing_state <> 'INVOICED'", Long.class, run)).isZero();
        // The run's clients have nothing left to bill: a second preview finds none of them.
        assertThat(runs.preview(today(), byRun.getFirst().tutorId, null).clients()).isEmpty();
    }

    @Test
    void an_interrupted_run_started_again_makes_no_second_invoice_for_a_session() {
        List<BillingFixture> families = families(6);
        long tutor = families.getFirst().tutorId;
        BillingRunPreview preview = runs.preview(today(), tutor, null);
        // Two runs over the same sessions, as when a run is interrupted and the admin starts another.
        long first = runs.start(sendNow(preview, tutor));
        long second = runs.start(sendNow(preview, tutor));
        BillingRun firstRun = runRows.findById(first).orElseThrow();
        List<Long> firstRows = jdbc.queryForList("select id from billing_run_clients where run_id = ? order by position",
                Long.class, first);
        // The first run stops after three clients (a node killed), then both jobs run to the end.
        for (Long row : firstRows.subList(0, 3)) {
            job.processClient(firstRun, row);
        }
        assertThatThrownBy(() -> job.run(first, () -> true)).isInstanceOf(IllegalStateException.class);
        jobs.runDueNow();

        assertThat(runs.status(first).clients()).extracting(BillingRunStatus.Client::outcome).containsOnly("ISSUED");
        assertThat(runs.status(second).clients()).extracting(BillingRunStatus.Client::outcome)
                .containsOnly("ALREADY_INVOICED");
        for (BillingFixture family : families) {
            assertThat(jdbc.queryForObject("select count(*) from invoices where client_id = ?", Long.class,
                    family.clientId)).isOne();
        }
        // Rerunning a finished run's job changes nothing.
        job.run(first, () -> false);
        assertThat(jdbc.queryForObject("select count(*) from invoices i join billing_run_clients c on c.client_id ="
                + " i.client_id where c.run_id = ?", Long.class, first)).isEqualTo(6);
    }

    @Test
    void drafts_and_left_out_clients_follow_the_choice_and_only_admins_may_run() {
        List<BillingFixture> families = families(3);
        long tutor = families.getFirst().tutorId;
        BillingRunPreview preview = runs.preview(today(), tutor, null);
        long leftOut = families.get(1).clientId;
        long run = runs.start(new BillingRunRequest(today(), tutor, null,
                preview.clients().stream().map(BillingRunPreview.Client::clientId).filter(id -> id != leftOut).toList(),
                NewInvoice.Delivery.DRAFT, null, runs.defaultDueDate()));
        jobs.runDueNow();
        assertThat(runs.status(run).clients()).extracting(BillingRunStatus.Client::outcome).containsOnly("DRAFTED");
        assertThat(jdbc.queryForList("select state from invoices where client_id in (?, ?)", String.class,
                families.get(0).clientId, families.get(2).clientId)).containsOnly("DRAFT");
        assertThat(jdbc.queryForObject("select count(*) from invoices where client_id = ?", Long.class, leftOut)).isZero();
        // Sessions held by the drafts are not offered again; the left-out client still is.
        assertThat(runs.preview(today(), tutor, null).clients()).extracting(BillingRunPreview.Client::clientId)
                .containsExactly(leftOut);

        signIn.as(demo.enhancedTutorEmail());
        assertThatThrownBy(() -> runs.preview(today(), tutor, null)).isInstanceOf(AccessDeniedException.class);
    }
}
