package com.tutordesk.billing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.tutordesk.billing.BillingFixture;
import com.tutordesk.scheduling.BackgroundJobs;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestClock;
import com.tutordesk.testing.TestData;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** "Invoice all clients": preview by tutor, start, the run's page with its result per client; admins only. */
@IntegrationTest
class BillingRunViewIT extends SpringBrowserlessTest {

    @Autowired
    SignIn signIn;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestData data;

    @Autowired
    TestClock clock;

    @Autowired
    BackgroundJobs jobs;

    @Autowired
    SettingsService settings;

    DemoAccounts demo;

    @BeforeEach
    void setUp() {
        clock.reset();
        demo = DemoAccounts.read(jdbc);
    }

    @AfterEach
    void tearDown() {
        signIn.out();
    }

    @Test
    void an_admin_previews_a_tutors_clients_runs_them_and_sees_each_clients_result() {
        signIn.as(demo.adminEmail());
        BillingFixture first = BillingFixture.create(jdbc, data, null);
        BillingFixture second = BillingFixture.forTutor(jdbc, data, first.tutorId, null);
        first.sessions(2, 5_000, clock.instant());
        second.sessions(1, 7_000, clock.instant());

        BillingRunView view = navigate(BillingRunView.class);
        view.cutOff.setValue(settings.profile().today(clock));
        view.tutor.setValue(view.tutor.getListDataView().getItems().filter(t -> t.id() == first.tutorId)
                .findFirst().orElseThrow());
        assertThat(test(view.preview).size()).isEqualTo(2);
        assertThat(view.grandTotal.getText()).isEqualTo("2 clients, 3 sessions, grand total "
                + settings.profile().formatMoney(17_000));

        test(view.start).click();
        String query = UI.getCurrent().getActiveViewLocation().getQueryParameters().getQueryString();
        assertThat(query).startsWith("run=");
        jobs.runDueNow();
        UI.getCurrent().navigate(BillingRunView.class, com.vaadin.flow.router.QueryParameters.simple(
                java.util.Map.of("run", query.substring("run=".length()))));
        view = (BillingRunView) getCurrentView();
        assertThat(view.progressText.getText()).isEqualTo("Done: 2 clients");
        var results = test(view.results);
        assertThat(results.size()).isEqualTo(2);
        assertThat(results.getRow(0).outcome()).isEqualTo("ISSUED");
        assertThat(results.getRow(1).outcome()).isEqualTo("ISSUED");
    }

    @Test
    void an_admin_adds_a_package_to_a_client_with_sessions_and_one_without_and_the_totals_and_results_count_them() {
        signIn.as(demo.adminEmail());
        BillingFixture first = BillingFixture.create(jdbc, data, null);
        first.sessions(2, 5_000, clock.instant());
        long firstEngagement = first.engagement(first.student(TestData.unique("Ola")), 5_000);
        BillingFixture alone = BillingFixture.forTutor(jdbc, data, first.tutorId, null);
        alone.engagement(alone.student(TestData.unique("Pia")), 4_000);

        BillingRunView view = navigate(BillingRunView.class);
        view.cutOff.setValue(settings.profile().today(clock));
        view.tutor.setValue(view.tutor.getListDataView().getItems().filter(t -> t.id() == first.tutorId)
                .findFirst().orElseThrow());
        assertThat(test(view.preview).size()).isEqualTo(1);

        // A package for the client with sessions, through Create Invoice's editor: 5 h at $50.00 = $250.00.
        view.openPackages(test(view.preview).getRow(0));
        roundTrip();
        view.packageEditor.engagement.setValue(view.packageEditor.engagement.getListDataView().getItems()
                .filter(c -> c.engagementId() == firstEngagement).findFirst().orElseThrow());
        test(view.packageEditor.hours).setValue(5);
        assertThat(view.packageEditor.price.getValue()).isEqualByComparingTo("250.00");
        test(view.packageEditor.price).setValue(new java.math.BigDecimal("250.01"));
        test(view.packageEditor.add).click();
        assertThat(view.packageEditor.price.getErrorMessage()).contains("At most $250.00");
        test(view.packageEditor.price).setValue(new java.math.BigDecimal("240.00"));
        test(view.packageEditor.add).click();
        assertThat(view.grandTotal.getText()).isEqualTo("1 client, 2 sessions, 1 package, grand total "
                + settings.profile().formatMoney(10_000 + 24_000));
        test(view.packagesDone).click();
        // A cut-off before the sessions leaves the client in the run for its package alone, never dropped unseen.
        view.cutOff.setValue(settings.profile().today(clock).minusDays(60));
        assertThat(view.grandTotal.getText()).isEqualTo("1 client, 0 sessions, 1 package, grand total "
                + settings.profile().formatMoney(24_000));
        view.cutOff.setValue(settings.profile().today(clock));
        assertThat(test(view.preview).size()).isEqualTo(1);

        // A client without billable sessions, for a package alone: 2 h at $40.00.
        view.addPackageOnlyClient(alone.clientId);
        roundTrip();
        test(view.packageEditor.hours).setValue(2);
        test(view.packageEditor.add).click();
        test(view.packagesDone).click();

        assertThat(test(view.preview).size()).isEqualTo(2);
        assertThat(view.grandTotal.getText()).isEqualTo("2 clients, 2 sessions, 2 packages, grand total "
                + settings.profile().formatMoney(10_000 + 24_000 + 8_000));

        test(view.start).click();
        String query = UI.getCurrent().getActiveViewLocation().getQueryParameters().getQueryString();
        jobs.runDueNow();
        UI.getCurrent().navigate(BillingRunView.class, com.vaadin.flow.router.QueryParameters.simple(
                java.util.Map.of("run", query.substring("run=".length()))));
        view = (BillingRunView) getCurrentView();
        var results = test(view.results);
        assertThat(results.size()).isEqualTo(2);
        for (int i = 0; i < 2; i++) {
            assertThat(results.getRow(i).outcome()).isEqualTo("ISSUED");
            assertThat(results.getRow(i).packageCount()).isOne();
        }
        assertThat(jdbc.queryForObject("select total_minor from invoices where client_id = ?", Long.class,
                alone.clientId)).isEqualTo(8_000);
    }

    @Test
    void a_tutor_cannot_open_the_billing_run() {
        signIn.as(demo.enhancedTutorEmail());
        navigate("invoices/run", com.vaadin.flow.component.Component.class);
        assertThat(getCurrentView()).isNotInstanceOf(BillingRunView.class);
    }
}
