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
    void a_tutor_cannot_open_the_billing_run() {
        signIn.as(demo.enhancedTutorEmail());
        navigate("invoices/run", com.vaadin.flow.component.Component.class);
        assertThat(getCurrentView()).isNotInstanceOf(BillingRunView.class);
    }
}
