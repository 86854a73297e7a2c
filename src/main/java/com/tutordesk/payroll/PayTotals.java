package com.tutordesk.payroll;

import java.util.Collection;

/**
 * Sums of a tutor's pay (or of several): the total is the earnings plus the adjustments, to the
 * cent, never rounded again (every amount is already in minor units).
 *
 * @param sessions         number of sessions paid (completed and late-cancelled)
 * @param minutes          their minutes, late cancellations at their booked length
 * @param earningsMinor    sum of their stored tutor earnings, minor units
 * @param adjustmentsMinor sum of the adjustments, deductions negative, minor units
 */
public record PayTotals(int sessions, int minutes, long earningsMinor, long adjustmentsMinor) {

    public static final PayTotals ZERO = new PayTotals(0, 0, 0, 0);

    /** @return earnings plus adjustments, minor units */
    public long totalMinor() {
        return earningsMinor + adjustmentsMinor;
    }

    /** @return the sum of {@code this} and {@code other} */
    public PayTotals plus(PayTotals other) {
        return new PayTotals(sessions + other.sessions, minutes + other.minutes, earningsMinor + other.earningsMinor,
                adjustmentsMinor + other.adjustmentsMinor);
    }

    /** @return the sum of all {@code totals} */
    public static PayTotals sum(Collection<PayTotals> totals) {
        return totals.stream().reduce(ZERO, PayTotals::plus);
    }

    /** @return whether nothing is paid or adjusted */
    public boolean isEmpty() {
        return sessions == 0 && adjustmentsMinor == 0 && earningsMinor == 0;
    }
}
