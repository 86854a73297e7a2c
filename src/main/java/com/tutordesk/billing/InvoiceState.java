package com.tutordesk.billing;

/** Where an invoice is (domain.md "Invoices"): DRAFT → OPEN → PAID, or OPEN → CANCELLED. */
public enum InvoiceState {
    /** Not issued yet: no number, not sent; may be scheduled to be issued and sent on a date. */
    DRAFT("Draft"),
    /** Issued and sent, waiting for payment ("Outstanding", or "Overdue" past its due date). */
    OPEN("Outstanding"),
    /** Paid in full; immutable. */
    PAID("Paid"),
    /** Cancelled after issue; its sessions are unbilled again; immutable. */
    CANCELLED("Cancelled");

    private final String label;

    InvoiceState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
