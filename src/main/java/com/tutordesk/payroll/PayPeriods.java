package com.tutordesk.payroll;

import com.tutordesk.settings.SettingsService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The business's pay periods, computed from the pay period setting ({@link SettingsService#paySchedule()})
 * in the business time zone (domain.md "Payroll"). Checks no role: the calendar is no secret.
 */
@Service
public class PayPeriods {

    /** How many periods the period lists offer by default: the current one and 25 before it. */
    public static final int RECENT = 26;

    private final SettingsService settings;
    private final Clock clock;

    PayPeriods(SettingsService settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** @return the arithmetic of the current setting */
    public PayCalendar calendar() {
        return new PayCalendar(settings.paySchedule());
    }

    /** @return today's date in the business zone */
    public LocalDate today() {
        return settings.profile().today(clock);
    }

    /** @return the period today (business zone) falls in */
    public PayPeriod current() {
        return calendar().containing(today());
    }

    /** @return the period before the current one: the last that has ended */
    public PayPeriod last() {
        PayCalendar calendar = calendar();
        return calendar.previous(calendar.containing(today()));
    }

    /** @return the period {@code date} (business-local) falls in */
    public PayPeriod containing(LocalDate date) {
        return calendar().containing(date);
    }

    /** @return the current period and the {@code count - 1} before it, newest first */
    public List<PayPeriod> recent(int count) {
        PayCalendar calendar = calendar();
        List<PayPeriod> periods = new ArrayList<>(count);
        PayPeriod period = calendar.containing(today());
        for (int i = 0; i < count; i++) {
            periods.add(period);
            period = calendar.previous(period);
        }
        return periods;
    }
}
