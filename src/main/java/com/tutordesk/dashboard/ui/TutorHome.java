package com.tutordesk.dashboard.ui;

import com.tutordesk.dashboard.DashboardService;
import com.tutordesk.dashboard.ReportWaiting;
import com.tutordesk.dashboard.TutorDashboard;
import com.tutordesk.payroll.PayrollQueries.PeriodEarnings;
import com.tutordesk.schedule.CalendarEntry;
import com.tutordesk.session.SessionStatus;
import com.tutordesk.settings.BusinessProfile;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A tutor's part of Home (issue 19): their week from the calendar (sessions per day), their sessions
 * waiting for a report (each a link to its page), and their earnings in the current pay period.
 */
class TutorHome extends Div {

    final UnorderedList week = new UnorderedList();
    final UnorderedList reports = new UnorderedList();
    final Paragraph reportsSummary = new Paragraph();
    final Span earnings = new Span();
    final Paragraph earningsDetail = new Paragraph();

    TutorHome(DashboardService dashboard, BusinessProfile profile) {
        addClassName("dashboard");
        TutorDashboard figures = dashboard.tutor();

        week.setId("tutor-week");
        Map<LocalDate, List<CalendarEntry>> byDay = figures.week().stream()
                .filter(entry -> !entry.status().isCancelled()) // a late cancellation is not taught either
                .collect(Collectors.groupingBy(entry -> profile.local(entry.startsAt()).toLocalDate(), TreeMap::new,
                        Collectors.toList()));
        for (int i = 0; i < 7; i++) {
            LocalDate day = figures.weekStart().plusDays(i);
            List<CalendarEntry> sessions = byDay.getOrDefault(day, List.of());
            int minutes = sessions.stream()
                    .mapToInt(e -> (int) java.time.Duration.between(e.startsAt(), e.endsAt()).toMinutes()).sum();
            String text = profile.formatDayHeading(day) + ": " + (sessions.isEmpty() ? "no sessions"
                    : sessions.size() + " session" + (sessions.size() == 1 ? "" : "s") + ", "
                            + BusinessProfile.formatDuration(minutes));
            Anchor link = new Anchor("schedule?view=day&date=" + day, text);
            week.add(new ListItem(link));
        }

        reports.setId("tutor-reports");
        reportsSummary.setText(figures.reportsCount() == 0 ? "No sessions are waiting for a report."
                : figures.reportsCount() + " session" + (figures.reportsCount() == 1 ? " is" : "s are")
                        + " waiting for a report" + (figures.reportsCount() > figures.reportsWaiting().size()
                                ? " (the oldest " + figures.reportsWaiting().size() + " are listed)" : "") + ".");
        for (ReportWaiting waiting : figures.reportsWaiting()) {
            reports.add(new ListItem(new Anchor("sessions/" + waiting.sessionId(),
                    profile.formatDate(profile.local(waiting.startsAt()).toLocalDate()) + " "
                            + profile.formatTime(waiting.startsAt()) + " · " + waiting.studentName() + " · "
                            + waiting.subjectName())));
        }

        PeriodEarnings pay = figures.earnings();
        earnings.setId("tutor-earnings");
        earnings.addClassName("dashboard-card-amount");
        earnings.setText(profile.formatMoney(pay.totals().totalMinor()));
        earningsDetail.setText(pay.period().label(profile) + " · " + pay.totals().sessions() + " session"
                + (pay.totals().sessions() == 1 ? "" : "s") + ", " + BusinessProfile.formatDuration(pay.totals().minutes())
                + " · " + pay.state().label());
        Div earningsCard = new Div(new Anchor("my-pay", "Earnings this pay period"), earnings, earningsDetail);
        earningsCard.addClassName("dashboard-card");

        add(new H2("Your week"), week, new H2("Waiting for a report"), reportsSummary, reports,
                new H2("Your pay"), earningsCard);
    }
}
