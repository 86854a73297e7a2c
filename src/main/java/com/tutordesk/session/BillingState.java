package com.tutordesk.session;

/** Where a session is in billing (domain.md "Billing state"): unbilled → invoiced → paid. */
public enum BillingState {
    UNBILLED("Unbilled"),
    INVOICED("Invoiced"),
    PAID("Paid");

    private final String label;

    BillingState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
