package com.tutordesk.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.tutordesk.billing.InvoiceIssued;
import com.tutordesk.billing.InvoiceIssuingService;
import com.tutordesk.billing.InvoicePaid;
import com.tutordesk.billing.NewInvoice;
import com.tutordesk.billing.PaymentMethod;
import com.tutordesk.testing.FakeStripe;
import com.tutordesk.testing.FakeStripeInitializer;
import com.tutordesk.testing.MariaDbInitializer;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestClock;
import com.tutordesk.testing.TestData;
import com.tutordesk.testing.TestMailServerInitializer;
import com.tutordesk.testing.TestSupportConfiguration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The payment module on its own with the modules it depends on (no calendar, demo or shell):
 * billing issues an invoice and publishes {@link InvoiceIssued}; after the commit the payment
 * module charges an autopay client's card (fake Stripe), which billing records as
 * {@link InvoicePaid}, or emails any other client the invoice with its Pay now link.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles({"mysql", "it"})
@ContextConfiguration(initializers = {MariaDbInitializer.class, TestMailServerInitializer.class,
        FakeStripeInitializer.class})
@Import(TestSupportConfiguration.class)
class InvoiceCollectionScenarioIT {

    @Autowired
    InvoiceIssuingService issuing;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestData data;

    @Autowired
    SignIn signIn;

    @Autowired
    TestClock clock;

    @BeforeEach
    void signInAsAnAdmin() {
        clock.reset();
        FakeStripe.reset();
        signIn.as(data.adminLogin("scenario-admin-password-1"));
    }

    @AfterEach
    void signOut() {
        signIn.out();
    }

    private long issue(PaymentWorld world, List<Long> sessions) {
        return issuing.create(new NewInvoice(world.clientId, sessions, List.of(), issuing.defaultDueDate(),
                NewInvoice.Delivery.SEND_NOW, null));
    }

    @Test
    void an_autopay_clients_invoice_is_charged_to_the_card_when_issued(Scenario scenario) {
        PaymentWorld world = new PaymentWorld(jdbc, data, null).withCard(true);
        List<Long> sessions = world.sessions(2, 6_000, clock.instant());
        FakeStripe.chargeSucceeds("pi_scenario_1", 12_000, "ch_scenario_1");

        scenario.stimulate(() -> issue(world, sessions))
                .andWaitForEventOfType(InvoicePaid.class)
                .matchingMappedValue(InvoicePaid::clientId, world.clientId)
                .toArriveAndVerify((paid, invoice) -> {
                    assertThat(paid.invoiceId()).isEqualTo(invoice);
                    assertThat(paid.method()).isEqualTo(PaymentMethod.CARD);
                    assertThat(paid.amountMinor()).isEqualTo(12_000);
                    assertThat(world.invoiceState(invoice)).isEqualTo("PAID");
                    assertThat(world.attemptStatuses(invoice)).containsExactly("SUCCEEDED");
                    assertThat(world.invoiceEmails(invoice)).singleElement().asString()
                            .startsWith("Receipt for invoice " + world.number(invoice) + " from ");
                });
    }

    @Test
    void any_other_clients_invoice_is_emailed_with_its_pay_now_link_and_not_charged(Scenario scenario) {
        PaymentWorld world = new PaymentWorld(jdbc, data, null).withCard(false);
        List<Long> sessions = world.sessions(1, 7_000, clock.instant());

        scenario.stimulate(() -> issue(world, sessions))
                .andWaitForStateChange(() -> jdbc.queryForObject("select count(*) from mail_messages m join invoices i"
                        + " on m.ref_type = 'INVOICE' and m.ref_id = i.id where i.client_id = ?", Integer.class,
                        world.clientId), count -> count > 0)
                .andVerify((emails, invoice) -> {
                    assertThat(emails).isOne();
                    assertThat(world.invoiceState(invoice)).isEqualTo("OPEN");
                    assertThat(world.attemptStatuses(invoice)).isEmpty();
                    assertThat(world.lastInvoiceEmailText(invoice)).contains("Pay now").contains(world.number(invoice));
                    assertThat(FakeStripe.requests("POST", "/v1/payment_intents")).isEmpty();
                });
    }
}
