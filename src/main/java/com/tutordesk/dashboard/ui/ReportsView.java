package com.tutordesk.dashboard.ui;

import com.tutordesk.dashboard.ReportsService;
import com.tutordesk.dashboard.ReportsService.Dimension;
import com.tutordesk.dashboard.RevenueLine;
import com.tutordesk.dashboard.WeekTutorSessions;
import com.tutordesk.security.EnhancedAccessRequired;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.NotFoundException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Reports (issue 19): revenue by client, tutor or subject for a date range, and tutor utilisation
 * (delivered hours per week), each with CSV. Admins see the business; a tutor with Enhanced Access
 * the same over their own sessions (the service scopes every figure); a plain tutor gets "not found".
 */
@Route("reports")
@PageTitle("Reports · Tutordesk")
@Menu(title = "Reports", order = 38, icon = "vaadin:chart")
@RolesAllowed({"ADMIN", "TUTOR"})
@EnhancedAccessRequired
class ReportsView extends Main implements BeforeEnterObserver {

    final DatePicker from = new DatePicker("From");
    final DatePicker to = new DatePicker("To");
    final Select<Dimension> by = new Select<>();
    final Grid<RevenueLine> revenue = new Grid<>();
    final Grid<WeekTutorSessions> utilisation = new Grid<>();
    final Paragraph problem = new Paragraph();
    final Anchor revenueCsv = new Anchor();
    final Anchor utilisationCsv = new Anchor();

    private final ReportsService reports;
    private final BusinessProfile profile;
    private List<RevenueLine> revenueLines = List.of();
    private List<WeekTutorSessions> utilisationRows = List.of();

    ReportsView(ReportsService reports, SettingsService settings, Clock clock) {
        this.reports = reports;
        this.profile = settings.profile();
        addClassName("reports-view");
        LocalDate today = profile.today(clock);
        from.setValue(today.withDayOfMonth(1));
        to.setValue(today);
        from.setId("report-from");
        to.setId("report-to");
        by.setLabel("Revenue by");
        by.setItems(Dimension.values());
        by.setItemLabelGenerator(Dimension::label);
        by.setValue(Dimension.CLIENT);
        by.setId("report-by");
        problem.addClassName("field-problem");
        problem.setVisible(false);

        revenue.setId("report-revenue");
        revenue.addColumn(RevenueLine::name).setHeader("Name").setKey("name").setFlexGrow(1);
        revenue.addColumn(RevenueLine::sessions).setHeader("Sessions").setKey("sessions").setAutoWidth(true);
        revenue.addColumn(l -> BusinessProfile.formatDuration(Math.toIntExact(l.minutes()))).setHeader("Duration")
                .setKey("duration").setAutoWidth(true);
        revenue.addColumn(l -> profile.formatMoney(l.revenueMinor())).setHeader("Revenue").setKey("revenue")
                .setAutoWidth(true);
        revenue.addColumn(l -> profile.formatMoney(l.tutorCostsMinor())).setHeader("Tutor costs").setKey("costs")
                .setAutoWidth(true);
        revenue.addColumn(l -> profile.formatMoney(l.marginMinor())).setHeader("Gross margin").setKey("margin")
                .setAutoWidth(true);
        revenue.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        revenue.setAllRowsVisible(true);

        utilisation.setId("report-utilisation");
        utilisation.addColumn(w -> profile.formatDate(w.weekStart())).setHeader("Week of").setKey("week");
        utilisation.addColumn(WeekTutorSessions::tutorName).setHeader("Tutor").setKey("tutor");
        utilisation.addColumn(WeekTutorSessions::sessions).setHeader("Sessions").setKey("sessions");
        utilisation.addColumn(w -> AdminHome.hours(w.minutes())).setHeader("Hours").setKey("hours");
        utilisation.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        utilisation.setAllRowsVisible(true);

        revenueCsv.setId("report-revenue-csv");
        revenueCsv.getElement().setAttribute("download", true);
        revenueCsv.add(new Button("Download CSV", VaadinIcon.DOWNLOAD.create()));
        revenueCsv.setHref((DownloadHandler) download -> {
            download.setFileName("revenue-by-" + by.getValue().name().toLowerCase(java.util.Locale.ROOT) + "-"
                    + from.getValue() + "-" + to.getValue() + ".csv");
            download.setContentType("text/csv; charset=UTF-8");
            DashboardCsv.revenue(by.getValue().label(), revenueLines, profile, download.getOutputStream());
        });
        utilisationCsv.setId("report-utilisation-csv");
        utilisationCsv.getElement().setAttribute("download", true);
        utilisationCsv.add(new Button("Download CSV", VaadinIcon.DOWNLOAD.create()));
        utilisationCsv.setHref((DownloadHandler) download -> {
            download.setFileName("utilisation-" + from.getValue() + "-" + to.getValue() + ".csv");
            download.setContentType("text/csv; charset=UTF-8");
            DashboardCsv.weeks(utilisationRows, download.getOutputStream());
        });

        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        by.addValueChangeListener(e -> refresh());
        Div filters = new Div(from, to, by);
        filters.addClassName("filters");
        add(new H2("Reports"), filters, problem,
                new H3("Revenue"), new Paragraph("Completed and late-cancelled sessions that started in the range"
                        + " (business time zone " + profile.zone().getId() + ")."), revenue, revenueCsv,
                new H3("Tutor utilisation"), new Paragraph("Delivered sessions per week (whole weeks around the range)."),
                utilisation, utilisationCsv);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!reports.mayUse()) {
            throw new NotFoundException("Page", "reports");
        }
        refresh();
    }

    private void refresh() {
        LocalDate first = from.getValue();
        LocalDate last = to.getValue();
        String message = null;
        if (first == null || last == null) {
            message = "Choose a first and a last day (From and To).";
        } else if (last.isBefore(first)) {
            message = "To (" + profile.formatDate(last) + ") is before From (" + profile.formatDate(first)
                    + "): choose a later To.";
        } else if (java.time.temporal.ChronoUnit.DAYS.between(first, last) + 1 > ReportsService.MAX_DAYS) {
            message = "A report covers at most " + ReportsService.MAX_DAYS + " days: choose a shorter range.";
        }
        problem.setText(message == null ? "" : message);
        problem.setVisible(message != null);
        if (message != null) {
            revenueLines = List.of();
            utilisationRows = List.of();
        } else {
            revenueLines = reports.revenue(by.getValue(), first, last);
            utilisationRows = reports.utilisation(first, last);
        }
        revenue.setItems(revenueLines);
        utilisation.setItems(utilisationRows);
        revenueCsv.setEnabled(message == null);
        utilisationCsv.setEnabled(message == null);
    }
}
