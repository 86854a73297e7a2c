package com.tutordesk.payment.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.tutordesk.billing.BillingFixture;
import com.tutordesk.billing.InvoiceIssuingService;
import com.tutordesk.billing.NewInvoice;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.FakeStripe;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestClock;
import com.tutordesk.testing.TestData;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The card-payment sections on the client, session and invoice pages of other modules: what shows,
 * when it is enabled, and what a click does.
 */
@IntegrationTest
class CardSectionsViewIT extends SpringBrowserlessTest {

    @Autowired
    SignIn signIn;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestData data;

    @Autowired
    InvoiceIssuingService issuing;

    DemoAccounts demo;

    @BeforeEach
    void setUp() {
        FakeStripe.reset();
        demo = DemoAccounts.read(jdbc);
        signIn.as(demo.adminEmail());
    }

    @AfterEach
    void tearDown() {
        signIn.out();
    }

    @SuppressWarnings("unchecked")
    private <T extends Component> T open(String location, String viewClass) {
        try {
            return navigate(location, (Class<T>) Class.forName(viewClass));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private void giveCard(long clientId, boolean autopay) {
        data.giveCard(clientId);
        jdbc.update("update clients set autopay = ? where id = ?", autopay, clientId);
    }

    @Test
    void the_client_page_sends_the_card_setup_link_and_enables_automatic_payments_only_with_a_card() {
        BillingFixture family = BillingFixture.create(jdbc, data, null);
        FakeStripe.customerCreated("cus_view_1");
        open("clients/" + family.clientId, "com.tutordesk.directory.ui.ClientView");

        assertThat($(Span.class).id("card-summary").getText()).isEqualTo("No card on file");
        assertThat($(Span.class).id("card-autopay").getText()).isEqualTo("Automatic payments: off");
        assertThat($(Button.class).id("card-enable-autopay").isEnabled()).isFalse();
        assertThat($(Span.class).id("card-disabled-reason").getText())
                .startsWith("Automatic payments need a card on file");
        assertThat($(Button.class).withId("card-remove").all()).isEmpty();
        test($(Button.class).id("card-send-setup-link")).click();
        assertThat(jdbc.queryForObject("select count(*) from mail_messages where ref_type = 'CARD_SETUP' and ref_id = ?",
                Integer.class, family.clientId)).isOne();
        assertThat(jdbc.queryForObject("select stripe_customer_id from clients where id = ?", String.class,
                family.clientId)).isEqualTo("cus_view_1");

        data.giveCard(family.clientId);
        open("clients/" + family.clientId, "com.tutordesk.directory.ui.ClientView");
        assertThat($(Span.class).id("card-summary").getText()).isEqualTo("Visa •••• 4242 · expires 04/2030");
        test($(Button.class).id("card-enable-autopay")).click();
        assertThat($(Span.class).id("card-autopay").getText()).isEqualTo("Automatic payments: on");
        assertThat($(Button.class).id("card-disable-autopay").isVisible()).isTrue();
        assertThat($(Button.class).id("card-send-setup-link").getText()).isEqualTo("Send link to replace the card");
    }

    @Test
    void confirm_and_charge_replaces_send_invoice_for_an_autopay_client_only() {
        BillingFixture autopay = BillingFixture.create(jdbc, data, null);
        giveCard(autopay.clientId, true);
        long charged = autopay.sessions(1, 7_000, TestClock.START).getFirst();
        open("sessions/" + charged, "com.tutordesk.session.ui.SessionDetailsView");
        Button confirm = $(Button.class).id("session-confirm-charge");
        assertThat(confirm.isEnabled()).isTrue();
        assertThat($(Anchor.class).withId("session-send-invoice").all()).isEmpty();
        test(confirm).click();
        assertThat($(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class).single().isOpened()).isTrue();

        BillingFixture other = BillingFixture.create(jdbc, data, null);
        long invoiced = other.sessions(1, 7_000, TestClock.START).getFirst();
        open("sessions/" + invoiced, "com.tutordesk.session.ui.SessionDetailsView");
        assertThat($(Button.class).withId("session-confirm-charge").all()).isEmpty();
        assertThat($(Anchor.class).id("session-send-invoice").isVisible()).isTrue();

        // Autopay without a card (a flag from before card payments): shown, disabled, with the reason.
        BillingFixture cardless = BillingFixture.create(jdbc, data, null);
        jdbc.update("update clients set autopay = true where id = ?", cardless.clientId);
        long session = cardless.sessions(1, 7_000, TestClock.START).getFirst();
        open("sessions/" + session, "com.tutordesk.session.ui.SessionDetailsView");
        assertThat($(Button.class).id("session-confirm-charge").isEnabled()).isFalse();
        assertThat($(Span.class).id("session-charge-disabled-reason").getText()).startsWith("No card on file");
        assertThat($(Anchor.class).id("session-send-invoice").isVisible()).isTrue();
    }

    @Test
    void the_invoice_page_lists_the_attempts_with_their_outcome_and_charges_the_card_again_on_request() {
        BillingFixture family = BillingFixture.create(jdbc, data, null);
        giveCard(family.clientId, true);
        FakeStripe.chargeFails("pi_view_1", 6_600, "card_declined", "insufficient_funds", "Insufficient funds");
        long invoice = issuing.create(new NewInvoice(family.clientId, family.sessions(1, 6_600, TestClock.START),
                List.of(), issuing.defaultDueDate(), NewInvoice.Delivery.SEND_NOW, null));

        open("invoices/" + invoice, "com.tutordesk.billing.ui.InvoiceView");
        @SuppressWarnings("unchecked")
        Grid<Object> attempts = $(Grid.class).id("invoice-card-attempts");
        assertThat(test(attempts).size()).isOne();
        assertThat(test(attempts).getCellText(0, 3)).isEqualTo("Charged when issued · Visa •••• 4242");
        assertThat(test(attempts).getCellText(0, 2)).isEqualTo("$66.00");
        assertThat($(Anchor.class).id("invoice-pay-link").getHref()).startsWith("https://tutordesk.test/pay/invoice/"
                + invoice + "/");

        FakeStripe.chargeSucceeds("pi_view_2", 6_600, "ch_view_2");
        test($(Button.class).id("invoice-charge-now")).click();
        assertThat(jdbc.queryForObject("select state from invoices where id = ?", String.class, invoice)).isEqualTo("PAID");
        @SuppressWarnings("unchecked")
        Grid<Object> after = $(Grid.class).id("invoice-card-attempts");
        assertThat(test(after).size()).isEqualTo(2);
        assertThat($(Button.class).withId("invoice-charge-now").all()).isEmpty();
    }

    @Test
    void a_double_click_on_refund_in_the_refund_dialog_refunds_once() {
        BillingFixture family = BillingFixture.create(jdbc, data, null);
        giveCard(family.clientId, true);
        FakeStripe.chargeSucceeds("pi_view_refund", 6_600, "ch_view_refund");
        long invoice = issuing.create(new NewInvoice(family.clientId, family.sessions(1, 6_600, TestClock.START),
                List.of(), issuing.defaultDueDate(), NewInvoice.Delivery.SEND_NOW, null));
        FakeStripe.refundCreated("re_view_1", 1_000, "succeeded");

        open("invoices/" + invoice, "com.tutordesk.billing.ui.InvoiceView");
        @SuppressWarnings("unchecked")
        Grid<Object> attempts = $(Grid.class).id("invoice-card-attempts");
        ((Button) test(attempts).getCellComponent(0, 5)).click();
        roundTrip();
        $(com.vaadin.flow.component.textfield.BigDecimalField.class).id("refund-amount")
                .setValue(new java.math.BigDecimal("10.00"));
        $(com.vaadin.flow.component.textfield.TextArea.class).id("refund-reason").setValue("Ended early");
        Button confirm = $(Button.class).id("refund-confirm");
        // A partial refund leaves more to refund, so a second click would be a second refund of the same.
        assertThat(confirm.isDisableOnClick()).isTrue();
        test(confirm).click();
        assertThat(jdbc.queryForObject("select count(*) from payment_refunds where invoice_id = ?", Long.class, invoice))
                .isOne();
    }
}
