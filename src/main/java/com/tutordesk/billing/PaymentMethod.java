package com.tutordesk.billing;

/**
 * How a payment was made. The manual ones are recorded with "Mark as Paid" (domain.md: "cash,
 * cheque, bank transfer"); card payments (issue 8) will add {@code CARD}, which the schema already
 * allows.
 */
public enum PaymentMethod {
    CASH("Cash"),
    CHEQUE("Cheque"),
    BANK_TRANSFER("Bank transfer"),
    OTHER("Other");

    private final String label;

    PaymentMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
