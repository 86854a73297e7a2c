package com.tutordesk.billing;

/**
 * How a payment was made. The manual ones are recorded with "Mark as Paid" (domain.md: "cash,
 * cheque, bank transfer"); {@code CARD} only by the card-payments module (issue 8) through
 * {@link InvoiceCharges}.
 */
public enum PaymentMethod {
    CASH("Cash"),
    CHEQUE("Cheque"),
    BANK_TRANSFER("Bank transfer"),
    OTHER("Other"),
    CARD("Card");

    private final String label;

    PaymentMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** @return the methods "Mark as Paid" offers (a card payment is recorded by the card module) */
    public static java.util.List<PaymentMethod> manual() {
        return java.util.List.of(CASH, CHEQUE, BANK_TRANSFER, OTHER);
    }
}
