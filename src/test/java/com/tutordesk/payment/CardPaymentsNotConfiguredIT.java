package com.tutordesk.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tutordesk.billing.InvoiceCandidates;
import com.tutordesk.billing.InvoiceIssuingService;
import com.tutordesk.billing.InvoicePayLinks;
import com.tutordesk.billing.InvoiceQueryService;
import com.tutordesk.billing.InvoiceSettlementService;
import com.tutordesk.billing.ManualPayment;
import com.tutordesk.billing.NewInvoice;
import com.tutordesk.billing.PaymentMethod;
import com.tutordesk.session.BillableSession;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The embedded default run (H2, no Stripe keys), with the same configuration as EmbeddedDefaultRunIT
 * so that both share one context: card payments are off and say so, invoices and "Mark as paid" work
 * as before, and the card-payment schema (with its database-enforced rules) works on H2 too.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:embedded-run;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "tutordesk.scheduling.enabled=false"})
class CardPaymentsNotConfiguredIT {

    @Autowired
    CardChargeService charges;

    @Autowired
    PayNowCheckouts checkouts;

    @Autowired
    InvoiceCardPanels panels;

    @Autowired
    CardsOnFile cardsOnFile;

    @Autowired
    StripeWebhooks webhooks;

    @Autowired
    InvoicePayLinks payLinks;

    @Autowired
    IssuedInvoiceCollection autoCharge;

    @Autowired
    InvoiceQueryService invoices;

    @Autowired
    InvoiceIssuingService issuing;

    @Autowired
    InvoiceSettlementService settlement;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private void signInAsAdmin() {
        UserDetails admin = users.loadUserByUsername("admin@example.org");
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(admin,
                null, admin.getAuthorities()));
    }

    @Test
    void card_actions_say_card_payments_are_not_configured_and_invoices_work_as_before() {
        signInAsAdmin();
        long clientId = jdbc.queryForObject("select min(client_id) from tutoring_sessions where billing_state = 'UNBILLED'"
                + " and status = 'COMPLETED' and client_amount_minor > 0", Long.class);
        jdbc.update("update clients set stripe_customer_id = 'cus_h2', stripe_payment_method_id = 'pm_h2',"
                + " card_brand = 'visa', card_last4 = '4242', card_exp_month = 4, card_exp_year = 2030 where id = ?",
                clientId);

        assertThat(charges.configured()).isFalse();
        assertThat(cardsOnFile.status(clientId).configured()).isFalse();
        assertThatThrownBy(() -> cardsOnFile.sendSetupLink(clientId)).isInstanceOf(CardPaymentsNotConfiguredException.class)
                .hasMessage("Card payments are not configured");
        assertThatThrownBy(() -> cardsOnFile.setAutopay(clientId, true)).hasMessage("Card payments are not configured");
        assertThatThrownBy(() -> cardsOnFile.removeCard(clientId)).hasMessage("Card payments are not configured");
        assertThat(autoCharge.chargesOnIssue(clientId)).isFalse();
        assertThatThrownBy(() -> webhooks.receive("{}", "t=1,v1=00"))
                .isInstanceOf(StripeWebhooks.RejectedWebhookException.class);
        assertThat(checkouts.openPayPage(1).message()).startsWith("Online card payment is not available");

        InvoiceCandidates candidates = invoices.candidates(clientId);
        List<Long> sessions = candidates.sessions().stream().map(BillableSession::id).limit(1).toList();
        long invoice = issuing.create(new NewInvoice(clientId, sessions, List.of(), candidates.defaultDueDate(),
                NewInvoice.Delivery.SEND_NOW, null));
        assertThat(payLinks.payLinkFor(invoice)).isEmpty();
        assertThat(jdbc.queryForObject("select text_body from mail_messages where ref_type = 'INVOICE' and ref_id = ?",
                String.class, invoice)).doesNotContain("Pay now").contains("How to pay");
        assertThatThrownBy(() -> charges.chargeNow(invoice)).hasMessage("Card payments are not configured");
        InvoiceCardPanel panel = panels.panel(invoice).orElseThrow();
        assertThat(panel.configured()).isFalse();
        assertThat(panel.payLink()).isNull();

        settlement.markPaid(invoice, new ManualPayment(PaymentMethod.BANK_TRANSFER, candidates.today(), "TR-1"));
        assertThat(jdbc.queryForObject("select state from invoices where id = ?", String.class, invoice)).isEqualTo("PAID");
        assertThatThrownBy(() -> settlement.markPaid(invoice, new ManualPayment(PaymentMethod.CARD, candidates.today(),
                null))).hasMessageStartingWith("Payment method: card payments are recorded");
    }

    @Test
    void on_h2_too_the_database_refuses_to_close_an_invoice_while_a_charge_is_in_flight() {
        long invoice = jdbc.queryForObject("select min(id) from invoices where state = 'OPEN'", Long.class);
        jdbc.update("insert into payment_attempts (invoice_id, attempt_number, kind, idempotency_key, amount_minor,"
                + " currency, status, in_flight_invoice_id, in_flight_state, requested_via, sends, created_at, version)"
                + " values (?, 1, 'OFF_SESSION', ?, 100, 'USD', 'PENDING', ?, 'OPEN', 'CHARGE_NOW', 1,"
                + " '2026-11-25 15:00:00', 0)", invoice, "invoice-" + invoice + "-attempt-1", invoice);
        try {
            assertThatThrownBy(() -> jdbc.update("update invoices set state = 'CANCELLED', cancelled_at = updated_at"
                    + " where id = ?", invoice)).isInstanceOf(DataIntegrityViolationException.class);
            assertThatThrownBy(() -> jdbc.update("insert into payment_attempts (invoice_id, attempt_number, kind,"
                    + " idempotency_key, amount_minor, currency, status, in_flight_invoice_id, in_flight_state,"
                    + " requested_via, sends, created_at, version) values (?, 2, 'OFF_SESSION', ?, 100, 'USD', 'PENDING',"
                    + " ?, 'OPEN', 'CHARGE_NOW', 1, '2026-11-25 15:00:00', 0)", invoice, "invoice-" + invoice
                    + "-attempt-2", invoice)).isInstanceOf(DataIntegrityViolationException.class);
            // The same invoice row may still be updated while its state stays OPEN (e.g. a resend touches it).
            jdbc.update("update invoices set updated_at = updated_at where id = ?", invoice);
        } finally {
            jdbc.update("delete from payment_attempts where invoice_id = ?", invoice);
        }
    }
}
