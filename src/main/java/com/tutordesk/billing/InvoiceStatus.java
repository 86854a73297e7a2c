package com.tutordesk.billing;

/**
 * What the Payments page filters by and shows: the state, with OPEN split by the due date
 * (domain.md: "OPEN past its due date is shown Overdue").
 */
public enum InvoiceStatus {
    DRAFT("Draft"),
    OUTSTANDING("Outstanding"),
    OVERDUE("Overdue"),
    PAID("Paid"),
    CANCELLED("Cancelled");

    private final String label;

    InvoiceStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** @return the status of an invoice in {@code state}, overdue when {@code overdue} */
    public static InvoiceStatus of(InvoiceState state, boolean overdue) {
        return switch (state) {
            case DRAFT -> DRAFT;
            case OPEN -> overdue ? OVERDUE : OUTSTANDING;
            case PAID -> PAID;
            case CANCELLED -> CANCELLED;
        };
    }
}
