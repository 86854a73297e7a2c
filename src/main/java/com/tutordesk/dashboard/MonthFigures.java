package com.tutordesk.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;

/**
 * One business month's figures (domain.md "Dashboard"). Sessions count by their start in the
 * business time zone; a scheduled session whose end has passed counts as completed.
 *
 * @param month              the business-local month
 * @param sessionsDelivered  completed sessions
 * @param minutesDelivered   their booked minutes
 * @param revenueMinor       client amounts of completed and late-cancelled sessions, minor units
 * @param tutorCostsMinor    tutor earnings of the same sessions, minor units
 */
public record MonthFigures(YearMonth month, long sessionsDelivered, long minutesDelivered, long revenueMinor,
        long tutorCostsMinor) {

    /** @return revenue minus tutor costs, minor units */
    public long marginMinor() {
        return revenueMinor - tutorCostsMinor;
    }

    /**
     * @return gross margin as a percentage of revenue, one decimal, HALF_UP; {@code null} when there
     *         is no revenue (a percentage of nothing is not 0 %)
     */
    public BigDecimal marginPercent() {
        if (revenueMinor == 0) {
            return null;
        }
        return BigDecimal.valueOf(marginMinor()).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(revenueMinor), 1, RoundingMode.HALF_UP);
    }
}
