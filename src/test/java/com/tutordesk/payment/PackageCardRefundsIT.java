package com.tutordesk.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.tutordesk.billing.InvoiceCardRefunds;
import com.tutordesk.billing.InvoiceIssuingService;
import com.tutordesk.billing.NewInvoice;
import com.tutordesk.billing.PaymentMethod;
import com.tutordesk.prepaid.ManualRefund;
import com.tutordesk.prepaid.PackageRefundResult;
import com.tutordesk.prepaid.PackageRefunds;
import com.tutordesk.prepaid.PackageRow;
import com.tutordesk.prepaid.PackageState;
import com.tutordesk.prepaid.PrepaidService;
import com.tutordesk.prepaid.RefundOffer;
import com.tutordesk.session.LogSessionRequest;
import com.tutordesk.session.SessionLoggingService;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.RuleViolationException;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.FakeStripe;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestClock;
import com.tutordesk.testing.TestData;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * "Refund unused hours" of a card-paid prepaid package moves money (issue 17): a partial Stripe refund of
 * the invoice's card payment, against the fake Stripe, with a key derived from the package; the hours go
 * only once Stripe accepted it.
 */
@IntegrationTest
class PackageCardRefundsIT {

    @Autowired
    PackageRefunds refunds;

    @Autowired
    PrepaidService prepaid;

    @Autowired
    InvoiceCardRefunds cardRefunds;

    @Autowired
    CardRefunds cardRefundService;

    @Autowired
    InvoiceCardPanels panels;

    @Autowired
    InvoiceIssuingService issuing;

    @Autowired
    SessionLoggingService logging;

    @Autowired
    SettingsService settings;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestData data;

    @Autowired
    SignIn signIn;

    @Autowired
    TestClock clock;

    PaymentWorld world;
    long engagement;
    long invoice;
    long packageId;

    /** An autopay family buys 10 h at $450.00 ($50.00 an hour, sold lower), charged to Visa 4242; uses 2 h. */
    @BeforeEach
    void setUp() {
        FakeStripe.reset();
        clock.reset();
        signIn.as(DemoAccounts.read(jdbc).adminEmail());
        world = new PaymentWorld(jdbc, data, null).withCard(true);
        engagement = world.family.engagement(world.family.student(TestData.unique("Ana")), 5_000);
        String intent = "pi_pkg_" + world.clientId;
        FakeStripe.chargeSucceeds(intent, 45_000, "ch_pkg_" + world.clientId);
        invoice = issuing.create(new NewInvoice(world.clientId, List.of(), List.of(), issuing.defaultDueDate(),
                NewInvoice.Delivery.SEND_NOW, null, List.of(new NewInvoice.PackageLine(engagement, 600, 45_000, null))));
        assertThat(world.invoiceState(invoice)).isEqualTo("PAID");
        LocalDate yesterday = settings.profile().today(clock).minusDays(1);
        logging.logSession(new LogSessionRequest(engagement, yesterday, LocalTime.of(9, 0), 120, null, false,
                UUID.randomUUID().toString()));
        packageId = row().packageId();
        assertThat(row().minutesLeft()).isEqualTo(480);
    }

    @AfterEach
    void tearDown() {
        signIn.out();
        clock.reset();
    }

    private PackageRow row() {
        return prepaid.packagesOfEngagement(engagement).getFirst();
    }

    private List<LoggedRequest> refundRequests() {
        return FakeStripe.requests("POST", "/v1/refunds");
    }

    private static void refundAnswers(int status, String body) {
        FakeStripe.server().stubFor(post(urlPathEqualTo("/v1/refunds")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Test
    void refunding_a_card_paid_package_with_two_hours_used_refunds_exactly_the_unused_value_to_the_card_and_a_second_click_refunds_nothing_more() {
        RefundOffer offer = refunds.offer(packageId);
        assertThat(offer.way()).isEqualTo(RefundOffer.Way.CARD);
        assertThat(offer.cardLast4()).isEqualTo("4242");
        // $450.00 × 480 / 600 = $360.00
        assertThat(offer.valueMinor()).isEqualTo(36_000);
        FakeStripe.refundCreated("re_pkg_1", 36_000, "succeeded");

        PackageRefundResult result = refunds.refundToCard(packageId);

        assertThat(result.refunded()).isTrue();
        assertThat(result.pending()).isFalse();
        assertThat(result.message()).isEqualTo("Refunded $360.00 to the card ending 4242. The unused hours are removed.");
        assertThat(refundRequests()).singleElement().satisfies(sent -> {
            assertThat(sent.getHeader("Idempotency-Key")).isEqualTo("package-" + packageId + "-refund-1");
            Map<String, String> form = FakeStripe.form(sent);
            assertThat(form).containsEntry("amount", "36000").containsEntry("payment_intent", "pi_pkg_" + world.clientId)
                    .containsEntry("metadata[refund]", "package-" + packageId + "-refund-1");
            assertThat(form.get("metadata[reason]")).startsWith("Unused prepaid hours: 8 h of 10 h");
        });
        assertThat(row()).satisfies(p -> {
            assertThat(p.state()).isEqualTo(PackageState.REFUNDED);
            assertThat(p.minutesUsed()).isEqualTo(120);
            assertThat(p.minutesLeft()).isZero();
            assertThat(p.refundedMinor()).isEqualTo(36_000);
            assertThat(p.refund().method()).isEqualTo(PaymentMethod.CARD);
            assertThat(p.refund().cardLast4()).isEqualTo("4242");
            assertThat(p.refund().pending()).isFalse();
        });
        // The invoice page lists the card refund (under its card payments) and the package's refund.
        assertThat(panels.panel(invoice).orElseThrow().refunds()).singleElement().satisfies(refund -> {
            assertThat(refund.amountMinor()).isEqualTo(36_000);
            assertThat(refund.status()).isEqualTo(PaymentRefund.Status.SUCCEEDED);
            assertThat(refund.reason()).startsWith("Unused prepaid hours");
        });
        assertThat(prepaid.refundedOnInvoice(invoice)).singleElement()
                .satisfies(p -> assertThat(p.refundedMinutes()).isEqualTo(480));

        // A second click, or a retry of the same request, refunds nothing more.
        assertThatThrownBy(() -> refunds.refundToCard(packageId)).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("already refunded");
        InvoiceCardRefunds.RefundOutcome again = cardRefunds.refund(invoice, 36_000, "Unused prepaid hours",
                "package-" + packageId + "-refund");
        assertThat(again.outcome()).isEqualTo(InvoiceCardRefunds.Outcome.SUCCEEDED);
        assertThat(again.idempotencyKey()).isEqualTo("package-" + packageId + "-refund-1");
        assertThat(refundRequests()).hasSize(1);
        // A card-paid package is never "recorded" as refunded by hand.
        assertThat(jdbc.queryForObject("select count(*) from payment_refunds where invoice_id = ?", Long.class, invoice))
                .isOne();
    }

    @Test
    void a_declined_or_unanswered_card_refund_leaves_the_hours_and_a_retry_never_refunds_twice() {
        refundAnswers(400, """
                {"error": {"type": "invalid_request_error", "code": "charge_disputed",
                  "message": "This charge is disputed and cannot be refunded."}}""");

        PackageRefundResult declined = refunds.refundToCard(packageId);

        assertThat(declined.refunded()).isFalse();
        assertThat(declined.message()).startsWith("Not refunded: ").contains("This charge is disputed")
                .endsWith("The package's hours are unchanged; you may try again.");
        assertThat(row().state()).isEqualTo(PackageState.ACTIVE);
        assertThat(row().minutesLeft()).isEqualTo(480);

        // Stripe down: no answer, nothing removed.
        FakeStripe.reset();
        refundAnswers(500, """
                {"error": {"type": "api_error", "message": "Something went wrong on Stripe's end."}}""");
        PackageRefundResult unanswered = refunds.refundToCard(packageId);
        assertThat(unanswered.refunded()).isFalse();
        assertThat(unanswered.message()).startsWith("No answer from Stripe: the refund of $360.00 is not confirmed,"
                + " and the package's hours are unchanged.");
        assertThat(row().state()).isEqualTo(PackageState.ACTIVE);
        assertThat(row().minutesLeft()).isEqualTo(480);
        assertThat(refundRequests()).singleElement().satisfies(sent -> assertThat(sent.getHeader("Idempotency-Key"))
                .isEqualTo("package-" + packageId + "-refund-2"));

        // Stripe back: the click again sends the same refund with the same key; it goes through once.
        FakeStripe.reset();
        FakeStripe.refundCreated("re_pkg_2", 36_000, "succeeded");
        PackageRefundResult retried = refunds.refundToCard(packageId);
        assertThat(retried.refunded()).isTrue();
        assertThat(refundRequests()).singleElement().satisfies(sent -> assertThat(sent.getHeader("Idempotency-Key"))
                .isEqualTo("package-" + packageId + "-refund-2"));
        assertThat(row().state()).isEqualTo(PackageState.REFUNDED);
        assertThat(jdbc.queryForList("select status from payment_refunds where invoice_id = ? order by refund_number",
                String.class, invoice)).containsExactly("FAILED", "SUCCEEDED");
        assertThatThrownBy(() -> refunds.refundManually(packageId, new ManualRefund(PaymentMethod.CASH,
                settings.profile().today(clock), null))).isInstanceOf(RuleViolationException.class);
    }

    @Test
    void a_refund_stripe_reports_pending_says_pending_and_gives_the_hours_back_if_it_fails_later() {
        FakeStripe.refundCreated("re_pkg_pending", 36_000, "pending");

        PackageRefundResult result = refunds.refundToCard(packageId);

        assertThat(result.refunded()).isTrue();
        assertThat(result.pending()).isTrue();
        assertThat(result.message()).startsWith("Refund of $360.00 to the card ending 4242 requested: Stripe reports it"
                + " pending.");
        assertThat(row().state()).isEqualTo(PackageState.REFUNDED);
        assertThat(row().refund().pending()).isTrue();

        // Stripe's webhook later: the refund failed; no money went back, so the hours come back.
        cardRefundService.applyRefunds("ch_pkg_" + world.clientId, "pi_pkg_" + world.clientId, List.of(
                new StripeGateway.RefundState("re_pkg_pending", "failed", 36_000, "ch_pkg_" + world.clientId,
                        "pi_pkg_" + world.clientId, Map.of("refund", "package-" + packageId + "-refund-1"),
                        "expired_or_canceled_card")));

        assertThat(row().state()).isEqualTo(PackageState.ACTIVE);
        assertThat(row().minutesLeft()).isEqualTo(480);
        assertThat(row().refund()).isNull();
    }
}
