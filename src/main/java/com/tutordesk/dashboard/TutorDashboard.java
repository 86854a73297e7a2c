package com.tutordesk.dashboard;

import com.tutordesk.payroll.PayrollQueries.PeriodEarnings;
import com.tutordesk.schedule.CalendarEntry;
import java.time.LocalDate;
import java.util.List;

/**
 * A tutor's Home figures (domain.md "Dashboard": their week, their sessions waiting for a report,
 * their earnings in the current pay period).
 *
 * @param weekStart      first day of the current business week
 * @param week           their sessions of that week, from the calendar, in start order
 * @param reportsWaiting their past sessions without a report, oldest first (at most {@link DashboardService#REPORTS_SHOWN})
 * @param reportsCount   how many there are in all
 * @param earnings       their pay in the current pay period so far
 */
public record TutorDashboard(LocalDate weekStart, List<CalendarEntry> week, List<ReportWaiting> reportsWaiting,
        long reportsCount, PeriodEarnings earnings) {
}
