package com.tutordesk.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A hosted Checkout page in setup mode on which a client saves a card; key client-{id}-setup-{n}. */
@Entity
@Table(name = "card_setups")
public class CardSetup {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "client_id", nullable = false)
    private long clientId;

    @Column(name = "setup_number", nullable = false)
    private int setupNumber;

    @Column(name = "idempotency_key", nullable = false, length = 100)
    private String idempotencyKey;

    @Column(name = "stripe_customer_id", nullable = false, length = 255)
    private String stripeCustomerId;

    @Column(name = "stripe_checkout_id", length = 255)
    private String stripeCheckoutId;

    @Column(name = "checkout_url", length = 2000)
    private String checkoutUrl;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected CardSetup() {
    }

    CardSetup(long clientId, int setupNumber, String customerId, Instant expiresAt, Instant now) {
        this.clientId = clientId;
        this.setupNumber = setupNumber;
        this.idempotencyKey = "client-" + clientId + "-setup-" + setupNumber;
        this.stripeCustomerId = customerId;
        this.expiresAt = expiresAt;
        this.createdAt = now;
    }

    void created(String checkoutId, String url) {
        this.stripeCheckoutId = checkoutId;
        this.checkoutUrl = url;
    }

    void completed(Instant now) {
        this.completedAt = now;
    }

    /** @return whether the page can still be used for at least a minute */
    boolean usable(Instant now) {
        return completedAt == null && checkoutUrl != null && expiresAt != null && expiresAt.isAfter(now.plusSeconds(60));
    }

    public Long getId() {
        return id;
    }

    public long getClientId() {
        return clientId;
    }

    public int getSetupNumber() {
        return setupNumber;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public String getStripeCustomerId() {
        return stripeCustomerId;
    }

    public String getStripeCheckoutId() {
        return stripeCheckoutId;
    }

    public String getCheckoutUrl() {
        return checkoutUrl;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }
}
