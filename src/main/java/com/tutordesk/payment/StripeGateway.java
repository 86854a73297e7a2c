package com.tutordesk.payment;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.PaymentMethod;
import com.stripe.model.Refund;
import com.stripe.model.SetupIntent;
import com.stripe.model.StripeError;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentRetrieveParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.RefundListParams;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionRetrieveParams;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one place that talks to Stripe, through the official stripe-java client. Every request that
 * creates something carries the idempotency key it is given (never one the SDK makes up), and the SDK
 * retries nothing by itself: the caller keeps the key with the attempt and decides when to send again.
 * Answers are turned into small records; a call whose outcome is unknown (timeout, network, Stripe
 * 5xx, rate limit, key in use) throws {@link StripeUnavailableException}, a refusal
 * {@link StripeRejectedException}. Nothing here logs a secret or card data.
 */
@Component
class StripeGateway {

    private static final Logger log = LoggerFactory.getLogger(StripeGateway.class);

    private final StripeProperties properties;
    private final StripeClient client;

    StripeGateway(StripeProperties properties) {
        this.properties = properties;
        if (properties.configured()) {
            StripeClient.StripeClientBuilder builder = StripeClient.builder()
                    .setApiKey(properties.secretKey())
                    .setConnectTimeout((int) properties.connectTimeout().toMillis())
                    .setReadTimeout((int) properties.readTimeout().toMillis())
                    .setMaxNetworkRetries(0);
            if (properties.apiBase() != null) {
                builder.setApiBase(properties.apiBase());
            }
            this.client = builder.build();
        } else {
            this.client = null;
        }
    }

    boolean configured() {
        return client != null;
    }

    // ---- answers ----

    /** A hosted Checkout page. */
    record Checkout(String id, String url, Instant expiresAt) {
    }

    /** A card as Stripe describes a payment method: brand, last 4, expiry, never more. */
    record Card(String paymentMethodId, String brand, String last4, int expMonth, int expYear) {
    }

    /**
     * A Checkout Session as it is now.
     *
     * @param mode            "setup" or "payment"
     * @param status          "open", "complete" or "expired"
     * @param paymentStatus   "paid", "unpaid" or "no_payment_required"
     * @param paymentIntentId payment mode: its PaymentIntent, or {@code null}
     * @param chargeId        payment mode: the PaymentIntent's latest charge, or {@code null}
     * @param card            setup mode: the saved card, or {@code null}
     */
    record CheckoutState(String id, String mode, String status, String paymentStatus, String customerId,
            Map<String, String> metadata, String paymentIntentId, String chargeId, Long amountTotal, String currency,
            Card card) {
    }

    /** A PaymentIntent as it is now. */
    record IntentState(String id, String status, String chargeId, String failureCode, String failureReason,
            Map<String, String> metadata, long amount, String currency) {
    }

    /** A refund as it is now. */
    record RefundState(String id, String status, long amount, String chargeId, String paymentIntentId,
            Map<String, String> metadata, String failureReason) {
    }

    /** What an off-session charge came to. */
    sealed interface ChargeOutcome {
        /** Money taken. */
        record Succeeded(String paymentIntentId, String chargeId) implements ChargeOutcome {
        }

        /** Stripe is still working on it; a webhook (or a later read) tells the outcome. */
        record Processing(String paymentIntentId) implements ChargeOutcome {
        }

        /** The bank declined the card. */
        record Declined(String paymentIntentId, String code, String reason) implements ChargeOutcome {
        }

        /** The bank wants the cardholder to authenticate (3-D Secure), which an off-session charge cannot. */
        record AuthenticationRequired(String paymentIntentId, String reason) implements ChargeOutcome {
        }
    }

    // ---- calls ----

    /** POST /v1/customers. */
    String createCustomer(long clientId, String name, String email, String idempotencyKey) {
        CustomerCreateParams params = CustomerCreateParams.builder().setName(name).setEmail(email)
                .putMetadata("client_id", String.valueOf(clientId)).build();
        return call("create customer", () -> client.v1().customers().create(params, options(idempotencyKey)).getId());
    }

    /** POST /v1/checkout/sessions in setup mode: the client saves a card for later charges. */
    Checkout createSetupCheckout(long clientId, String customerId, Instant expiresAt, String successUrl,
            String cancelUrl, String idempotencyKey) {
        SessionCreateParams params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SETUP)
                .setCustomer(customerId)
                .addPaymentMethodType(SessionCreateParams.PaymentMethodType.CARD)
                .setSuccessUrl(successUrl)
                .setCancelUrl(cancelUrl)
                .setExpiresAt(expiresAt.getEpochSecond())
                .putMetadata("client_id", String.valueOf(clientId))
                .setSetupIntentData(SessionCreateParams.SetupIntentData.builder()
                        .putMetadata("client_id", String.valueOf(clientId)).build())
                .build();
        return call("create setup checkout", () -> checkout(client.v1().checkout().sessions()
                .create(params, options(idempotencyKey))));
    }

    /** What a Checkout page in payment mode collects. */
    record PaymentCheckout(long invoiceId, String invoiceNumber, String attemptKey, long amountMinor, String currency,
            String customerId, String customerEmail, Instant expiresAt, String successUrl, String cancelUrl) {
    }

    /** POST /v1/checkout/sessions in payment mode, for exactly the open amount of an invoice. */
    Checkout createPaymentCheckout(PaymentCheckout request) {
        SessionCreateParams.Builder params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .addPaymentMethodType(SessionCreateParams.PaymentMethodType.CARD)
                .addLineItem(SessionCreateParams.LineItem.builder()
                        .setQuantity(1L)
                        .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                                .setCurrency(request.currency().toLowerCase(Locale.ROOT))
                                .setUnitAmount(request.amountMinor())
                                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                        .setName("Invoice " + request.invoiceNumber()).build())
                                .build())
                        .build())
                .setClientReferenceId(String.valueOf(request.invoiceId()))
                .putMetadata("invoice_id", String.valueOf(request.invoiceId()))
                .putMetadata("attempt", request.attemptKey())
                .setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
                        .setDescription("Invoice " + request.invoiceNumber())
                        .putMetadata("invoice_id", String.valueOf(request.invoiceId()))
                        .putMetadata("attempt", request.attemptKey())
                        .build())
                .setSuccessUrl(request.successUrl())
                .setCancelUrl(request.cancelUrl())
                .setExpiresAt(request.expiresAt().getEpochSecond());
        if (request.customerId() != null) {
            params.setCustomer(request.customerId());
        } else {
            params.setCustomerEmail(request.customerEmail());
        }
        SessionCreateParams built = params.build();
        return call("create payment checkout", () -> checkout(client.v1().checkout().sessions()
                .create(built, options(request.attemptKey()))));
    }

    /** What an off-session charge sends. */
    record OffSessionCharge(long invoiceId, String invoiceNumber, String attemptKey, long amountMinor, String currency,
            String customerId, String paymentMethodId) {
    }

    /**
     * POST /v1/payment_intents, confirmed at once and off session, with the saved card.
     *
     * @throws StripeUnavailableException when the outcome is unknown: send the same request again later
     * @throws StripeRejectedException when Stripe refused the request itself (not a card decline)
     */
    ChargeOutcome chargeOffSession(OffSessionCharge request) {
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
                .setAmount(request.amountMinor())
                .setCurrency(request.currency().toLowerCase(Locale.ROOT))
                .setCustomer(request.customerId())
                .setPaymentMethod(request.paymentMethodId())
                .setConfirm(true)
                .setOffSession(true)
                .setDescription("Invoice " + request.invoiceNumber())
                .putMetadata("invoice_id", String.valueOf(request.invoiceId()))
                .putMetadata("attempt", request.attemptKey())
                .build();
        try {
            PaymentIntent intent = client.v1().paymentIntents().create(params, options(request.attemptKey()));
            return outcome(intent);
        } catch (CardException e) {
            StripeError error = e.getStripeError();
            String intentId = error != null && error.getPaymentIntent() != null ? error.getPaymentIntent().getId() : null;
            String code = firstNonBlank(e.getDeclineCode(), e.getCode(), "card_declined");
            if ("authentication_required".equals(e.getCode()) || "authentication_required".equals(e.getDeclineCode())) {
                return new ChargeOutcome.AuthenticationRequired(intentId, "The card needs the cardholder's authentication");
            }
            return new ChargeOutcome.Declined(intentId, code, declineReason(code));
        } catch (StripeException e) {
            throw translate("create payment intent", e);
        }
    }

    /** GET /v1/checkout/sessions/{id}, with the saved card (setup) or the payment intent (payment). */
    CheckoutState retrieveCheckout(String id) {
        SessionRetrieveParams params = SessionRetrieveParams.builder()
                .addExpand("setup_intent.payment_method")
                .addExpand("payment_intent.payment_method")
                .build();
        return call("read checkout session", () -> {
            Session session = client.v1().checkout().sessions().retrieve(id, params, readOptions());
            Card card = null;
            SetupIntent setup = session.getSetupIntentObject();
            if (setup != null && setup.getPaymentMethodObject() != null) {
                card = card(setup.getPaymentMethodObject());
            }
            PaymentIntent intent = session.getPaymentIntentObject();
            if (card == null && intent != null && intent.getPaymentMethodObject() != null) {
                card = card(intent.getPaymentMethodObject());
            }
            return new CheckoutState(session.getId(), session.getMode(), session.getStatus(), session.getPaymentStatus(),
                    session.getCustomer(), session.getMetadata() == null ? Map.of() : session.getMetadata(),
                    intent != null ? intent.getId() : session.getPaymentIntent(),
                    intent != null ? intent.getLatestCharge() : null, session.getAmountTotal(), session.getCurrency(), card);
        });
    }

    /**
     * POST /v1/checkout/sessions/{id}/expire: an open Checkout page can no longer be paid.
     *
     * @throws StripeRejectedException when Stripe refuses, e.g. the page is already complete or expired
     */
    CheckoutState expireCheckout(String id, String idempotencyKey) {
        return call("expire checkout session", () -> {
            Session session = client.v1().checkout().sessions().expire(id, options(idempotencyKey));
            return new CheckoutState(session.getId(), session.getMode(), session.getStatus(), session.getPaymentStatus(),
                    session.getCustomer(), session.getMetadata() == null ? Map.of() : session.getMetadata(),
                    session.getPaymentIntent(), null, session.getAmountTotal(), session.getCurrency(), null);
        });
    }

    /** GET /v1/payment_intents/{id}. */
    IntentState retrievePaymentIntent(String id) {
        return call("read payment intent", () -> intentState(client.v1().paymentIntents()
                .retrieve(id, PaymentIntentRetrieveParams.builder().build(), readOptions())));
    }

    /** POST /v1/refunds of (part of) a succeeded PaymentIntent; the reason goes along as metadata. */
    RefundState createRefund(long invoiceId, String paymentIntentId, long amountMinor, String reason,
            String idempotencyKey) {
        RefundCreateParams params = RefundCreateParams.builder()
                .setPaymentIntent(paymentIntentId)
                .setAmount(amountMinor)
                .putMetadata("invoice_id", String.valueOf(invoiceId))
                .putMetadata("refund", idempotencyKey)
                .putMetadata("reason", reason.length() > 450 ? reason.substring(0, 450) : reason)
                .build();
        return call("create refund", () -> refundState(client.v1().refunds().create(params, options(idempotencyKey))));
    }

    /** GET /v1/refunds?charge=… (up to 100, newest first). */
    List<RefundState> refundsOfCharge(String chargeId) {
        RefundListParams params = RefundListParams.builder().setCharge(chargeId).setLimit(100L).build();
        return call("list refunds", () -> {
            List<RefundState> all = new ArrayList<>();
            for (Refund refund : client.v1().refunds().list(params, readOptions()).getData()) {
                all.add(refundState(refund));
            }
            return all;
        });
    }

    /** POST /v1/payment_methods/{id}/detach: the card can no longer be charged. */
    void detachPaymentMethod(String paymentMethodId, String idempotencyKey) {
        call("detach payment method", () -> client.v1().paymentMethods().detach(paymentMethodId, options(idempotencyKey)));
    }

    // ---- internals ----

    private RequestOptions options(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }

    private RequestOptions readOptions() {
        return RequestOptions.builder().build();
    }

    private interface StripeCall<T> {
        T run() throws StripeException;
    }

    private <T> T call(String what, StripeCall<T> call) {
        if (client == null) {
            throw new CardPaymentsNotConfiguredException();
        }
        try {
            return call.run();
        } catch (StripeException e) {
            throw translate(what, e);
        }
    }

    private static RuntimeException translate(String what, StripeException e) {
        // Logged without the request's parameters: the message of a Stripe error holds no secret.
        if (e instanceof ApiConnectionException || e instanceof ApiException || e instanceof RateLimitException
                || (e instanceof IdempotencyException && e.getStatusCode() != null && e.getStatusCode() == 409
                        && "idempotency_key_in_use".equals(e.getCode()))) {
            log.warn("Stripe: {} got no definite answer ({}): {}", what, e.getClass().getSimpleName(), e.getMessage());
            return new StripeUnavailableException("Stripe did not answer (" + what + "): " + shortMessage(e), e);
        }
        log.warn("Stripe refused to {} (HTTP {}, {}): {}", what, e.getStatusCode(), e.getCode(), e.getMessage());
        return new StripeRejectedException("Stripe refused to " + what + ": " + shortMessage(e), e.getCode(), e);
    }

    private static String shortMessage(StripeException e) {
        String message = e.getStripeError() != null && e.getStripeError().getMessage() != null
                ? e.getStripeError().getMessage() : e.getClass().getSimpleName();
        return message.length() > 300 ? message.substring(0, 300) : message;
    }

    private static Checkout checkout(Session session) {
        return new Checkout(session.getId(), session.getUrl(),
                session.getExpiresAt() == null ? null : Instant.ofEpochSecond(session.getExpiresAt()));
    }

    private static Card card(PaymentMethod method) {
        PaymentMethod.Card card = method.getCard();
        if (card == null) {
            return null;
        }
        return new Card(method.getId(), card.getBrand(), card.getLast4(), card.getExpMonth().intValue(),
                card.getExpYear().intValue());
    }

    private static ChargeOutcome outcome(PaymentIntent intent) {
        return switch (intent.getStatus()) {
            case "succeeded" -> new ChargeOutcome.Succeeded(intent.getId(), intent.getLatestCharge());
            case "requires_action", "requires_confirmation" -> new ChargeOutcome.AuthenticationRequired(intent.getId(),
                    "The card needs the cardholder's authentication");
            case "requires_payment_method", "canceled" -> {
                StripeError error = intent.getLastPaymentError();
                String code = error == null ? "card_declined" : firstNonBlank(error.getDeclineCode(), error.getCode(),
                        "card_declined");
                yield "authentication_required".equals(code)
                        ? new ChargeOutcome.AuthenticationRequired(intent.getId(),
                                "The card needs the cardholder's authentication")
                        : new ChargeOutcome.Declined(intent.getId(), code, declineReason(code));
            }
            default -> new ChargeOutcome.Processing(intent.getId());
        };
    }

    private static IntentState intentState(PaymentIntent intent) {
        StripeError error = intent.getLastPaymentError();
        String code = error == null ? null : firstNonBlank(error.getDeclineCode(), error.getCode(), null);
        return new IntentState(intent.getId(), intent.getStatus(), intent.getLatestCharge(), code,
                code == null ? null : declineReason(code), intent.getMetadata() == null ? Map.of() : intent.getMetadata(),
                intent.getAmount() == null ? 0 : intent.getAmount(), intent.getCurrency());
    }

    private static RefundState refundState(Refund refund) {
        return new RefundState(refund.getId(), refund.getStatus(), refund.getAmount() == null ? 0 : refund.getAmount(),
                refund.getCharge(), refund.getPaymentIntent(), refund.getMetadata() == null ? Map.of() : refund.getMetadata(),
                refund.getFailureReason());
    }

    /** @return a reason a person understands, for Stripe's decline codes (docs: "Decline codes") */
    static String declineReason(String code) {
        return switch (code == null ? "" : code) {
            case "insufficient_funds" -> "Declined: insufficient funds";
            case "expired_card" -> "Declined: the card has expired";
            case "incorrect_cvc", "incorrect_number", "invalid_cvc", "invalid_expiry_month", "invalid_expiry_year" ->
                    "Declined: the card details are not valid";
            case "lost_card", "stolen_card", "pickup_card" -> "Declined: the card cannot be used";
            case "card_velocity_exceeded", "withdrawal_count_limit_exceeded" -> "Declined: the card's limit is reached";
            case "do_not_honor", "generic_decline", "card_declined", "" -> "Declined by the card's bank";
            case "authentication_required" -> "The card needs the cardholder's authentication";
            case "processing_error" -> "Declined: the card's bank had a processing error";
            default -> "Declined (" + code.replace('_', ' ') + ")";
        };
    }

    private static String firstNonBlank(String a, String b, String fallback) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        if (b != null && !b.isBlank()) {
            return b;
        }
        return fallback;
    }
}
