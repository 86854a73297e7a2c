package com.tutordesk.payroll;

/** How a tutor was paid (Mark paid). */
public enum PayoutMethod {
    BANK_TRANSFER("Bank transfer"),
    CHEQUE("Cheque"),
    CASH("Cash"),
    OTHER("Other");

    private final String label;

    PayoutMethod(String label) {
        this.label = label;
    }

    /** @return the name people read, e.g. "Bank transfer" */
    public String label() {
        return label;
    }
}
