package com.tutordesk.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One try to collect an invoice by card (see V8_1__card_payments.sql). Its idempotency key and the
 * exact parameters are stored before Stripe is called, and every send of the attempt uses them.
 */
@Entity
@Table(name = "payment_attempts")
public class PaymentAttempt {

    public static final int FAILURE_REASON_MAX_LENGTH = 500;
    public static final int FAILURE_CODE_MAX_LENGTH = 60;
    public static final int CARD_LABEL_MAX_LENGTH = 60;
    public static final int CHECKOUT_URL_MAX_LENGTH = 2000;
    private static final String OPEN = "OPEN";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "invoice_id", nullable = false)
    private long invoiceId;

    @Column(name = "attempt_number", nullable = false)
    private int attemptNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AttemptKind kind;

    @Column(name = "idempotency_key", nullable = false, length = 100)
    private String idempotencyKey;

    @Column(name = "amount_minor", nullable = false)
    private long amountMinor;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(name = "stripe_customer_id", length = 255)
    private String stripeCustomerId;

    @Column(name = "stripe_payment_method_id", length = 255)
    private String stripePaymentMethodId;

    @Column(name = "card_label", length = CARD_LABEL_MAX_LENGTH)
    private String cardLabel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private AttemptStatus status;

    @Column(name = "in_flight_invoice_id")
    private Long inFlightInvoiceId;

    @Column(name = "in_flight_state", length = 16)
    private String inFlightState;

    @Enumerated(EnumType.STRING)
    @Column(name = "requested_via", nullable = false, length = 24)
    private RequestedVia requestedVia;

    @Column(name = "requested_by_user_id")
    private Long requestedByUserId;

    @Column(name = "sending_until")
    private Instant sendingUntil;

    @Column(nullable = false)
    private int sends;

    @Column(name = "stripe_payment_intent_id", length = 255)
    private String stripePaymentIntentId;

    @Column(name = "stripe_charge_id", length = 255)
    private String stripeChargeId;

    @Column(name = "stripe_checkout_id", length = 255)
    private String stripeCheckoutId;

    @Column(name = "checkout_url", length = CHECKOUT_URL_MAX_LENGTH)
    private String checkoutUrl;

    @Column(name = "checkout_expires_at")
    private Instant checkoutExpiresAt;

    @Column(name = "failure_code", length = FAILURE_CODE_MAX_LENGTH)
    private String failureCode;

    @Column(name = "failure_reason", length = FAILURE_REASON_MAX_LENGTH)
    private String failureReason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Version
    private long version;

    protected PaymentAttempt() {
    }

    private PaymentAttempt(long invoiceId, int attemptNumber, AttemptKind kind, long amountMinor, String currency,
            RequestedVia via, Long userId, Instant now) {
        this.invoiceId = invoiceId;
        this.attemptNumber = attemptNumber;
        this.kind = kind;
        this.idempotencyKey = key(invoiceId, attemptNumber);
        this.amountMinor = amountMinor;
        this.currency = currency;
        this.requestedVia = via;
        this.requestedByUserId = userId;
        this.status = AttemptStatus.PENDING;
        this.inFlightInvoiceId = invoiceId;
        this.inFlightState = OPEN;
        this.createdAt = now;
    }

    /** @return the idempotency key of attempt {@code n} of an invoice (issue 8: "invoice-{id}-attempt-{n}") */
    static String key(long invoiceId, int attemptNumber) {
        return "invoice-" + invoiceId + "-attempt-" + attemptNumber;
    }

    /** A charge of the saved card, about to be sent (its lease taken until {@code sendingUntil}). */
    static PaymentAttempt offSession(long invoiceId, int attemptNumber, long amountMinor, String currency,
            String customerId, String paymentMethodId, String cardLabel, RequestedVia via, Long userId, Instant now,
            Instant sendingUntil) {
        PaymentAttempt attempt = new PaymentAttempt(invoiceId, attemptNumber, AttemptKind.OFF_SESSION, amountMinor,
                currency, via, userId, now);
        attempt.stripeCustomerId = customerId;
        attempt.stripePaymentMethodId = paymentMethodId;
        attempt.cardLabel = cardLabel;
        attempt.takeLease(sendingUntil);
        return attempt;
    }

    /** A hosted Checkout page for the open amount, open until {@code expiresAt}. */
    static PaymentAttempt checkout(long invoiceId, int attemptNumber, long amountMinor, String currency,
            String customerId, Instant now, Instant expiresAt) {
        PaymentAttempt attempt = new PaymentAttempt(invoiceId, attemptNumber, AttemptKind.CHECKOUT, amountMinor,
                currency, RequestedVia.PAY_LINK, null, now);
        attempt.stripeCustomerId = customerId;
        attempt.checkoutExpiresAt = expiresAt;
        attempt.sends = 1;
        return attempt;
    }

    void takeLease(Instant until) {
        this.sendingUntil = until;
        this.sends++;
    }

    /** @return whether a send may start now: no other send holds the lease */
    boolean leaseFree(Instant now) {
        return sendingUntil == null || sendingUntil.isBefore(now);
    }

    void setCardLabel(String label) {
        this.cardLabel = label == null || label.length() > CARD_LABEL_MAX_LENGTH ? null : label;
    }

    void checkoutCreated(String checkoutId, String url) {
        this.stripeCheckoutId = checkoutId;
        if (url != null) {
            this.checkoutUrl = url.length() > CHECKOUT_URL_MAX_LENGTH ? null : url;
        }
    }

    /** Stripe is still working on the payment (no outcome yet); it stays in flight. */
    void processing(String paymentIntentId) {
        if (paymentIntentId != null) {
            this.stripePaymentIntentId = paymentIntentId;
        }
        this.sendingUntil = null;
    }

    void succeeded(String paymentIntentId, String chargeId, Instant now) {
        if (paymentIntentId != null) {
            this.stripePaymentIntentId = paymentIntentId;
        }
        if (chargeId != null) {
            this.stripeChargeId = chargeId;
        }
        finish(AttemptStatus.SUCCEEDED, now);
    }

    /** Declined, needs authentication, or failed: the reason is kept for the invoice page. */
    void failed(AttemptStatus outcome, String paymentIntentId, String code, String reason, Instant now) {
        if (paymentIntentId != null) {
            this.stripePaymentIntentId = paymentIntentId;
        }
        this.failureCode = code == null ? null : truncate(code, FAILURE_CODE_MAX_LENGTH);
        this.failureReason = reason == null ? null : truncate(reason, FAILURE_REASON_MAX_LENGTH);
        finish(outcome, now);
    }

    /** Adds a remark (e.g. "the invoice was already paid: refund this payment") after the outcome. */
    void remark(String text) {
        this.failureReason = truncate(text, FAILURE_REASON_MAX_LENGTH);
    }

    private void finish(AttemptStatus outcome, Instant now) {
        this.status = outcome;
        this.inFlightInvoiceId = null;
        this.inFlightState = null;
        this.sendingUntil = null;
        this.finishedAt = now;
    }

    private static String truncate(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }

    public Long getId() {
        return id;
    }

    public long getInvoiceId() {
        return invoiceId;
    }

    public int getAttemptNumber() {
        return attemptNumber;
    }

    public AttemptKind getKind() {
        return kind;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public long getAmountMinor() {
        return amountMinor;
    }

    public String getCurrency() {
        return currency;
    }

    public String getStripeCustomerId() {
        return stripeCustomerId;
    }

    public String getStripePaymentMethodId() {
        return stripePaymentMethodId;
    }

    public String getCardLabel() {
        return cardLabel;
    }

    public AttemptStatus getStatus() {
        return status;
    }

    public boolean inFlight() {
        return status == AttemptStatus.PENDING;
    }

    public RequestedVia getRequestedVia() {
        return requestedVia;
    }

    public Long getRequestedByUserId() {
        return requestedByUserId;
    }

    public Instant getSendingUntil() {
        return sendingUntil;
    }

    public int getSends() {
        return sends;
    }

    public String getStripePaymentIntentId() {
        return stripePaymentIntentId;
    }

    public String getStripeChargeId() {
        return stripeChargeId;
    }

    public String getStripeCheckoutId() {
        return stripeCheckoutId;
    }

    public String getCheckoutUrl() {
        return checkoutUrl;
    }

    public Instant getCheckoutExpiresAt() {
        return checkoutExpiresAt;
    }

    public String getFailureCode() {
        return failureCode;
    }

    public String getFailureReason() {
        return failureReason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }
}
