package com.tutordesk.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.tutordesk.billing.BillingRunPreview;
import com.tutordesk.billing.BillingRunRequest;
import com.tutordesk.billing.BillingRunService;
import com.tutordesk.billing.BillingRunStatus;
import com.tutordesk.billing.NewInvoice;
import com.tutordesk.scheduling.BackgroundJobs;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.FakeStripe;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestClock;
import com.tutordesk.testing.TestData;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A billing run charges autopay clients as one issued invoice would, once (issue 15), against the fake Stripe. */
@IntegrationTest
class BillingRunChargesIT {

    static final Instant NOW = TestClock.START;

    @Autowired
    BillingRunService runs;

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

    @BeforeEach
    void setUp() {
        FakeStripe.reset();
        signIn.as(DemoAccounts.read(jdbc).adminEmail());
    }

    @AfterEach
    void tearDown() {
        signIn.out();
        clock.reset();
    }

    private BillingRunRequest everyone(BillingRunPreview preview, long tutorId) {
        return new BillingRunRequest(preview.cutOff(), tutorId, null,
                preview.clients().stream().map(BillingRunPreview.Client::clientId).toList(),
                NewInvoice.Delivery.SEND_NOW, null, runs.defaultDueDate());
    }

    @Test
    void an_autopay_client_is_charged_once_even_when_two_runs_cover_its_sessions() {
        PaymentWorld world = new PaymentWorld(jdbc, data, null).withCard(true);
        List<Long> sessions = world.sessions(2, 6_000, NOW);
        FakeStripe.chargeSucceeds("pi_run_1", 12_000, "ch_run_1");
        LocalDate today = settings.profile().today(clock);
        BillingRunPreview preview = runs.preview(today, world.family.tutorId, null);
        assertThat(preview.clients()).singleElement().satisfies(client -> {
            assertThat(client.autopay()).isTrue();
            assertThat(client.totalMinor()).isEqualTo(12_000);
        });

        long first = runs.start(everyone(preview, world.family.tutorId));
        long second = runs.start(everyone(preview, world.family.tutorId));
        jobs.runDueNow();

        long invoice = world.invoiceOf(sessions.getFirst());
        assertThat(runs.status(first).clients()).singleElement().satisfies(client -> {
            assertThat(client.outcome()).isEqualTo("CHARGED");
            assertThat(client.invoiceId()).isEqualTo(invoice);
        });
        assertThat(runs.status(second).clients()).extracting(BillingRunStatus.Client::outcome)
                .containsExactly("ALREADY_INVOICED");
        assertThat(world.invoiceState(invoice)).isEqualTo("PAID");
        assertThat(world.attemptStatuses(invoice)).containsExactly("SUCCEEDED");
        List<LoggedRequest> charges = FakeStripe.requests("POST", "/v1/payment_intents");
        assertThat(charges).hasSize(1);
        assertThat(charges.getFirst().getHeader("Idempotency-Key")).isEqualTo("invoice-" + invoice + "-attempt-1");
        assertThat(world.invoiceEmails(invoice)).singleElement().asString().startsWith("Receipt for invoice");
    }

    @Test
    void a_declined_autopay_card_is_reported_per_client_and_the_invoice_goes_out_with_its_pay_link() {
        PaymentWorld world = new PaymentWorld(jdbc, data, null).withCard(true);
        List<Long> sessions = world.sessions(1, 8_000, NOW);
        FakeStripe.chargeFails("pi_run_declined", 8_000, "card_declined", "generic_decline", "Your card was declined.");
        BillingRunPreview preview = runs.preview(settings.profile().today(clock), world.family.tutorId, null);

        long run = runs.start(everyone(preview, world.family.tutorId));
        jobs.runDueNow();

        long invoice = world.invoiceOf(sessions.getFirst());
        assertThat(runs.status(run).clients()).singleElement().satisfies(client -> {
            assertThat(client.outcome()).isEqualTo("NOT_CHARGED");
            assertThat(client.message()).contains(world.email);
        });
        assertThat(world.invoiceState(invoice)).isEqualTo("OPEN");
        assertThat(world.attemptStatuses(invoice)).containsExactly("DECLINED");
        assertThat(FakeStripe.requests("POST", "/v1/payment_intents")).hasSize(1);
    }
}
