package com.tutordesk.payment;

/** Stripe refused a request (HTTP 4xx other than a card decline); nothing was done there. */
public class StripeRejectedException extends RuntimeException {

    private final String code;

    StripeRejectedException(String message, String code, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** @return Stripe's error code, e.g. "resource_missing", or {@code null} */
    public String code() {
        return code;
    }
}
