package com.tutordesk.payment;

/** Where a payment attempt is. */
public enum AttemptStatus {
    /** In flight: sent (or about to be sent) to Stripe, no outcome yet; or a Pay now page that is open. */
    PENDING("In progress"),
    SUCCEEDED("Succeeded"),
    DECLINED("Declined"),
    AUTHENTICATION_REQUIRED("Needs the cardholder's authentication"),
    /** Stripe refused the request itself, or no answer came in time to send it again safely. */
    FAILED("Failed"),
    /** A Pay now page that closed without a payment. */
    EXPIRED("Expired");

    private final String label;

    AttemptStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
