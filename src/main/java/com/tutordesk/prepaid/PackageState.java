package com.tutordesk.prepaid;

/** A package's state as people see it (issue 17). */
public enum PackageState {
    /** Sold on an invoice that is not paid yet: no hours available. */
    AWAITING_PAYMENT("Awaiting payment"),
    /** Paid, with minutes left. */
    ACTIVE("Active"),
    /** Paid, every minute used. */
    USED_UP("Used up"),
    /** Its unused minutes were refunded. */
    REFUNDED("Refunded");

    private final String label;

    PackageState(String label) {
        this.label = label;
    }

    /** @return e.g. "Awaiting payment" */
    public String label() {
        return label;
    }
}
