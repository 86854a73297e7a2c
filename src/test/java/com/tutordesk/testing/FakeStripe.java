package com.tutordesk.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.stripe.Stripe;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A local stand-in for Stripe's API, for tests only: a WireMock server (one per test JVM) that the
 * real stripe-java client of the application talks to ({@code tutordesk.stripe.api-base}), answering
 * with JSON shaped like Stripe's API reference. Tests stub the answers they need, read back every
 * request (form parameters and Idempotency-Key), and sign webhook events as Stripe does
 * (HMAC-SHA256 of {@code timestamp + "." + payload}).
 */
public final class FakeStripe {

    public static final String SECRET_KEY = "sk_test_tutordesk_fake_key";
    public static final String WEBHOOK_SECRET = "whsec_tutordesk_fake_secret";
    /** Read timeout of the app's Stripe calls in integration tests; a delay beyond it is a timeout. Long
     *  enough that a busy 2-core machine answering slowly is not taken for one (it was at 1.5 s). */
    public static final int READ_TIMEOUT_MS = 4000;

    private static WireMockServer server;

    private FakeStripe() {
    }

    /** Starts the server on first use; returns its base URL (no /v1). */
    public static synchronized String start() {
        if (server == null) {
            server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return "http://127.0.0.1:" + server.port();
    }

    /** @return the running server (started on first use) */
    public static synchronized WireMockServer server() {
        start();
        return server;
    }

    /** Forgets every stub and recorded request. */
    public static void reset() {
        server().resetAll();
    }

    // ---- stubs ----

    public static void customerCreated(String customerId) {
        server().stubFor(post(urlPathEqualTo("/v1/customers")).willReturn(okJson("""
                {"id": "%s", "object": "customer", "livemode": false, "metadata": {}}""".formatted(customerId))));
    }

    public static void checkoutCreated(String sessionId, String mode, String url) {
        server().stubFor(post(urlPathEqualTo("/v1/checkout/sessions")).willReturn(okJson(checkoutJson(sessionId, mode,
                "open", "unpaid", null, null, url))));
    }

    /** POST /v1/checkout/sessions/{id}/expire answers with the page expired (issue 12: the office settled it). */
    public static void checkoutExpires(String sessionId) {
        server().stubFor(post(urlPathEqualTo("/v1/checkout/sessions/" + sessionId + "/expire")).willReturn(okJson(
                checkoutJson(sessionId, "payment", "expired", "unpaid", null, null, null))));
    }

    /** A Checkout Session as GET /v1/checkout/sessions/{id} returns it (expanded objects inline, or null). */
    public static void checkoutReads(String sessionId, String json) {
        server().stubFor(get(urlPathEqualTo("/v1/checkout/sessions/" + sessionId)).willReturn(okJson(json)));
    }

    /** @return a Checkout Session's JSON; {@code setupIntent} / {@code paymentIntent} are JSON objects or null */
    public static String checkoutJson(String id, String mode, String status, String paymentStatus, String setupIntent,
            String paymentIntent, String url) {
        return """
                {"id": "%s", "object": "checkout.session", "mode": "%s", "status": "%s", "payment_status": "%s",
                 "customer": "cus_fake", "livemode": false, "expires_at": 1795000000, "url": %s,
                 "metadata": {}, "setup_intent": %s, "payment_intent": %s}""".formatted(id, mode, status, paymentStatus,
                url == null ? "null" : "\"" + url + "\"", setupIntent == null ? "null" : setupIntent,
                paymentIntent == null ? "null" : paymentIntent);
    }

    /** @return a card payment method's JSON */
    public static String cardJson(String paymentMethodId, String brand, String last4, int month, int year) {
        return """
                {"id": "%s", "object": "payment_method", "type": "card", "customer": "cus_fake",
                 "card": {"brand": "%s", "last4": "%s", "exp_month": %d, "exp_year": %d, "country": "US"}}"""
                .formatted(paymentMethodId, brand, last4, month, year);
    }

    /** @return a PaymentIntent's JSON */
    public static String intentJson(String id, String status, long amount, String chargeId, String lastError,
            String attemptKey) {
        return """
                {"id": "%s", "object": "payment_intent", "amount": %d, "currency": "usd", "status": "%s",
                 "latest_charge": %s, "last_payment_error": %s, "livemode": false,
                 "metadata": {"attempt": "%s"}}""".formatted(id, amount, status,
                chargeId == null ? "null" : "\"" + chargeId + "\"", lastError == null ? "null" : lastError,
                attemptKey == null ? "" : attemptKey);
    }

    /** POST /v1/payment_intents answers a succeeded charge. */
    public static void chargeSucceeds(String intentId, long amount, String chargeId) {
        server().stubFor(post(urlPathEqualTo("/v1/payment_intents")).willReturn(okJson(intentJson(intentId, "succeeded",
                amount, chargeId, null, null))));
    }

    /** POST /v1/payment_intents answers a succeeded charge after {@code delayMs}. */
    public static void chargeSucceedsAfter(String intentId, long amount, String chargeId, int delayMs) {
        server().stubFor(post(urlPathEqualTo("/v1/payment_intents")).willReturn(okJson(intentJson(intentId, "succeeded",
                amount, chargeId, null, null)).withFixedDelay(delayMs)));
    }

    /** POST /v1/payment_intents: the first request gets no answer in time, later ones the succeeded charge. */
    public static void chargeTimesOutThenSucceeds(String intentId, long amount, String chargeId) {
        String body = intentJson(intentId, "succeeded", amount, chargeId, null, null);
        server().stubFor(post(urlPathEqualTo("/v1/payment_intents")).inScenario("timeout")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("answering")
                .willReturn(okJson(body).withFixedDelay(READ_TIMEOUT_MS + 1500)));
        server().stubFor(post(urlPathEqualTo("/v1/payment_intents")).inScenario("timeout")
                .whenScenarioStateIs("answering").willReturn(okJson(body)));
    }

    /**
     * POST /v1/payment_intents answers HTTP 402 as Stripe does for an off-session charge the bank
     * refuses: a card_error with code and decline code, and the PaymentIntent left requiring a new
     * payment method.
     */
    public static void chargeFails(String intentId, long amount, String code, String declineCode, String message) {
        String error = """
                {"type": "card_error", "code": "%s", %s "message": "%s", "charge": "ch_failed"}"""
                .formatted(code, declineCode == null ? "" : "\"decline_code\": \"" + declineCode + "\",", message);
        String intent = intentJson(intentId, "requires_payment_method", amount, "ch_failed", error, null);
        server().stubFor(post(urlPathEqualTo("/v1/payment_intents")).willReturn(aResponse().withStatus(402)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"error": {"type": "card_error", "code": "%s", %s "message": "%s", "charge": "ch_failed",
                          "payment_intent": %s}}""".formatted(code,
                        declineCode == null ? "" : "\"decline_code\": \"" + declineCode + "\",", message, intent))));
    }

    /** GET /v1/payment_intents/{id}. */
    public static void intentReads(String intentId, String json) {
        server().stubFor(get(urlPathEqualTo("/v1/payment_intents/" + intentId)).willReturn(okJson(json)));
    }

    public static void refundCreated(String refundId, long amount, String status) {
        server().stubFor(post(urlPathEqualTo("/v1/refunds")).willReturn(okJson(refundJson(refundId, amount, status,
                "{}"))));
    }

    public static String refundJson(String refundId, long amount, String status, String metadata) {
        return """
                {"id": "%s", "object": "refund", "amount": %d, "currency": "usd", "status": "%s",
                 "charge": "ch_fake", "payment_intent": "pi_fake", "metadata": %s}""".formatted(refundId, amount, status,
                metadata);
    }

    /** GET /v1/refunds?charge=… */
    public static void refundsOfCharge(String chargeId, String... refunds) {
        server().stubFor(get(urlPathEqualTo("/v1/refunds")).willReturn(okJson("""
                {"object": "list", "url": "/v1/refunds", "has_more": false, "data": [%s]}"""
                .formatted(String.join(",", refunds)))));
    }

    public static void detachSucceeds() {
        server().stubFor(post(urlPathMatching("/v1/payment_methods/[^/]+/detach")).willReturn(okJson("""
                {"id": "pm_detached", "object": "payment_method", "type": "card", "customer": null}""")));
    }

    // ---- what the app sent ----

    /** @return the requests to a path (any method), oldest first */
    public static List<LoggedRequest> requests(String method, String path) {
        return server().findAll(anyRequestedFor(urlPathEqualTo(path))).stream()
                .filter(r -> r.getMethod().getName().equals(method)).toList();
    }

    /** @return a form body as Stripe receives it, decoded: {@code metadata[invoice_id] -> 42} */
    public static Map<String, String> form(LoggedRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        String body = request.getBodyAsString();
        if (body == null || body.isEmpty()) {
            return fields;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    // ---- webhooks ----

    /** @return an event as Stripe sends it, with the SDK's API version (else the SDK reads no object) */
    public static String event(String eventId, String type, String objectJson, long created) {
        return """
                {"id": "%s", "object": "event", "api_version": "%s", "created": %d, "livemode": false,
                 "pending_webhooks": 1, "type": "%s", "data": {"object": %s}}""".formatted(eventId, Stripe.API_VERSION,
                created, type, objectJson);
    }

    /** @return the Stripe-Signature header for a payload signed at {@code timestamp} (epoch seconds) */
    public static String signature(String payload, long timestamp, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
