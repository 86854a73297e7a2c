package com.tutordesk.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.tutordesk.billing.InvoiceIssuingService;
import com.tutordesk.billing.InvoiceQueryService;
import com.tutordesk.billing.InvoiceSettlementService;
import com.tutordesk.session.SessionViewService;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.FakeStripe;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestClock;
import com.tutordesk.testing.TestData;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Card charges against the fake Stripe: every Stripe call with its exact form parameters and its
 * own Idempotency-Key, and what the app records afterwards (issue 8).
 */
@IntegrationTest
class CardChargesIT {

    static final Instant NOW = TestClock.START;

    @Autowired
    ConfirmAndCharge confirmAndCharge;

    @Autowired
    PayNowCheckouts checkouts;

    @Autowired
    CardChargeService charges;

    @Autowired
    CardRefunds refunds;

    @Autowired
    InvoiceCardPanels panels;

    @Autowired
    CardsOnFile cardsOnFile;

    @Autowired
    InvoiceSettlementService settlement;

    @Autowired
    InvoiceQueryService invoices;

    @Autowired
    InvoiceIssuingService issuing;

    @Autowired
    SessionViewService sessionViews;

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
        FakeStripe.reset();
        demo = DemoAccounts.read(jdbc);
        signIn.as(demo.adminEmail());
    }

    @AfterEach
    void tearDown() {
        signIn.out();
        clock.reset();
    }

    @Test
    void confirm_and_charge_issues_a_one_session_invoice_and_charges_the_saved_card_off_session() {
        PaymentWorld world = new PaymentWorld(jdbc, data, null).withCard(true);
        long session = world.sessions(2, 9_000, NOW).getFirst();
        long amount = world.family.amount(session);
        FakeStripe.chargeSucceeds("pi_confirm_1", amount, "ch_confirm_1");

        ConfirmAndCharge.ChargeOffer offer = confirmAndCharge.offerFor(sessionViews.page(session)).orElseThrow();
        assertThat(offer.enabled()).isTrue();
        assertThat(offer.amountMinor()).isEqualTo(9_000);
        assertThat(offer.cardLabel()).isEqualTo("Visa •••• 4242");
        assertThat(offer.cardExpiry()).isEqualTo("04/2030");
        ChargeResult result = confirmAndCharge.confirmAndCharge(session, offer.amountMinor());

        long invoice = world.invoiceOf(session);
        assertThat(result.outcome()).isEqualTo(ChargeResult.Outcome.PAID);
        assertThat(result.invoiceId()).isEqualTo(invoice);
        List<LoggedRequest> sent = FakeStripe.requests("POST", "/v1/payment_intents");
        assertThat(sent).hasSize(1);
        assertThat(sent.getFirst().getHeader("Idempotency-Key")).isEqualTo("invoice-" + invoice + "-attempt-1");
        assertThat(FakeStripe.form(sent.getFirst())).containsExactlyInAnyOrderEntriesOf(Map.of(
                "amount", "9000",
                "currency", "usd",
                "customer", world.customer(),
                "payment_method", world.paymentMethod(),
                "confirm", "true",
                "off_session", "true",
                "description", "Invoice " + world.number(invoice),
                "metadata[invoice_id]", String.valueOf(invoice),
                "metadata[attempt]", "invoice-" + invoice + "-attempt-1"));
        assertThat(sent.getFirst().getHeader("Authorization")).isEqualTo("Bearer " + FakeStripe.SECRET_KEY);

        assertThat(world.invoiceState(invoice)).isEqualTo("PAID");
        assertThat(world.family.billingState(session)).isEqualTo("PAID");
        assertThat(jdbc.queryForMap("select method, amount_minor, reference from invoice_payments where invoice_id = ?",
                invoice)).containsEntry("method", "CARD").containsEntry("amount_minor", 9_000L)
                .containsEntry("reference", "pi_confirm_1");
        assertThat(world.attemptStatuses(invoice)).containsExactly("SUCCEEDED");
        // The email is a receipt, not a payment request.
        assertThat(world.invoiceEmails(invoice)).containsExactly("Receipt for invoice " + world.number(invoice)
                + " from Maple Grove Tutoring");
        assertThat(world.lastInvoiceEmailText(invoice)).contains("We received your card payment of $90.00")
                .contains("Visa •••• 4242").doesNotContain("Pay now");
        // The other session stays unbilled: the invoice is for this one session only.
        assertThat(jdbc.queryForObject("select count(*) from invoice_lines where invoice_id = ?", Integer.class, invoice))
                .isOne();
    }

    @Test
    void issuing_an_invoice_for_an_autopay_client_charges_it_at_once_and_for_others_emails_a_pay_now_link() {
        PaymentWorld autopay = new PaymentWorld(jdbc, data, null).withCard(true);
        List<Long> sessions = autopay.sessions(3, 7_550, NOW);
        long total = 3 * 7_550;
        FakeStripe.chargeSucceeds("pi_issue_1", total, "ch_issue_1");

        long charged = autopay.issue(issuing, sessions);

        assertThat(autopay.invoiceState(charged)).isEqualTo("PAID");
        assertThat(FakeStripe.form(FakeStripe.requests("POST", "/v1/payment_intents").getFirst()))
                .containsEntry("amount", String.valueOf(total)).containsEntry("currency", "usd");
        assertThat(autopay.invoiceEmails(charged)).singleElement().asString().startsWith("Receipt for invoice");
        // The charge ran as a listener of the issue event, and the publication registry knows it is done.
        assertThat(jdbc.queryForList("select completion_date from EVENT_PUBLICATION where event_type like ?"
                + " and serialized_event like ?", java.sql.Timestamp.class, "%InvoiceIssued",
                "%\"invoiceId\":" + charged + ",%")).singleElement().isNotNull();

        PaymentWorld other = new PaymentWorld(jdbc, data, null).withCard(false);
        long open = other.issue(issuing, other.sessions(1, 6_000, NOW));
        assertThat(other.invoiceState(open)).isEqualTo("OPEN");
        assertThat(FakeStripe.requests("POST", "/v1/payment_intents")).hasSize(1);
        assertThat(other.attemptStatuses(open)).isEmpty();
        assertThat(other.lastInvoiceEmailText(open)).contains("Pay now")
                .contains("https://tutordesk.test/pay/invoice/" + open + "/");
    }

    @Test
    void the_pay_now_link_opens_one_checkout_page_for_exactly_the_open_amount_and_reuses_it() {
        PaymentWorld world = new PaymentWorld(jdbc, data, null);
        long invoice = world.issue(issuing, world.sessions(2, 4_525, NOW));
        FakeStripe.checkoutCreated("cs_pay_1", "payment", "https://checkout.stripe.test/c/pay/cs_pay_1");

        PayPage first = checkouts.openPayPage(invoice);
        PayPage second = checkouts.openPayPage(invoice);

        assertThat(first.redirect()).isEqualTo(URI.create("https://checkout.stripe.test/c/pay/cs_pay_1"));
        assertThat(second.redirect()).isEqualTo(first.redirect());
        List<LoggedRequest> sent = FakeStripe.requests("POST", "/v1/checkout/sessions");
        assertThat(sent).hasSize(1);
        assertThat(sent.getFirst().getHeader("Idempotency-Key")).isEqualTo("invoice-" + invoice + "-attempt-1");
        Map<String, String> form = FakeStripe.form(sent.getFirst());
        assertThat(form).containsEntry("mode", "payment")
                .containsEntry("line_items[0][price_data][unit_amount]", "9050")
                .containsEntry("line_items[0][price_data][currency]", "usd")
                .containsEntry("line_items[0][price_data][product_data][name]", "Invoice " + world.number(invoice))
                .containsEntry("line_items[0][quantity]", "1")
                .containsEntry("payment_method_types[0]", "card")
                .containsEntry("customer_email", world.email)
                .containsEntry("client_reference_id", String.valueOf(invoice))
                .containsEntry("metadata[invoice_id]", String.valueOf(invoice))
                .containsEntry("metadata[attempt]", "invoice-" + invoice + "-attempt-1")
                .containsEntry("payment_intent_data[metadata][attempt]", "invoice-" + invoice + "-attempt-1")
                .containsEntry("success_url", "https://tutordesk.test/pay/done?invoice=" + invoice)
                .containsEntry("cancel_url", "https://tutordesk.test/pay/cancelled?invoice=" + invoice)
                .containsEntry("expires_at", String.valueOf(NOW.plusSeconds(3600).getEpochSecond()));
        assertThat(world.attemptStatuses(invoice)).containsExactly("PENDING");
        // While the client has the page open, the card on file is not charged as well.
        jdbc.update("update clients set stripe_customer_id = 'cus_x', stripe_payment_method_id = 'pm_x',"
                + " card_brand = 'visa', card_last4 = '4242', card_exp_month = 1, card_exp_year = 2031, autopay = true"
                + " where id = ?", world.clientId);
        assertThatThrownBy(() -> charges.chargeNow(invoice)).hasMessageContaining("opened the Pay now page");
        assertThat(FakeStripe.requests("POST", "/v1/payment_intents")).isEmpty();
    }

    @Test
    void an_open_pay_now_page_does_not_block_mark_as_paid_and_is_expired_at_stripe_afterwards() {
        PaymentWorld world = new PaymentWorld(jdbc, data, null);
        long invoice = world.issue(issuing, world.sessions(1, 6_000, NOW));
        FakeStripe.checkoutCreated("cs_office_paid", "payment", "https://checkout.stripe.test/c/pay/cs_office_paid");
        FakeStripe.checkoutExpires("cs_office_paid");
        assertThat(checkouts.openPayPage(invoice).redirect()).isNotNull();
        assertThat(world.attemptStatuses(invoice)).containsExactly("PENDING");

        // Issue 12: before, the database refused this while the client's page was open (up to its expiry).
        settlement.markPaid(invoice, new com.tutordesk.billing.ManualPayment(com.tutordesk.billing.PaymentMethod.CASH,
                NOW.atZone(java.time.ZoneId.of("America/New_York")).toLocalDate(), "At the front desk"));

        assertThat(world.invoiceState(invoice)).isEqualTo("PAID");
        assertThat(world.attemptStatuses(invoice)).containsExactly("EXPIRED");
        assertThat(jdbc.queryForObject("select failure_reason from payment_attempts where invoice_id = ?", String.class,
                invoice)).isEqualTo("Pay now page closed by the office: invoice marked as paid");
        List<LoggedRequest> expired = FakeStripe.requests("POST", "/v1/checkout/sessions/cs_office_paid/expire");
        assertThat(expired).hasSize(1);
        assertThat(expired.getFirst().getHeader("Idempotency-Key")).isEqualTo("invoice-" + invoice + "-attempt-1-expire");
        // The link now says the invoice is paid instead of opening a page.
        assertThat(checkouts.openPayPage(invoice).message()).contains("is paid");
    }

    @Test
    void an_open_pay_now_page_does_not_block_cancelling_the_invoice() {
        PaymentWorld world = new PaymentWorld(jdbc, data, null);
        long invoice = world.issue(issuing, world.sessions(1, 6_000, NOW));
        FakeStripe.checkoutCreated("cs_office_cancel", "payment", "https://checkout.stripe.test/c/pay/cs_office_cancel");
        FakeStripe.checkoutExpires("cs_office_cancel");
        checkouts.openPayPage(invoice);

        assertThat(settlement.cancel(invoice)).isEqualTo(1);

        assertThat(world.invoiceState(invoice)).isEqualTo("CANCELLED");
        assertThat(world.attemptStatuses(invoice)).containsExactly("EXPIRED");
        assertThat(FakeStripe.requests("POST", "/v1/checkout/sessions/cs_office_cancel/expire")).hasSize(1);
    }

    @Test
    void a_card_paid_invoice_is_refunded_not_undone_and_can_be_cancelled_once_refunded_in_full() {
        PaymentWorld world = new PaymentWorld(jdbc, data, null).withCard(true);
        FakeStripe.chargeSucceeds("pi_cancel_paid", 6_000, "ch_cancel_paid");
        List<Long> sessions = world.sessions(1, 6_000, NOW);
        long invoice = world.issue(issuing, sessions);
        assertThat(world.invoiceState(invoice)).isEqualTo("PAID");
        var details = invoices.details(invoice);
        long paymentId = details.payments().getFirst().id();
        assertThat(details.payments().getFirst().mayUndo()).isFalse();
        assertThat(details.allowed().cancel()).isFalse();
        assertThat(details.cancelBlockedReason()).contains("first refund its card payment");
        assertThatThrownBy(() -> settlement.undoPayment(invoice, paymentId, "Typo"))
                .hasMessageContaining("refunded, not undone");
        assertThatThrownBy(() -> settlement.cancel(invoice)).hasMessageContaining("first refund its card payment");

        FakeStripe.refundCreated("re_cancel_paid", 6_000, "succeeded");
        refunds.refund(invoice, 1, 6_000, "Family moved away");
        assertThat(invoices.details(invoice).allowed().cancel()).isTrue();
        assertThat(settlement.cancel(invoice)).isEqualTo(1);
        assertThat(world.invoiceState(invoice)).isEqualTo("CANCELLED");
        assertThat(world.family.billingState(sessions.getFirst())).isEqualTo("UNBILLED");
    }

    @Test
    void the_card_setup_link_makes_a_customer_once_and_opens_a_checkout_page_in_setup_mode() {
        PaymentWorld world = new PaymentWorld(jdbc, data, null);
        FakeStripe.customerCreated("cus_new_1");
        FakeStripe.checkoutCreated("cs_setup_1", "setup", "https://checkout.stripe.test/c/pay/cs_setup_1");

        assertThat(cardsOnFile.sendSetupLink(world.clientId)).isEqualTo("queued for " + world.email);
        cardsOnFile.sendSetupLink(world.clientId);
        PayPage page = cardsOnFile.openSetupPage(world.clientId);
        PayPage again = cardsOnFile.openSetupPage(world.clientId);

        List<LoggedRequest> customers = FakeStripe.requests("POST", "/v1/customers");
        assertThat(customers).hasSize(1);
        assertThat(customers.getFirst().getHeader("Idempotency-Key")).isEqualTo("client-" + world.clientId + "-customer");
        assertThat(FakeStripe.form(customers.getFirst())).containsExactlyInAnyOrderEntriesOf(Map.of(
                "name", jdbc.queryForObject("select name from clients where id = ?", String.class, world.clientId),
                "email", world.email,
                "metadata[client_id]", String.valueOf(world.clientId)));
        assertThat(page.redirect()).isEqualTo(URI.create("https://checkout.stripe.test/c/pay/cs_setup_1"));
        assertThat(again.redirect()).isEqualTo(page.redirect());
        List<LoggedRequest> sessions = FakeStripe.requests("POST", "/v1/checkout/sessions");
        assertThat(sessions).hasSize(1);
        assertThat(sessions.getFirst().getHeader("Idempotency-Key")).isEqualTo("client-" + world.clientId + "-setup-1");
        assertThat(FakeStripe.form(sessions.getFirst())).containsExactlyInAnyOrderEntriesOf(Map.of(
                "mode", "setup",
                "customer", "cus_new_1",
                "payment_method_types[0]", "card",
                "success_url", "https://tutordesk.test/pay/card-saved",
                "cancel_url", "https://tutordesk.test/pay/cancelled",
                "expires_at", String.valueOf(NOW.plusSeconds(3600).getEpochSecond()),
                "metadata[client_id]", String.valueOf(world.clientId),
                "setup_intent_data[metadata][client_id]", String.valueOf(world.clientId)));
        List<String> texts = jdbc.queryForList("select text_body from mail_messages where ref_type = 'CARD_SETUP'"
                + " and ref_id = ?", String.class, world.clientId);
        assertThat(texts).hasSize(2).allSatisfy(text -> assertThat(text)
                .contains("https://tutordesk.test/pay/card/" + world.clientId + "/"));
    }

    @Test
    void autopay_needs_a_card_and_removing_the_card_detaches_it_and_stops_autopay() {
        PaymentWorld world = new PaymentWorld(jdbc, data, null);
        assertThatThrownBy(() -> cardsOnFile.setAutopay(world.clientId, true))
                .hasMessage("Automatic payments need a card on file: send the card setup link first");
        world.withCard(false);
        cardsOnFile.setAutopay(world.clientId, true);
        assertThat(cardsOnFile.status(world.clientId).autopay()).isTrue();
        FakeStripe.detachSucceeds();

        cardsOnFile.removeCard(world.clientId);

        List<LoggedRequest> detached = FakeStripe.requests("POST", "/v1/payment_methods/" + world.paymentMethod()
                + "/detach");
        assertThat(detached).singleElement().satisfies(request -> {
            assertThat(request.getHeader("Idempotency-Key"))
                    .isEqualTo("client-" + world.clientId + "-detach-" + world.paymentMethod());
            assertThat(FakeStripe.form(request)).isEmpty();
        });
        CardsOnFile.CardStatus status = cardsOnFile.status(world.clientId);
        assertThat(status.card()).isNull();
        assertThat(status.autopay()).isFalse();
    }

    @Test
    void a_full_or_partial_refund_goes_to_stripe_with_its_reason_and_shows_on_the_invoice() {
        PaymentWorld world = new PaymentWorld(jdbc, data, null).withCard(true);
        FakeStripe.chargeSucceeds("pi_refund_1", 12_000, "ch_refund_1");
        long invoice = world.issue(issuing, world.sessions(1, 12_000, NOW));
        FakeStripe.refundCreated("re_1", 2_500, "succeeded");

        CardRefunds.RefundResult partial = refunds.refund(invoice, 1, 2_500, "Session ended 15 minutes early");

        assertThat(partial.status()).isEqualTo(PaymentRefund.Status.SUCCEEDED);
        LoggedRequest sent = FakeStripe.requests("POST", "/v1/refunds").getFirst();
        assertThat(sent.getHeader("Idempotency-Key")).isEqualTo("invoice-" + invoice + "-refund-1");
        assertThat(FakeStripe.form(sent)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "payment_intent", "pi_refund_1",
                "amount", "2500",
                "metadata[invoice_id]", String.valueOf(invoice),
                "metadata[refund]", "invoice-" + invoice + "-refund-1",
                "metadata[reason]", "Session ended 15 minutes early"));
        assertThatThrownBy(() -> refunds.refund(invoice, 1, 9_501, "Too much"))
                .hasMessage("Amount must be at most $95.00, what is left to refund of this payment");
        assertThatThrownBy(() -> refunds.refund(invoice, 1, 100, " ")).hasMessage("Reason is required");

        FakeStripe.refundCreated("re_2", 9_500, "succeeded");
        refunds.refund(invoice, 1, 9_500, "Family moved away");

        InvoiceCardPanel panel = panels.panel(invoice).orElseThrow();
        assertThat(panel.refunds()).extracting(InvoiceCardPanel.RefundRow::amountMinor, InvoiceCardPanel.RefundRow::reason,
                InvoiceCardPanel.RefundRow::status).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2_500L, "Session ended 15 minutes early",
                                PaymentRefund.Status.SUCCEEDED),
                        org.assertj.core.groups.Tuple.tuple(9_500L, "Family moved away", PaymentRefund.Status.SUCCEEDED));
        assertThat(panel.refundedMinor()).isEqualTo(12_000);
        assertThat(panel.attempts().getFirst().refundableMinor()).isZero();
        assertThat(world.invoiceState(invoice)).isEqualTo("PAID");
    }
}
