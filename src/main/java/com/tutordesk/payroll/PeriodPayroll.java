package com.tutordesk.payroll;

import java.util.List;

/**
 * A pay period on the Payroll page: one row per tutor with something to pay or adjust, and the
 * footer totals, which are the rows' sums exactly.
 *
 * @param period  the pay period
 * @param current whether today (business zone) falls in it
 * @param ended   whether it is over (only then can it be approved)
 * @param rows    one per tutor, by tutor name
 * @param totals  the sum of the rows
 */
public record PeriodPayroll(PayPeriod period, boolean current, boolean ended, List<TutorPayRow> rows,
        PayTotals totals) {

    /** @return how many tutors' pay is still open */
    public long openCount() {
        return rows.stream().filter(row -> row.state() == PayState.OPEN).count();
    }

    /** @return how many tutors' pay is approved and not yet paid */
    public long approvedUnpaidCount() {
        return rows.stream().filter(row -> row.state() == PayState.APPROVED).count();
    }
}
