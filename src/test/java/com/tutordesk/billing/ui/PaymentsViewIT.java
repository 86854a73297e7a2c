package com.tutordesk.billing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.tutordesk.billing.BillingFixture;
import com.tutordesk.billing.InvoiceFilter;
import com.tutordesk.billing.InvoiceIssuingService;
import com.tutordesk.billing.InvoiceStatus;
import com.tutordesk.billing.NewInvoice;
import com.tutordesk.billing.PaymentsService;
import com.tutordesk.billing.PaymentsTotals;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestClock;
import com.tutordesk.testing.TestData;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The Payments page: totals as the service computes them, filters in the URL, per-role access. */
@IntegrationTest
class PaymentsViewIT extends SpringBrowserlessTest {

    @Autowired
    SignIn signIn;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestData data;

    @Autowired
    TestClock clock;

    @Autowired
    PaymentsService payments;

    @Autowired
    InvoiceIssuingService issuing;

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
    void an_admin_sees_the_three_totals_the_invoices_and_the_clients_to_bill() {
        signIn.as(demo.adminEmail());
        BillingFixture family = BillingFixture.create(jdbc, data, null);
        family.sessions(2, 5000, clock.instant());
        PaymentsTotals totals = payments.totals();
        PaymentsView view = navigate(PaymentsView.class);
        var profile = settings.profile();
        assertThat(view.overdue.getText()).isEqualTo(profile.formatMoney(totals.overdueMinor()));
        assertThat(view.outstanding.getText()).isEqualTo(profile.formatMoney(totals.outstandingMinor()));
        assertThat(view.unbilled.getText()).isEqualTo(profile.formatMoney(totals.unbilledMinor()));
        assertThat(test(view.invoices).size()).isEqualTo((int) payments.count(InvoiceFilter.NONE));
        var unbilled = test(view.unbilledClients);
        assertThat(unbilled.size()).isEqualTo((int) payments.countUnbilledClients());
        assertThat(java.util.stream.IntStream.range(0, unbilled.size()).mapToObj(unbilled::getRow))
                .anyMatch(c -> c.clientId() == family.clientId && c.amountMinor() == 10000);
    }

    @Test
    void the_status_filter_lives_in_the_url_and_a_row_opens_its_invoice() {
        signIn.as(demo.adminEmail());
        BillingFixture family = BillingFixture.create(jdbc, data, null);
        List<Long> sessions = family.sessions(1, 5000, clock.instant());
        long id = issuing.create(new NewInvoice(family.clientId, sessions, null, LocalDate.of(2026, 11, 25),
                NewInvoice.Delivery.SEND_NOW, null));
        clock.set(TestClock.START.plus(java.time.Duration.ofDays(2)));
        try {
            UI.getCurrent().navigate(PaymentsView.class, com.vaadin.flow.router.QueryParameters.simple(
                    java.util.Map.of("status", "overdue", "client", String.valueOf(family.clientId))));
            PaymentsView view = (PaymentsView) getCurrentView();
            assertThat(view.status.getValue()).isEqualTo(InvoiceStatus.OVERDUE);
            assertThat(test(view.invoices).size()).isOne();
            assertThat(test(view.invoices).getRow(0).id()).isEqualTo(id);
            test(view.invoices).clickRow(0);
            assertThat(getCurrentView()).isInstanceOf(InvoiceView.class);
        } finally {
            clock.reset();
        }
    }

    @Test
    void a_plain_tutor_gets_not_found_and_an_enhanced_tutor_sees_their_own_figures() {
        signIn.as(demo.plainTutorEmail());
        navigate("payments", com.vaadin.flow.component.Component.class);
        assertThat(getCurrentView().getElement().getTextRecursively()).contains("Not found");

        signIn.as(demo.enhancedTutorEmail());
        PaymentsTotals own = payments.totals();
        PaymentsView view = navigate(PaymentsView.class);
        assertThat(view.unbilled.getText()).isEqualTo(settings.profile().formatMoney(own.unbilledMinor()));
        assertThat(test(view.invoices).size()).isEqualTo((int) payments.count(InvoiceFilter.NONE));
    }
}
