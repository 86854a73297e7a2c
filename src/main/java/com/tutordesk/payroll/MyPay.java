package com.tutordesk.payroll;

import java.util.List;

/**
 * A tutor's own pay (domain.md "Payroll": tutors see their own statements and unpaid earnings).
 *
 * @param tutorId            the tutor
 * @param tutorName          their name
 * @param current            the current pay period
 * @param currentTotals      what the current period holds so far
 * @param approvedUnpaidMinor total of approved periods not yet paid, minor units
 * @param openMinor          total of periods not yet approved (the current one included), minor units
 * @param periods            every period with something for them, newest first
 */
public record MyPay(long tutorId, String tutorName, PayPeriod current, PayTotals currentTotals,
        long approvedUnpaidMinor, long openMinor, List<TutorPayRow> periods) {

    /** @return everything not yet paid: approved and not yet approved, minor units */
    public long unpaidMinor() {
        return approvedUnpaidMinor + openMinor;
    }
}
