package com.tutordesk.payment;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /stripe/webhook}: Stripe's events. No login and no CSRF token (Stripe cannot have
 * either; see {@link PaymentSecurityConfiguration}): the signature is the authentication. Answers 200
 * as soon as the event is verified and stored (also for a replay), 400 for anything unverified, and
 * 413 for a body over {@value #MAX_BODY_BYTES} bytes, which is refused before it is read (by its
 * Content-Length, or after that many bytes of a body without one), so that nobody can make the app
 * hold large bodies in memory without signing in. Stripe's events are a few kilobytes.
 */
@RestController
class StripeWebhookController {

    static final String PATH = "/stripe/webhook";
    static final int MAX_BODY_BYTES = 256 * 1024;
    private static final Logger log = LoggerFactory.getLogger(StripeWebhookController.class);

    private final StripeWebhooks webhooks;

    StripeWebhookController(StripeWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping(path = PATH, consumes = "application/json")
    ResponseEntity<String> receive(HttpServletRequest request,
            @RequestHeader(name = "Stripe-Signature", required = false) String signature) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            return tooLarge(request.getContentLengthLong());
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            return tooLarge(-1);
        }
        String payload = new String(body, StandardCharsets.UTF_8);
        try {
            boolean fresh = webhooks.receive(payload, signature);
            return ResponseEntity.ok(fresh ? "received" : "already received");
        } catch (StripeWebhooks.RejectedWebhookException e) {
            log.warn("Stripe webhook refused: {}", e.getMessage());
            return ResponseEntity.badRequest().body("rejected");
        }
    }

    private static ResponseEntity<String> tooLarge(long declaredLength) {
        log.warn("Stripe webhook refused: body over {} bytes (Content-Length {})", MAX_BODY_BYTES, declaredLength);
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body("too large");
    }
}
