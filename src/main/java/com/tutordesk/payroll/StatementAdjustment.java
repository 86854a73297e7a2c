package com.tutordesk.payroll;

import java.time.Instant;

/**
 * A bonus, deduction or reimbursement on a pay statement.
 *
 * @param id          adjustment id (for Remove)
 * @param kind        bonus, deduction or reimbursement
 * @param amountMinor the amount as entered, positive, minor units
 * @param memo        what it is for
 * @param createdAt   when it was added, UTC
 */
public record StatementAdjustment(long id, AdjustmentKind kind, long amountMinor, String memo, Instant createdAt) {

    /** @return the amount as it counts in the total: negative for a deduction, minor units */
    public long signedAmountMinor() {
        return kind.signed(amountMinor);
    }
}
