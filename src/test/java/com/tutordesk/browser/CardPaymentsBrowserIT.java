package com.tutordesk.browser;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.tutordesk.testing.FakeStripe;
import com.tutordesk.testing.TestData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * Card payments in the packaged app with Stripe configured (against the test JVM's fake Stripe):
 * Confirm &amp; Charge on a session of an autopay client, and an invoice of another client paid through
 * its emailed Pay now link, confirmed by a signed webhook.
 */
class CardPaymentsBrowserIT extends BrowserTest {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private TestData data;

    @BeforeEach
    void useTheAppWithStripe() {
        app = RunningApp.withStripe();
        FakeStripe.reset();
        data = new TestData(app.jdbc, PasswordEncoderFactories.createDelegatingPasswordEncoder());
    }

    /** A client of its own with one completed session an hour long at {@code rateMinor}; returns {client, session}. */
    private long[] clientWithSession(String family, String student, long rateMinor) {
        long client = data.client(family);
        long studentId = data.student(client, student);
        long tutor = app.jdbc.queryForObject("select min(id) from tutors", Long.class);
        long engagement = data.engagement(tutor, studentId, data.subject(TestData.unique("Geometry")), rateMinor, 4000);
        long session = data.session(engagement, Instant.now().minus(Duration.ofDays(2)), 60, "COMPLETED");
        return new long[] {client, session};
    }

    private String field(String label) {
        return page.locator(".details-value[data-field='" + label + "']").innerText();
    }

    @Test
    void an_admin_confirms_and_charges_a_session_of_an_autopay_client_and_the_receipt_is_in_the_outbox() {
        String family = TestData.unique("Lindqvist family");
        long[] ids = clientWithSession(family, "Astrid Lindqvist", 8_500);
        app.jdbc.update("update clients set stripe_customer_id = 'cus_browser', stripe_payment_method_id = 'pm_browser',"
                + " card_brand = 'visa', card_last4 = '4242', card_exp_month = 4, card_exp_year = 2030, autopay = true"
                + " where id = ?", ids[0]);
        FakeStripe.chargeSucceeds("pi_browser_1", 8_500, "ch_browser_1");

        signIn("admin@example.org", "demo-admin-pass");
        page.getByText("Today and the next 7 days").waitFor();
        page.navigate(app.baseUrl + "/sessions/" + ids[1]);
        assertThat(page.locator("#session-confirm-charge")).isEnabled();
        assertThat(page.locator("#session-send-invoice")).isHidden();
        page.locator("#session-confirm-charge").click();
        assertThat(page.getByText("Charge $85.00 to Visa •••• 4242 (expires 04/2030)", new Page.GetByTextOptions()
                .setExact(false))).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots",
                "CardPaymentsBrowserIT-confirm.png")));
        page.locator("vaadin-button", new Page.LocatorOptions().setHasText("Charge $85.00")).click();

        assertThat(page.locator(".details-value[data-field='Billing']")).containsText("Paid");
        String number = field("Billing").replace("Paid — ", "").strip();
        assertThat(number).matches("INV-\\d{6}");
        assertThat(page.locator("#session-confirm-charge")).hasCount(0);
        assertThat(FakeStripe.requests("POST", "/v1/payment_intents")).singleElement().satisfies(request -> {
            assertThat(FakeStripe.form(request)).containsEntry("amount", "8500").containsEntry("off_session", "true");
            assertThat(request.getHeader("Idempotency-Key")).matches("invoice-\\d+-attempt-1");
        });

        page.locator("vaadin-side-nav-item", new Page.LocatorOptions().setHasText("Email outbox")).click();
        page.waitForURL(Pattern.compile(".*/outbox.*"));
        waitForGridCell("vaadin-grid", "Receipt for invoice " + number);

        // The client page shows the card on file and automatic payments.
        page.navigate(app.baseUrl + "/clients/" + ids[0]);
        assertThat(page.locator("#card-summary")).hasText("Visa •••• 4242 · expires 04/2030");
        assertThat(page.locator("#card-autopay")).hasText("Automatic payments: on");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots",
                "CardPaymentsBrowserIT-client.png")).setFullPage(true));
    }

    @Test
    void an_invoice_email_has_a_pay_now_link_and_a_signed_checkout_webhook_marks_the_invoice_paid() throws Exception {
        String family = TestData.unique("Moreau family");
        long[] ids = clientWithSession(family, "Lucie Moreau", 6_250);

        signIn("admin@example.org", "demo-admin-pass");
        page.getByText("Today and the next 7 days").waitFor();
        page.navigate(app.baseUrl + "/sessions/" + ids[1]);
        assertThat(page.locator("#session-confirm-charge")).hasCount(0);
        page.locator("#session-send-invoice").click();
        page.waitForURL(Pattern.compile(".*/invoices/new\\?client=" + ids[0] + ".*"));
        waitForGridCell("#invoice-sessions", "Lucie Moreau");
        page.locator("#submit-invoice").click();
        page.waitForURL(Pattern.compile(".*/invoices/\\d+$"));
        long invoice = Long.parseLong(page.url().replaceAll(".*/invoices/", ""));
        assertThat(page.locator(".invoice-status")).containsText("Outstanding");
        assertThat(page.locator("#invoice-pay-link")).isVisible();

        String email = app.jdbc.queryForObject("select text_body from mail_messages where ref_type = 'INVOICE'"
                + " and ref_id = ?", String.class, invoice);
        Matcher link = Pattern.compile(Pattern.quote(app.baseUrl) + "/pay/invoice/" + invoice + "/[A-Za-z0-9_-]+")
                .matcher(email);
        assertThat(link.find()).as("Pay now link in:\n" + email).isTrue();
        String checkoutUrl = FakeStripe.start() + "/checkout/cs_browser_pay";
        FakeStripe.checkoutCreated("cs_browser_pay", "payment", checkoutUrl);
        HttpResponse<String> followed = http.send(HttpRequest.newBuilder(URI.create(link.group())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(followed.statusCode()).isEqualTo(303);
        assertThat(followed.headers().firstValue("Location")).contains(checkoutUrl);
        assertThat(FakeStripe.form(FakeStripe.requests("POST", "/v1/checkout/sessions").getFirst()))
                .containsEntry("mode", "payment").containsEntry("line_items[0][price_data][unit_amount]", "6250");

        // The client pays on Stripe's page; Stripe then tells the app by a signed webhook.
        String paid = FakeStripe.checkoutJson("cs_browser_pay", "payment", "complete", "paid", null,
                FakeStripe.intentJson("pi_browser_pay", "succeeded", 6_250, "ch_browser_pay", null, null), null);
        FakeStripe.server().stubFor(get(urlPathEqualTo("/v1/checkout/sessions/cs_browser_pay")).willReturn(okJson(paid)));
        String payload = FakeStripe.event("evt_browser_pay", "checkout.session.completed", paid,
                Instant.now().getEpochSecond());
        HttpResponse<String> delivered = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl + "/stripe/webhook"))
                .header("Content-Type", "application/json")
                .header("Stripe-Signature", FakeStripe.signature(payload, Instant.now().getEpochSecond(),
                        FakeStripe.WEBHOOK_SECRET))
                .POST(HttpRequest.BodyPublishers.ofString(payload)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(delivered.statusCode()).isEqualTo(200);

        // The app handles the stored event in the background at once; wait for the invoice to be paid.
        Instant deadline = Instant.now().plusSeconds(30);
        while (!"PAID".equals(app.jdbc.queryForObject("select state from invoices where id = ?", String.class, invoice))
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        page.reload();
        assertThat(page.locator(".invoice-status")).containsText("Paid");
        assertThat(page.locator("#invoice-payments")).containsText("Card");
        assertThat(page.locator("#invoice-card-attempts")).isVisible();
        assertThat(app.jdbc.queryForObject("select subject from mail_messages where ref_type = 'INVOICE' and ref_id = ?"
                + " order by id desc limit 1", String.class, invoice)).startsWith("Receipt for invoice");
        assertThat(Map.of("event", app.jdbc.queryForObject("select outcome from stripe_events where id = ?",
                String.class, "evt_browser_pay"))).containsEntry("event", "invoice paid");
    }
}
