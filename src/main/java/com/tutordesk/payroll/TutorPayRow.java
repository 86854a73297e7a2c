package com.tutordesk.payroll;

import java.time.LocalDate;

/**
 * One tutor's pay for one period, as a row of the Payroll page, the period export and My pay.
 *
 * @param tutorId         tutor
 * @param tutorName       tutor's name
 * @param period          the pay period
 * @param state           open, approved or paid
 * @param totals          sessions, minutes, earnings, adjustments (total = earnings + adjustments)
 * @param carriedSessions how many of the sessions are carried forward from an earlier period
 * @param paidOn          payment date when paid, else {@code null}
 * @param paidMethod      how it was paid, else {@code null}
 * @param paidReference   payment reference, if any
 */
public record TutorPayRow(long tutorId, String tutorName, PayPeriod period, PayState state, PayTotals totals,
        int carriedSessions, LocalDate paidOn, PayoutMethod paidMethod, String paidReference) {
}
