package com.tutordesk.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.tutordesk.billing.InvoiceService;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.FakeStripe;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestClock;
import com.tutordesk.testing.TestData;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * {@code POST /stripe/webhook} through the app's real security filters: signature and timestamp
 * checks, each event id stored and processed once, effects decided by the object as Stripe has it
 * now (re-read), whatever order the events come in; and the pay links in emails.
 */
@IntegrationTest
class StripeWebhookIT {

    static final Instant NOW = TestClock.START;

    @Autowired
    WebApplicationContext context;

    @Autowired
    StripeWebhooks webhooks;

    @Autowired
    CardCharges charges;

    @Autowired
    InvoiceService invoices;

    @Autowired
    PaymentLinks links;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestData data;

    @Autowired
    SignIn signIn;

    @Autowired
    TestClock clock;

    MockMvc mvc;
    DemoAccounts demo;

    @BeforeEach
    void setUp() {
        FakeStripe.reset();
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        demo = DemoAccounts.read(jdbc);
        signIn.as(demo.adminEmail());
    }

    @AfterEach
    void tearDown() {
        signIn.out();
        clock.reset();
    }

    private MvcResult deliver(String payload, String signature) throws Exception {
        var request = post("/stripe/webhook").contentType(MediaType.APPLICATION_JSON).content(payload);
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        return mvc.perform(request).andReturn();
    }

    private MvcResult deliver(String payload) throws Exception {
        long now = clock.instant().getEpochSecond();
        return deliver(payload, FakeStripe.signature(payload, now, FakeStripe.WEBHOOK_SECRET));
    }

    private int stored(String eventId) {
        return jdbc.queryForObject("select count(*) from stripe_events where id = ?", Integer.class, eventId);
    }

    private long invoiceWithPayPage(PaymentWorld world, String checkoutId) {
        long invoice = world.issue(invoices, world.sessions(1, 8_800, NOW));
        FakeStripe.checkoutCreated(checkoutId, "payment", "https://checkout.stripe.test/" + checkoutId);
        assertThat(charges.openPayPage(invoice).redirect()).isNotNull();
        return invoice;
    }

    private static String paidCheckout(String checkoutId, String intentId) {
        return FakeStripe.checkoutJson(checkoutId, "payment", "complete", "paid", null,
                FakeStripe.intentJson(intentId, "succeeded", 8_800, "ch_" + intentId, null, null).replace(
                        "\"metadata\"", "\"payment_method\": " + FakeStripe.cardJson("pm_paid", "mastercard", "4444",
                                9, 2029) + ", \"metadata\""), null);
    }

    @Test
    void a_webhook_with_a_bad_signature_or_none_is_refused_and_not_stored() throws Exception {
        String payload = FakeStripe.event("evt_bad_sig", "payment_intent.succeeded", "{\"id\": \"pi_x\"}",
                NOW.getEpochSecond());

        assertThat(deliver(payload, FakeStripe.signature(payload, NOW.getEpochSecond(), "whsec_wrong"))
                .getResponse().getStatus()).isEqualTo(400);
        assertThat(deliver(payload, null).getResponse().getStatus()).isEqualTo(400);
        String tampered = payload.replace("pi_x", "pi_y");
        assertThat(deliver(tampered, FakeStripe.signature(payload, NOW.getEpochSecond(), FakeStripe.WEBHOOK_SECRET))
                .getResponse().getStatus()).isEqualTo(400);
        assertThat(stored("evt_bad_sig")).isZero();
    }

    @Test
    void a_body_over_256_kb_is_refused_with_413_and_one_at_the_cap_is_read() throws Exception {
        String event = FakeStripe.event("evt_at_cap", "payment_intent.succeeded", "{\"id\": \"pi_cap\"}",
                NOW.getEpochSecond());
        String atCap = event + " ".repeat(StripeWebhookController.MAX_BODY_BYTES - event.length());
        assertThat(atCap.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSize(256 * 1024);

        MvcResult overCap = deliver(atCap + " ");
        assertThat(overCap.getResponse().getStatus()).isEqualTo(413);
        assertThat(stored("evt_at_cap")).isZero();
        assertThat(deliver(atCap).getResponse().getStatus()).isEqualTo(200);
        assertThat(stored("evt_at_cap")).isEqualTo(1);
    }

    @Test
    void a_webhook_signed_too_long_ago_is_refused() throws Exception {
        String payload = FakeStripe.event("evt_old", "payment_intent.succeeded", "{\"id\": \"pi_old\"}",
                NOW.getEpochSecond());
        long tenMinutesAgo = NOW.minusSeconds(600).getEpochSecond();

        MvcResult result = deliver(payload, FakeStripe.signature(payload, tenMinutesAgo, FakeStripe.WEBHOOK_SECRET));

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(stored("evt_old")).isZero();
        long fourMinutesAgo = NOW.minusSeconds(240).getEpochSecond();
        assertThat(deliver(payload, FakeStripe.signature(payload, fourMinutesAgo, FakeStripe.WEBHOOK_SECRET))
                .getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void a_paid_checkout_marks_the_invoice_paid_once_however_often_the_event_is_replayed() throws Exception {
        PaymentWorld world = new PaymentWorld(jdbc, data, null);
        long invoice = invoiceWithPayPage(world, "cs_webhook_paid");
        FakeStripe.checkoutReads("cs_webhook_paid", paidCheckout("cs_webhook_paid", "pi_webhook_paid"));
        String payload = FakeStripe.event("evt_paid_1", "checkout.session.completed",
                FakeStripe.checkoutJson("cs_webhook_paid", "payment", "complete", "paid", null, "\"pi_webhook_paid\"",
                        null), NOW.getEpochSecond());

        MvcResult first = deliver(payload);
        MvcResult replay = deliver(payload);
        webhooks.processPending();
        MvcResult late = deliver(payload);
        webhooks.processPending();

        assertThat(first.getResponse().getStatus()).isEqualTo(200);
        assertThat(replay.getResponse().getStatus()).isEqualTo(200);
        assertThat(replay.getResponse().getContentAsString()).isEqualTo("already received");
        assertThat(late.getResponse().getStatus()).isEqualTo(200);
        assertThat(stored("evt_paid_1")).isOne();
        assertThat(jdbc.queryForObject("select outcome from stripe_events where id = 'evt_paid_1'", String.class))
                .isEqualTo("invoice paid");
        assertThat(world.invoiceState(invoice)).isEqualTo("PAID");
        assertThat(jdbc.queryForList("select reference from invoice_payments where invoice_id = ?", String.class, invoice))
                .containsExactly("pi_webhook_paid");
        assertThat(world.invoiceEmails(invoice)).filteredOn(s -> s.startsWith("Receipt")).hasSize(1);
        assertThat(world.lastInvoiceEmailText(invoice)).contains("Mastercard •••• 4444");
        // Stripe also tells about the payment intent: the attempt is already settled, nothing happens twice.
        FakeStripe.intentReads("pi_webhook_paid", FakeStripe.intentJson("pi_webhook_paid", "succeeded", 8_800,
                "ch_pi_webhook_paid", null, "invoice-" + invoice + "-attempt-1"));
        deliver(FakeStripe.event("evt_paid_2", "payment_intent.succeeded", "{\"id\": \"pi_webhook_paid\"}",
                NOW.getEpochSecond()));
        webhooks.processPending();
        assertThat(jdbc.queryForObject("select outcome from stripe_events where id = 'evt_paid_2'", String.class))
                .isEqualTo("already succeeded");
        assertThat(jdbc.queryForObject("select count(*) from invoice_payments where invoice_id = ?", Integer.class,
                invoice)).isOne();
    }

    @Test
    void events_out_of_order_are_decided_by_the_payment_intent_as_stripe_has_it_now() throws Exception {
        PaymentWorld world = new PaymentWorld(jdbc, data, null).withCard(true);
        // Stripe answers the charge with "processing": the outcome comes later, by webhook.
        FakeStripe.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/v1/payment_intents"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(FakeStripe.intentJson("pi_order",
                        "processing", 6_100, null, null, null))));
        long invoice = world.issue(invoices, world.sessions(1, 6_100, NOW));
        assertThat(world.attemptStatuses(invoice)).containsExactly("PENDING");
        FakeStripe.intentReads("pi_order", FakeStripe.intentJson("pi_order", "succeeded", 6_100, "ch_order", null,
                "invoice-" + invoice + "-attempt-1"));

        // The failure of an earlier try arrives after the success, and is read back as it is now: succeeded.
        String failed = FakeStripe.event("evt_order_failed", "payment_intent.payment_failed", FakeStripe.intentJson(
                "pi_order", "requires_payment_method", 6_100, null, "{\"code\": \"card_declined\"}", null),
                NOW.getEpochSecond() - 5);
        String succeeded = FakeStripe.event("evt_order_ok", "payment_intent.succeeded", FakeStripe.intentJson(
                "pi_order", "succeeded", 6_100, "ch_order", null, null), NOW.getEpochSecond() - 10);
        deliver(failed);
        webhooks.processPending();
        deliver(succeeded);
        webhooks.processPending();

        assertThat(world.attemptStatuses(invoice)).containsExactly("SUCCEEDED");
        assertThat(world.invoiceState(invoice)).isEqualTo("PAID");
        assertThat(world.invoiceEmails(invoice)).singleElement().asString().startsWith("Receipt");
        assertThat(jdbc.queryForObject("select outcome from stripe_events where id = 'evt_order_failed'", String.class))
                .isEqualTo("invoice paid");
        assertThat(jdbc.queryForObject("select outcome from stripe_events where id = 'evt_order_ok'", String.class))
                .isEqualTo("already succeeded");
    }

    @Test
    void a_completed_setup_page_saves_the_card_summary_on_the_client() throws Exception {
        PaymentWorld world = new PaymentWorld(jdbc, data, null);
        jdbc.update("update clients set stripe_customer_id = 'cus_fake' where id = ?", world.clientId);
        String setupIntent = """
                {"id": "seti_1", "object": "setup_intent", "status": "succeeded", "customer": "cus_fake",
                 "payment_method": %s}""".formatted(FakeStripe.cardJson("pm_saved_1", "amex", "0005", 11, 2031));
        String session = FakeStripe.checkoutJson("cs_setup_done", "setup", "complete", "no_payment_required",
                setupIntent, null, null).replace("\"metadata\": {}", "\"metadata\": {\"client_id\": \"" + world.clientId
                + "\"}");
        FakeStripe.checkoutReads("cs_setup_done", session);

        deliver(FakeStripe.event("evt_setup_1", "checkout.session.completed", session, NOW.getEpochSecond()));
        webhooks.processPending();

        assertThat(jdbc.queryForMap("select stripe_payment_method_id, card_brand, card_last4, card_exp_month,"
                + " card_exp_year, autopay from clients where id = ?", world.clientId))
                .containsEntry("stripe_payment_method_id", "pm_saved_1").containsEntry("card_brand", "amex")
                .containsEntry("card_last4", "0005").containsEntry("card_exp_month", 11)
                .containsEntry("card_exp_year", 2031).containsEntry("autopay", false);

        // A setup page of another Stripe customer never puts a card on this client.
        PaymentWorld other = new PaymentWorld(jdbc, data, null);
        jdbc.update("update clients set stripe_customer_id = 'cus_someone_else' where id = ?", other.clientId);
        String foreign = session.replace("cs_setup_done", "cs_setup_foreign").replace("\"client_id\": \""
                + world.clientId + "\"", "\"client_id\": \"" + other.clientId + "\"");
        FakeStripe.checkoutReads("cs_setup_foreign", foreign);
        deliver(FakeStripe.event("evt_setup_2", "checkout.session.completed", foreign, NOW.getEpochSecond()));
        webhooks.processPending();
        assertThat(jdbc.queryForObject("select card_last4 from clients where id = ?", String.class, other.clientId))
                .isNull();
        assertThat(jdbc.queryForObject("select outcome from stripe_events where id = 'evt_setup_2'", String.class))
                .isEqualTo("customer mismatch: ignored");
    }

    @Test
    void charge_refunded_updates_our_refunds_and_adds_one_made_in_the_stripe_dashboard() throws Exception {
        PaymentWorld world = new PaymentWorld(jdbc, data, null).withCard(true);
        FakeStripe.chargeSucceeds("pi_refunded", 10_000, "ch_refunded");
        long invoice = world.issue(invoices, world.sessions(1, 10_000, NOW));
        FakeStripe.refundCreated("re_ours", 3_000, "pending");
        assertThat(charges.refund(invoice, 1, 3_000, "Late start").status()).isEqualTo(PaymentRefund.Status.PENDING);
        FakeStripe.refundsOfCharge("ch_refunded",
                FakeStripe.refundJson("re_ours", 3_000, "succeeded", "{\"refund\": \"invoice-" + invoice + "-refund-1\"}"),
                FakeStripe.refundJson("re_dashboard", 1_000, "succeeded", "{}"));

        deliver(FakeStripe.event("evt_refunded", "charge.refunded", "{\"id\": \"ch_refunded\", \"object\": \"charge\"}",
                NOW.getEpochSecond()));
        webhooks.processPending();

        CardCharges.InvoiceCardPanel panel = charges.panel(invoice).orElseThrow();
        assertThat(panel.refunds()).extracting(CardCharges.RefundRow::reason, CardCharges.RefundRow::amountMinor,
                CardCharges.RefundRow::status).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Late start", 3_000L, PaymentRefund.Status.SUCCEEDED),
                        org.assertj.core.groups.Tuple.tuple("Refunded in the Stripe dashboard", 1_000L,
                                PaymentRefund.Status.SUCCEEDED));
        assertThat(panel.attempts().getFirst().refundableMinor()).isEqualTo(6_000);
    }

    @Test
    void only_the_webhook_is_exempt_from_login_and_csrf_and_pay_links_need_their_hmac() throws Exception {
        signIn.out();
        String payload = FakeStripe.event("evt_unknown_type", "customer.updated", "{\"id\": \"cus_1\"}",
                NOW.getEpochSecond());
        assertThat(deliver(payload).getResponse().getStatus()).isEqualTo(200);
        webhooks.processPending();
        assertThat(jdbc.queryForObject("select outcome from stripe_events where id = 'evt_unknown_type'", String.class))
                .isEqualTo("ignored");

        // Another POST without a login or CSRF token is not let through.
        int other = mvc.perform(post("/stripe/other").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andReturn().getResponse().getStatus();
        assertThat(other).isIn(302, 401, 403);
        int payPost = mvc.perform(post("/pay/done")).andReturn().getResponse().getStatus();
        assertThat(payPost).isIn(302, 401, 403);

        signIn.as(demo.adminEmail());
        PaymentWorld world = new PaymentWorld(jdbc, data, null);
        long invoice = world.issue(invoices, world.sessions(1, 5_500, NOW));
        signIn.out();
        FakeStripe.checkoutCreated("cs_link", "payment", "https://checkout.stripe.test/cs_link");
        String link = links.payLinkFor(invoice).orElseThrow().getPath();

        MvcResult good = mvc.perform(get(link)).andReturn();
        MvcResult forged = mvc.perform(get("/pay/invoice/" + invoice + "/AAAAAAAAAAAAAAAAAAAAAAAAAAA")).andReturn();
        MvcResult otherInvoice = mvc.perform(get(link.replace("/invoice/" + invoice + "/",
                "/invoice/" + (invoice + 1) + "/"))).andReturn();

        assertThat(good.getResponse().getStatus()).isEqualTo(303);
        assertThat(good.getResponse().getHeader("Location")).isEqualTo("https://checkout.stripe.test/cs_link");
        assertThat(forged.getResponse().getStatus()).isEqualTo(404);
        assertThat(otherInvoice.getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/pay/done")).andReturn().getResponse().getContentAsString())
                .contains("Thank you! Your payment is being confirmed");
    }
}
