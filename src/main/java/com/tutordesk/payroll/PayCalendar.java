package com.tutordesk.payroll;

import com.tutordesk.settings.PaySchedule;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Pay period arithmetic for one {@link PaySchedule} (domain.md "Payroll": weekly, every two weeks,
 * twice a month 1st–15th and 16th–end, or monthly, in business-local dates from an anchor date).
 * Periods follow each other without gaps, forwards and backwards from the anchor:
 * <ul>
 * <li>weekly and every two weeks: 7 or 14 days from the anchor, whatever the month;</li>
 * <li>twice a month: the 1st to the 15th and the 16th to the month's last day (28th–31st);</li>
 * <li>monthly: from the anchor's day of the month to the day before that day in the next month;
 *     in a month without that day (an anchor on the 29th–31st) the period starts on its last day.</li>
 * </ul>
 * Pure dates: no time zone, no clock. {@link PayPeriod#from}/{@link PayPeriod#to} turn a period
 * into instants in the business zone.
 */
public final class PayCalendar {

    private final PaySchedule schedule;

    public PayCalendar(PaySchedule schedule) {
        this.schedule = Objects.requireNonNull(schedule, "schedule");
    }

    /** @return the schedule the periods come from */
    public PaySchedule schedule() {
        return schedule;
    }

    /** @return the period {@code date} falls in */
    public PayPeriod containing(LocalDate date) {
        LocalDate anchor = schedule.anchor();
        return switch (schedule.frequency()) {
            case WEEKLY -> fixed(anchor, date, 7);
            case EVERY_TWO_WEEKS -> fixed(anchor, date, 14);
            case TWICE_A_MONTH -> date.getDayOfMonth() <= 15
                    ? new PayPeriod(date.withDayOfMonth(1), date.withDayOfMonth(15))
                    : new PayPeriod(date.withDayOfMonth(16), YearMonth.from(date).atEndOfMonth());
            case MONTHLY -> {
                YearMonth month = YearMonth.from(date);
                LocalDate start = monthlyStart(month);
                if (date.isBefore(start)) {
                    month = month.minusMonths(1);
                    start = monthlyStart(month);
                }
                yield new PayPeriod(start, monthlyStart(month.plusMonths(1)).minusDays(1));
            }
        };
    }

    /** @return the period after {@code period} */
    public PayPeriod next(PayPeriod period) {
        return containing(period.end().plusDays(1));
    }

    /** @return the period before {@code period} */
    public PayPeriod previous(PayPeriod period) {
        return containing(period.start().minusDays(1));
    }

    /** @return whether {@code period} is one of this schedule's periods */
    public boolean isPeriod(PayPeriod period) {
        return containing(period.start()).equals(period);
    }

    private static PayPeriod fixed(LocalDate anchor, LocalDate date, int length) {
        long index = Math.floorDiv(ChronoUnit.DAYS.between(anchor, date), length);
        LocalDate start = anchor.plusDays(index * length);
        return new PayPeriod(start, start.plusDays(length - 1L));
    }

    /** The monthly period's first day in {@code month}: the anchor's day, or the month's last day if shorter. */
    private LocalDate monthlyStart(YearMonth month) {
        return month.atDay(Math.min(schedule.anchor().getDayOfMonth(), month.lengthOfMonth()));
    }
}
