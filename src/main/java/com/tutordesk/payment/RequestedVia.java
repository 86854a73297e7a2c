package com.tutordesk.payment;

/** What started an attempt. */
public enum RequestedVia {
    /** The invoice of an autopay client was issued (also through Confirm & Charge on a session). */
    ON_ISSUE("Charged when issued"),
    /** "Charge card now" on the invoice page. */
    CHARGE_NOW("Charge card now"),
    /** The client opened the Pay now link. */
    PAY_LINK("Pay now link");

    private final String label;

    RequestedVia(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
