package com.tutordesk.payment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /stripe/webhook}: Stripe's events. No login and no CSRF token (Stripe cannot have
 * either; see {@link PaymentSecurityConfiguration}): the signature is the authentication. Answers 200
 * as soon as the event is verified and stored (also for a replay), 400 for anything unverified.
 */
@RestController
class StripeWebhookController {

    static final String PATH = "/stripe/webhook";
    private static final Logger log = LoggerFactory.getLogger(StripeWebhookController.class);

    private final StripeWebhooks webhooks;

    StripeWebhookController(StripeWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping(path = PATH, consumes = "application/json")
    ResponseEntity<String> receive(@RequestBody String payload,
            @RequestHeader(name = "Stripe-Signature", required = false) String signature) {
        try {
            boolean fresh = webhooks.receive(payload, signature);
            return ResponseEntity.ok(fresh ? "received" : "already received");
        } catch (StripeWebhooks.RejectedWebhookException e) {
            log.warn("Stripe webhook refused: {}", e.getMessage());
            return ResponseEntity.badRequest().body("rejected");
        }
    }
}
