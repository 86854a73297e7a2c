package com.tutordesk.payment;

/**
 * A Stripe call got no definite answer (timeout, network, Stripe error 5xx, rate limit, the same
 * idempotency key still being processed): Stripe may or may not have acted. The attempt stays in
 * flight and is sent again with the same idempotency key and parameters.
 */
public class StripeUnavailableException extends RuntimeException {

    StripeUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
