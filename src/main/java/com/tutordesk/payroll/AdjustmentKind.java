package com.tutordesk.payroll;

/**
 * A change to a tutor's pay besides their sessions (domain.md "Payroll": bonus, deduction,
 * reimbursement, each with a memo). Amounts are entered and stored positive; a deduction subtracts.
 */
public enum AdjustmentKind {
    BONUS("Bonus", 1),
    DEDUCTION("Deduction", -1),
    REIMBURSEMENT("Reimbursement", 1);

    private final String label;
    private final int sign;

    AdjustmentKind(String label, int sign) {
        this.label = label;
        this.sign = sign;
    }

    /** @return the name people read, e.g. "Reimbursement" */
    public String label() {
        return label;
    }

    /** @return {@code amountMinor} with the sign it has in the total (negative for a deduction) */
    public long signed(long amountMinor) {
        return sign * amountMinor;
    }
}
