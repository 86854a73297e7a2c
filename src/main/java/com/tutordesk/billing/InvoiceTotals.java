package com.tutordesk.billing;

import java.util.List;

/**
 * The sums of an invoice, in minor units (domain.md: "total = sum of its sessions' client amounts +
 * adjustments"). Each line amount is a session's stored client amount, already rounded once when the
 * session was logged; the invoice only adds integers, so it matches the sessions list to the cent.
 *
 * @param linesMinor       Σ line amounts
 * @param adjustmentsMinor Σ adjustments (may be negative)
 * @param totalMinor       lines + adjustments
 */
public record InvoiceTotals(long linesMinor, long adjustmentsMinor, long totalMinor) {

    /**
     * @throws ArithmeticException when a sum overflows a long (no invoice gets near it; a crafted
     *         request must not wrap around to a small number)
     */
    public static InvoiceTotals of(List<Long> lineAmounts, List<Long> adjustmentAmounts) {
        long lines = 0;
        for (long amount : lineAmounts) {
            lines = Math.addExact(lines, amount);
        }
        long adjustments = 0;
        for (long amount : adjustmentAmounts) {
            adjustments = Math.addExact(adjustments, amount);
        }
        return new InvoiceTotals(lines, adjustments, Math.addExact(lines, adjustments));
    }

    /** @return whether the total is below zero, which an invoice may not be (issue 7) */
    public boolean negative() {
        return totalMinor < 0;
    }
}
