package com.tutordesk.payment;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import com.tutordesk.scheduling.BackgroundJobs;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stripe's webhook events (issue 8). {@link #receive} verifies the signature and the age of its
 * timestamp, stores the event id once (a replay finds it stored and does nothing) and answers at
 * once; {@link #processPending} then handles each stored event: it reads the object from Stripe again
 * — so the state Stripe has now decides, whatever order the events came in — and applies it in one
 * transaction together with marking the event processed. Handled: checkout.session.completed (setup
 * and payment), checkout.session.expired, payment_intent.succeeded, payment_intent.payment_failed,
 * charge.refunded; other types are stored and marked ignored.
 */
@Service
public class StripeWebhooks {

    private static final Logger log = LoggerFactory.getLogger(StripeWebhooks.class);

    /** Why a webhook was not accepted. */
    public static class RejectedWebhookException extends RuntimeException {
        RejectedWebhookException(String message) {
            super(message);
        }
    }

    private final StripeProperties properties;
    private final StripeGateway stripe;
    private final PayNowCheckouts checkouts;
    private final ChargeAttempts charges;
    private final CardRefunds refunds;
    private final CardsOnFile cardsOnFile;
    private final JdbcTemplate jdbc;
    private final BackgroundJobs jobs;
    private final Clock clock;
    private final TransactionTemplate tx;

    StripeWebhooks(StripeProperties properties, StripeGateway stripe, PayNowCheckouts checkouts,
            ChargeAttempts charges, CardRefunds refunds, CardsOnFile cardsOnFile,
            JdbcTemplate jdbc, BackgroundJobs jobs, Clock clock, PlatformTransactionManager transactions) {
        this.properties = properties;
        this.stripe = stripe;
        this.checkouts = checkouts;
        this.charges = charges;
        this.refunds = refunds;
        this.cardsOnFile = cardsOnFile;
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * Verifies and stores one webhook delivery.
     *
     * @param payload   the request body exactly as received
     * @param signature the {@code Stripe-Signature} header
     * @return {@code true} when the event is new, {@code false} for a replay of a stored event
     * @throws RejectedWebhookException for a bad or missing signature, a timestamp outside the
     *         tolerance, a payload that is not an event, or when card payments are not configured
     */
    public boolean receive(String payload, String signature) {
        if (!properties.configured()) {
            throw new RejectedWebhookException("Card payments are not configured");
        }
        if (signature == null || signature.isBlank()) {
            throw new RejectedWebhookException("Missing Stripe-Signature header");
        }
        try {
            Webhook.constructEvent(payload, signature, properties.webhookSecret(),
                    properties.webhookTolerance().toSeconds(), clock);
        } catch (SignatureVerificationException e) {
            throw new RejectedWebhookException("Signature not verified: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new RejectedWebhookException("Not a Stripe event");
        }
        JsonObject event;
        try {
            event = JsonParser.parseString(payload).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new RejectedWebhookException("Not a Stripe event");
        }
        String id = text(event, "id");
        String type = text(event, "type");
        if (id == null || type == null || id.length() > 255 || type.length() > 100) {
            throw new RejectedWebhookException("Not a Stripe event");
        }
        String objectId = null;
        JsonElement data = event.get("data");
        if (data != null && data.isJsonObject() && data.getAsJsonObject().get("object") instanceof JsonObject object) {
            objectId = text(object, "id");
        }
        String object = objectId != null && objectId.length() <= 255 ? objectId : null;
        Boolean stored = tx.execute(status -> {
            try {
                jdbc.update("insert into stripe_events (id, type, object_id, received_at, tries) values (?, ?, ?, ?, 0)",
                        id, type, object, utc(clock.instant()));
            } catch (DuplicateKeyException e) {
                return false;
            }
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    jobs.runSoon(PaymentConfiguration.SETTLE_INSTANCE);
                }
            });
            return true;
        });
        return Boolean.TRUE.equals(stored);
    }

    /**
     * Handles the stored events not processed yet, oldest first (a background job; tests call it).
     *
     * @return how many were processed now
     */
    public int processPending() {
        if (!properties.configured()) {
            return 0;
        }
        List<String> ids = jdbc.queryForList("select id from stripe_events where processed_at is null and tries < 20"
                + " order by received_at, id limit 200", String.class);
        int done = 0;
        for (String id : ids) {
            if (process(id)) {
                done++;
            }
        }
        return done;
    }

    private record Stored(String type, String objectId) {
    }

    private boolean process(String id) {
        Stored event = jdbc.query("select type, object_id from stripe_events where id = ? and processed_at is null",
                (rs, i) -> new Stored(rs.getString(1), rs.getString(2)), id).stream().findFirst().orElse(null);
        if (event == null) {
            return false;
        }
        try {
            Effect effect = read(event);
            return Boolean.TRUE.equals(tx.execute(status -> {
                // The event is marked in the transaction of its effect: a second processor, or a replay,
                // finds it marked and does nothing.
                int claimed = jdbc.update("update stripe_events set processed_at = ?, tries = tries + 1"
                        + " where id = ? and processed_at is null", utc(clock.instant()), id);
                if (claimed != 1) {
                    return false;
                }
                String outcome = effect.apply();
                jdbc.update("update stripe_events set outcome = ? where id = ?", truncate(outcome), id);
                return true;
            }));
        } catch (StripeRejectedException e) {
            if (!"resource_missing".equals(e.code())) {
                return failed(id, event, e);
            }
            // Stripe has no such object: nothing to apply now or later.
            jdbc.update("update stripe_events set processed_at = ?, tries = tries + 1, outcome = ? where id = ?"
                    + " and processed_at is null", utc(clock.instant()), truncate("ignored: " + e.getMessage()), id);
            return false;
        } catch (RuntimeException e) {
            return failed(id, event, e);
        }
    }

    private boolean failed(String id, Stored event, RuntimeException e) {
        log.warn("Stripe event {} ({}) not processed yet: {}", id, event.type(), e.getMessage());
        jdbc.update("update stripe_events set tries = tries + 1, last_error = ? where id = ?",
                truncate(e.getClass().getSimpleName() + ": " + e.getMessage()), id);
        return false;
    }

    private interface Effect {
        String apply();
    }

    /** Reads the event's object from Stripe (outside any transaction) and returns what to apply. */
    private Effect read(Stored event) {
        if (event.objectId() == null) {
            return () -> "ignored: no object";
        }
        return switch (event.type()) {
            case "checkout.session.completed", "checkout.session.expired",
                 "checkout.session.async_payment_succeeded" -> {
                StripeGateway.CheckoutState state = stripe.retrieveCheckout(event.objectId());
                yield "setup".equals(state.mode()) ? () -> cardsOnFile.applySetup(state)
                        : () -> checkouts.applyCheckout(state);
            }
            case "payment_intent.succeeded", "payment_intent.payment_failed", "payment_intent.canceled",
                 "payment_intent.requires_action", "payment_intent.processing" -> {
                StripeGateway.IntentState state = stripe.retrievePaymentIntent(event.objectId());
                yield () -> charges.applyIntent(state);
            }
            case "charge.refunded", "charge.refund.updated", "refund.updated", "refund.created" -> {
                String chargeId = event.type().startsWith("charge.refunded") ? event.objectId() : null;
                if (chargeId == null) {
                    yield () -> "ignored: use charge.refunded";
                }
                List<StripeGateway.RefundState> refunds = stripe.refundsOfCharge(chargeId);
                String intent = refunds.isEmpty() ? null : refunds.getFirst().paymentIntentId();
                yield () -> this.refunds.applyRefunds(chargeId, intent, refunds);
            }
            default -> () -> "ignored";
        };
    }

    private static String text(JsonObject object, String member) {
        JsonElement value = object.get(member);
        return value == null || !value.isJsonPrimitive() ? null : value.getAsString();
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String truncate(String text) {
        return text == null ? null : text.length() > 500 ? text.substring(0, 500) : text;
    }

    /** @return when the event was received, if stored (for tests and the log) */
    Instant receivedAt(String id) {
        return jdbc.query("select received_at from stripe_events where id = ?",
                (rs, i) -> rs.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC), id).stream().findFirst()
                .orElse(null);
    }
}
