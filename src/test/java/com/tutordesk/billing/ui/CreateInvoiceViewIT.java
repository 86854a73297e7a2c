package com.tutordesk.billing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.tutordesk.billing.BillingFixture;
import com.tutordesk.session.BillableSession;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestClock;
import com.tutordesk.testing.TestData;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Create Invoice without a browser: defaults, selection, adjustments, validation at the field, sending. */
@IntegrationTest
class CreateInvoiceViewIT extends SpringBrowserlessTest {

    @Autowired
    SignIn signIn;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestData data;

    @Autowired
    TestClock clock;

    DemoAccounts demo;
    BillingFixture family;
    List<Long> sessions;

    @BeforeEach
    void setUp() {
        clock.reset();
        demo = DemoAccounts.read(jdbc);
        family = BillingFixture.create(jdbc, data, null);
        sessions = family.sessions(3, 6000, clock.instant());
        signIn.as(demo.adminEmail());
    }

    @AfterEach
    void tearDown() {
        signIn.out();
    }

    private CreateInvoiceView open(String query) {
        UI.getCurrent().navigate("invoices/new", QueryParameters.fromString(query));
        return (CreateInvoiceView) getCurrentView();
    }

    @Test
    void all_billable_sessions_are_selected_and_the_due_date_is_fourteen_days_out() {
        CreateInvoiceView view = open("client=" + family.clientId);
        assertThat(test(view.sessions).size()).isEqualTo(3);
        assertThat(view.sessions.getSelectedItems()).extracting(BillableSession::id).containsExactlyInAnyOrderElementsOf(sessions);
        assertThat(view.dueDate.getValue()).isEqualTo(LocalDate.of(2026, 12, 9));
        assertThat(view.delivery.getValue()).isEqualTo(CreateInvoiceView.SEND_NOW);
        assertThat(view.summary.getElement().getTextRecursively()).contains("3 of 3 sessions").contains("$180.00");
    }

    @Test
    void a_session_in_the_url_starts_as_the_only_one_selected_and_the_n_oldest_can_be_chosen() {
        CreateInvoiceView view = open("client=" + family.clientId + "&session=" + sessions.get(1));
        assertThat(view.sessions.getSelectedItems()).extracting(BillableSession::id).containsExactly(sessions.get(1));
        test(view.oldest).setValue(2);
        test(view.selectOldest).click();
        assertThat(view.sessions.getSelectedItems()).extracting(BillableSession::id)
                .containsExactlyInAnyOrder(sessions.get(0), sessions.get(1));
        assertThat(view.summary.getElement().getTextRecursively()).contains("2 of 3 sessions").contains("$120.00");
    }

    @Test
    void deselecting_adding_an_adjustment_and_sending_creates_the_invoice_and_opens_it() {
        CreateInvoiceView view = open("client=" + family.clientId);
        view.sessions.deselect(view.sessions.getSelectedItems().stream().filter(s -> s.id() == sessions.get(2))
                .findFirst().orElseThrow());
        test(view.adjustmentAmount).setValue(new BigDecimal("-10.00"));
        test(view.adjustmentMemo).setValue("Sibling discount");
        test(view.addAdjustment).click();
        assertThat(view.adjustmentList.getElement().getTextRecursively()).contains("Sibling discount: -$10.00");
        assertThat(view.summary.getElement().getTextRecursively()).contains("2 of 3 sessions").contains("$110.00");
        test(view.preview).click();
        roundTrip();
        assertThat(view.previewDialog.getElement().getTextRecursively()).contains("Adjustment: Sibling discount")
                .contains("$110.00");
        view.previewDialog.close();

        test(view.submit).click();

        assertThat(getCurrentView()).isInstanceOf(InvoiceView.class);
        long id = jdbc.queryForObject("select invoice_id from invoice_lines where active_session_id = ?", Long.class,
                sessions.get(0));
        assertThat(jdbc.queryForObject("select total_minor from invoices where id = ?", Long.class, id)).isEqualTo(11000);
        assertThat(jdbc.queryForObject("select state from invoices where id = ?", String.class, id)).isEqualTo("OPEN");
        assertThat(family.billingState(sessions.get(0))).isEqualTo("INVOICED");
        assertThat(family.billingState(sessions.get(2))).isEqualTo("UNBILLED");
    }

    @Test
    void a_package_line_defaults_to_hours_times_the_rate_refuses_a_higher_price_at_the_field_and_sells_alone() {
        CreateInvoiceView view = open("client=" + family.clientId);
        // The fixture's one engagement, at $60.00 an hour, is chosen already.
        assertThat(view.packageEditor.engagement.getValue()).isNotNull();
        test(view.packageEditor.hours).setValue(10);
        view.packageEditor.minutes.setValue(30);
        assertThat(view.packageEditor.price.getValue()).isEqualByComparingTo("630.00");

        test(view.packageEditor.price).setValue(new BigDecimal("630.01"));
        test(view.packageEditor.add).click();
        assertThat(view.packageEditor.price.isInvalid()).isTrue();
        assertThat(view.packageEditor.price.getErrorMessage()).contains("At most $630.00");

        test(view.packageEditor.price).setValue(new BigDecimal("600.00"));
        test(view.packageEditor.add).click();
        assertThat(view.packageEditor.list.getElement().getTextRecursively()).contains("Prepaid package: 10 h 30 min")
                .contains("$600.00");
        view.sessions.deselectAll();
        assertThat(view.summary.getElement().getTextRecursively()).contains("0 of 3 sessions").contains("$600.00");

        test(view.submit).click();

        assertThat(getCurrentView()).isInstanceOf(InvoiceView.class);
        Map<String, Object> line = jdbc.queryForMap("select a.invoice_id, a.package_minutes, a.amount_minor, i.total_minor"
                + " from invoice_adjustments a join invoices i on i.id = a.invoice_id where i.client_id = ?"
                + " and a.package_minutes is not null", family.clientId);
        assertThat(line).containsEntry("package_minutes", 630).containsEntry("amount_minor", 60_000L)
                .containsEntry("total_minor", 60_000L);
        assertThat(family.billingState(sessions.get(0))).isEqualTo("UNBILLED");
    }

    @Test
    void bad_input_is_shown_at_the_field_and_nothing_is_saved() {
        CreateInvoiceView view = open("client=" + family.clientId);
        test(view.adjustmentAmount).setValue(new BigDecimal("1.005"));
        test(view.adjustmentMemo).setValue("Rounding");
        test(view.addAdjustment).click();
        assertThat(view.adjustmentAmount.isInvalid()).isTrue();
        assertThat(view.adjustmentAmount.getErrorMessage()).contains("at most 2 decimal places");
        test(view.adjustmentAmount).setValue(new BigDecimal("5"));
        test(view.adjustmentMemo).setValue("");
        test(view.addAdjustment).click();
        assertThat(view.adjustmentMemo.isInvalid()).isTrue();

        test(view.delivery).selectItem(CreateInvoiceView.SCHEDULE);
        assertThat(view.sendOn.isVisible()).isTrue();
        assertThat(view.submit.getText()).isEqualTo("Schedule Invoice");
        view.sendOn.setValue(LocalDate.of(2026, 12, 20));
        view.dueDate.setValue(LocalDate.of(2026, 12, 10));
        test(view.submit).click();
        assertThat(view.dueDate.isInvalid()).isTrue();
        assertThat(view.dueDate.getErrorMessage()).contains("before the send date");
        assertThat(view.submit.isEnabled()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from invoice_lines where session_id = ?", Long.class,
                sessions.get(0))).isZero();
    }

    @Test
    void without_a_client_the_page_asks_for_one_and_a_plain_tutor_gets_not_found() {
        CreateInvoiceView view = open("");
        assertThat(view.clientPicker.getListDataView().getItems()).anyMatch(c -> c.clientId() == family.clientId);

        signIn.as(demo.plainTutorEmail());
        UI.getCurrent().navigate("invoices/new", QueryParameters.fromString("client=" + family.clientId));
        assertThat(getCurrentView().getElement().getTextRecursively()).contains("Not found");
    }

    @Test
    void moving_to_another_client_or_naming_a_session_that_cannot_be_billed_shows_a_fresh_page() {
        BillingFixture other = BillingFixture.create(jdbc, data, null);
        List<Long> otherSessions = other.sessions(1, 5000, clock.instant());
        open("client=" + family.clientId);
        CreateInvoiceView view = open("client=" + other.clientId + "&session=" + sessions.getFirst());
        assertThat(view.sessions.getColumns()).hasSize(7);
        assertThat(test(view.sessions).size()).isOne();
        assertThat(view.sessions.getSelectedItems()).extracting(BillableSession::id).containsExactlyElementsOf(otherSessions);
        assertThat(view.notice.isVisible()).isTrue();
        assertThat(view.notice.getText()).contains("That session cannot be invoiced");
        assertThat(view.summary.getElement().getTextRecursively()).contains("1 of 1 sessions").contains("$50.00");
    }
}
