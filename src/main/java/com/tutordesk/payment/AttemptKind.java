package com.tutordesk.payment;

/** How an attempt collects the money. */
public enum AttemptKind {
    /** The saved card charged off session (autopay, Confirm & Charge, Charge card now). */
    OFF_SESSION("Card on file"),
    /** The client paying on a hosted Checkout page opened through the invoice's Pay now link. */
    CHECKOUT("Pay now link");

    private final String label;

    AttemptKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
