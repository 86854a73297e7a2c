package com.tutordesk.billing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.tutordesk.billing.BillingFixture;
import com.tutordesk.billing.InvoiceIssuingService;
import com.tutordesk.billing.InvoiceQueryService;
import com.tutordesk.billing.InvoiceSettlementService;
import com.tutordesk.billing.NewInvoice;
import com.tutordesk.billing.PaymentMethod;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestClock;
import com.tutordesk.testing.TestData;
import com.vaadin.browserless.SpringBrowserlessTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The invoice page per role: what it shows, Mark as Paid, Cancel Invoice, not found for others. */
@IntegrationTest
class InvoiceViewIT extends SpringBrowserlessTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @Autowired
    SignIn signIn;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestData data;

    @Autowired
    TestClock clock;

    @Autowired
    InvoiceIssuingService issuing;

    @Autowired
    InvoiceSettlementService settlement;

    @Autowired
    InvoiceQueryService invoices;

    DemoAccounts demo;
    BillingFixture family;
    List<Long> sessions;
    long invoiceId;

    @BeforeEach
    void setUp() {
        clock.reset();
        demo = DemoAccounts.read(jdbc);
        family = BillingFixture.create(jdbc, data, null);
        sessions = family.sessions(2, 4500, clock.instant());
        signIn.as(demo.adminEmail());
        invoiceId = issuing.create(new NewInvoice(family.clientId, sessions,
                List.of(new NewInvoice.Adjustment("Workbook", 1250)), TODAY.plusDays(14), NewInvoice.Delivery.SEND_NOW, null));
    }

    @AfterEach
    void tearDown() {
        signIn.out();
    }

    private String text() {
        return getCurrentView().getElement().getTextRecursively();
    }

    @Test
    void an_admin_sees_lines_adjustments_total_and_the_email_and_marks_it_paid() {
        InvoiceView view = navigate("invoices/" + invoiceId, InvoiceView.class);
        String number = jdbc.queryForObject("select number from invoices where id = ?", String.class, invoiceId);
        assertThat(text()).contains(number, "Outstanding", "Nov 25, 2026", "Dec 9, 2026", "Adjustment: Workbook",
                "$102.50", family.clientEmail);
        assertThat(test(view.lines).size()).isEqualTo(2);
        // Issue 12: durations read as everywhere else (was "1:00").
        assertThat(test(view.lines).getCellText(0, 4)).isEqualTo("1 h");
        assertThat(test(view.lines).getCellText(0, 6)).isEqualTo("$45.00");
        assertThat(view.downloadPdf.isVisible()).isTrue();
        assertThat(view.cancel.isVisible()).isTrue();

        test(view.markPaid).click();
        roundTrip();
        view.paymentMethod.setValue(PaymentMethod.CASH);
        test(view.paymentReference).setValue("Receipt 17");
        test($(com.vaadin.flow.component.button.Button.class).id("confirm-payment")).click();

        assertThat(text()).contains("Paid", "$102.50 · Cash · Nov 25, 2026 · Ref. Receipt 17");
        assertThat(view.markPaid.isVisible()).isFalse();
        assertThat(view.cancel.isVisible()).isFalse();
        assertThat(family.billingState(sessions.get(0))).isEqualTo("PAID");
        // Issue 12: a paid invoice says how it can be cancelled, and its payment can be undone.
        assertThat(text()).contains("first undo its payment of $102.50");
        var undo = $(com.vaadin.flow.component.button.Button.class).all().stream()
                .filter(b -> b.getId().orElse("").startsWith("undo-payment-")).findFirst().orElseThrow();
        test(undo).click();
        test($(com.vaadin.flow.component.button.Button.class).id("confirm-undo-payment")).click();
        assertThat(view.undoReason.isInvalid()).isTrue();
        assertThat(view.undoReason.getErrorMessage()).isEqualTo("Reason is required");
        test(view.undoReason).setValue("Cash was for another invoice");
        test($(com.vaadin.flow.component.button.Button.class).id("confirm-undo-payment")).click();
        assertThat(text()).contains("Outstanding", "undone", "Cash was for another invoice");
        assertThat(view.markPaid.isVisible()).isTrue();
        assertThat(view.cancel.isVisible()).isTrue();
        assertThat(family.billingState(sessions.get(0))).isEqualTo("INVOICED");
    }

    @Test
    void resend_and_send_now_turn_themselves_off_when_clicked_so_a_double_click_sends_one_email() {
        InvoiceView view = navigate("invoices/" + invoiceId, InvoiceView.class);
        // The page stays put after these clicks, so a double click would otherwise reach the server twice:
        // the parent got the invoice twice (Resend), or an error after it was sent (Send now).
        assertThat(view.resend.isDisableOnClick()).isTrue();
        assertThat(view.sendNow.isDisableOnClick()).isTrue();

        String emails = "select count(*) from mail_messages where ref_type = 'INVOICE' and ref_id = ?";
        long before = jdbc.queryForObject(emails, Long.class, invoiceId);
        test(view.resend).click();
        assertThat(jdbc.queryForObject(emails, Long.class, invoiceId)).isEqualTo(before + 1);
        assertThat(view.resend.isEnabled()).as("sending again later is still allowed").isTrue();
    }

    @Test
    void cancelling_asks_first_and_says_how_many_sessions_become_unbilled() {
        InvoiceView view = navigate("invoices/" + invoiceId, InvoiceView.class);
        test(view.cancel).click();
        roundTrip();
        assertThat(test(view.cancelDialog).getText()).contains("its 2 sessions become unbilled again");
        test(view.cancelDialog).confirm();
        assertThat(text()).contains("Cancelled");
        assertThat(family.billingState(sessions.get(0))).isEqualTo("UNBILLED");
        assertThat(view.resend.isVisible()).isFalse();
    }

    @Test
    void a_future_payment_date_is_refused_at_the_field() {
        InvoiceView view = navigate("invoices/" + invoiceId, InvoiceView.class);
        test(view.markPaid).click();
        roundTrip();
        view.paymentDate.setMax(null);
        view.paymentDate.setValue(TODAY.plusDays(3));
        test($(com.vaadin.flow.component.button.Button.class).id("confirm-payment")).click();
        assertThat(view.paymentDate.isInvalid()).isTrue();
        assertThat(view.paymentDate.getErrorMessage()).isEqualTo("Payment date must not be in the future");
        assertThat(family.billingState(sessions.get(0))).isEqualTo("INVOICED");
    }

    @Test
    void tutors_who_may_not_see_it_get_the_same_not_found_as_for_a_missing_id() {
        signIn.as(demo.plainTutorEmail());
        navigate("invoices/" + invoiceId, com.vaadin.flow.component.Component.class);
        String plain = text();
        navigate("invoices/" + (invoiceId + 1_000_000), com.vaadin.flow.component.Component.class);
        assertThat(plain).contains("Not found").isEqualTo(text());
        signIn.as(demo.enhancedTutorEmail());
        navigate("invoices/" + invoiceId, com.vaadin.flow.component.Component.class);
        assertThat(text()).isEqualTo(plain);
    }

    /** An Enhanced-Access tutor's client invoiced for one of their sessions ($60.00) and another tutor's ($90.00). */
    private record MixedInvoice(String login, long id) {
    }

    private MixedInvoice mixedInvoiceOfAnEnhancedAccessTutor() {
        long tutor = data.tutor(TestData.unique("Tutor"));
        data.setTutorEnhancedAccess(tutor, true);
        String login = data.tutorLogin(tutor, "tutor-password-1");
        BillingFixture own = BillingFixture.forTutor(jdbc, data, tutor, tutor);
        long student = own.student(TestData.unique("Student"));
        long mine = own.session(own.engagement(tutor, student, 6000), clock.instant(), 4, 60);
        long theirs = own.session(own.engagement(family.tutorId, student, 9000), clock.instant(), 3, 60);
        long mixed = issuing.create(new NewInvoice(own.clientId, List.of(mine, theirs), null, TODAY.plusDays(14),
                NewInvoice.Delivery.SEND_NOW, null));
        return new MixedInvoice(login, mixed);
    }

    @Test
    void an_enhanced_access_tutor_sees_other_tutors_amounts_redacted_and_no_cancel() {
        MixedInvoice invoice = mixedInvoiceOfAnEnhancedAccessTutor();
        String login = invoice.login();
        long mixed = invoice.id();

        signIn.as(login);
        InvoiceView view = navigate("invoices/" + mixed, InvoiceView.class);
        assertThat(test(view.lines).getCellText(0, 6)).isEqualTo("$60.00");
        assertThat(test(view.lines).getCellText(1, 6)).isEqualTo("—");
        assertThat(view.totals.getElement().getTextRecursively()).contains("Your sessions", "$60.00")
                .doesNotContain("$150.00").doesNotContain("$90.00");
        assertThat(view.downloadPdf.isVisible()).isFalse();
        assertThat(view.cancel.isVisible()).isFalse();
        assertThat(view.resend.isVisible()).as("it would email the whole invoice").isFalse();
        // Issue 12: the tutor cannot confirm a total they may not see (was offered before).
        assertThat(view.markPaid.isVisible()).isFalse();
    }

    @Test
    void an_enhanced_access_tutor_does_not_learn_the_redacted_total_from_the_payment_received() {
        MixedInvoice invoice = mixedInvoiceOfAnEnhancedAccessTutor();
        String login = invoice.login();
        long mixed = invoice.id();
        settlement.markPaid(mixed, new com.tutordesk.billing.ManualPayment(PaymentMethod.CHEQUE, TODAY, "Cheque 88"));

        signIn.as(login);
        assertThat(invoices.details(mixed).payments()).singleElement()
                .satisfies(payment -> assertThat(payment.amountMinor()).isNull());
        InvoiceView view = navigate("invoices/" + mixed, InvoiceView.class);
        assertThat(text()).contains("Cheque · Nov 25, 2026 · Ref. Cheque 88").doesNotContain("$150.00");
    }
}
