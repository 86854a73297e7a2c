package com.tutordesk.payroll.ui;

import com.tutordesk.payroll.PayPeriod;
import com.tutordesk.payroll.PayPeriods;
import com.tutordesk.payroll.PayrollApproval;
import com.tutordesk.payroll.PayrollExports;
import com.tutordesk.payroll.PayrollQueries;
import com.tutordesk.payroll.PeriodPayroll;
import com.tutordesk.payroll.TutorPayRow;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.FooterRow;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Payroll ({@code /payroll?period=2026-11-16}, admins): the current and past pay periods; for the
 * chosen one, one row per tutor (sessions, hours h:mm, earnings, adjustments, total, state) with
 * footer totals; a row opens the tutor's statement. Approve the period for every tutor whose pay is
 * open (once it is over), reopen approved, unpaid pay with a reason, and export the period as CSV
 * (one row per tutor). The services check the role again.
 */
@Route("payroll")
@PageTitle("Payroll · Tutordesk")
@Menu(title = "Payroll", order = 35, icon = "vaadin:wallet")
@RolesAllowed("ADMIN")
class PayrollView extends Main implements BeforeEnterObserver {

    final Select<PayrollQueries.PeriodChoice> periodSelect = new Select<>();
    final Button previous = new Button("Previous", VaadinIcon.ANGLE_LEFT.create());
    final Button next = new Button("Next", VaadinIcon.ANGLE_RIGHT.create());
    final Span summary = new Span();
    final Button approveAll = new Button("Approve period", VaadinIcon.CHECK.create());
    final Button reopenAll = new Button("Reopen…");
    final Anchor exportCsv = new Anchor();
    final Grid<TutorPayRow> grid = new Grid<>();
    ConfirmDialog approveDialog;
    ReopenDialog reopenDialog;

    private final PayrollQueries queries;
    private final PayrollApproval approval;
    private final PayrollExports exports;
    private final PayPeriods periods;
    private final BusinessProfile profile;
    private PeriodPayroll shown;
    private boolean updatingSelect;

    PayrollView(PayrollQueries queries, PayrollApproval approval, PayrollExports exports, PayPeriods periods,
            SettingsService settings) {
        this.queries = queries;
        this.approval = approval;
        this.exports = exports;
        this.periods = periods;
        this.profile = settings.profile();
        addClassName("payroll-view");

        periodSelect.setLabel("Pay period");
        periodSelect.setId("payroll-period");
        periodSelect.setWidth("26rem");
        periodSelect.setItemLabelGenerator(this::choiceLabel);
        periodSelect.addValueChangeListener(change -> {
            if (!updatingSelect && change.getValue() != null && change.isFromClient()) {
                go(change.getValue().period().start());
            }
        });
        previous.addClickListener(click -> go(periods.calendar().previous(shown.period()).start()));
        next.addClickListener(click -> go(periods.calendar().next(shown.period()).start()));
        next.setIconAfterText(true);

        approveAll.setId("approve-period");
        approveAll.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        approveAll.addClickListener(click -> openApproveDialog());
        reopenAll.setId("reopen-period");
        reopenAll.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        reopenAll.addClickListener(click -> openReopenDialog());
        exportCsv.getElement().setAttribute("download", true);
        exportCsv.add(new Button("Export CSV", VaadinIcon.DOWNLOAD.create()));
        exportCsv.setId("export-period");
        summary.setId("payroll-summary");

        grid.setId("payroll-grid");
        grid.addColumn(TutorPayRow::tutorName).setHeader("Tutor").setKey("tutor").setFlexGrow(1);
        PayrollUi.addPayColumns(grid, profile);
        grid.appendFooterRow();
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addItemClickListener(click -> UI.getCurrent().navigate(PayStatementView.class,
                PayrollUi.statement(click.getItem().tutorId(), click.getItem().period().start())));

        Div navigation = new Div(previous, periodSelect, next);
        navigation.addClassName("filter-bar");
        Div actions = new Div(approveAll, reopenAll, exportCsv);
        actions.addClassName("invoice-actions");
        add(new H2("Payroll"), navigation, summary, actions, grid,
                new Paragraph("Earnings are the stored tutor earnings of completed and late-cancelled sessions that"
                        + " started in the period (business time zone). Approving locks them; sessions logged later"
                        + " for an approved period are paid in the next open one."));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        LocalDate date = event.getLocation().getQueryParameters().getSingleParameter("period").map(value -> {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }).orElse(null);
        show(queries.period(date));
    }

    private void go(LocalDate periodStart) {
        UI.getCurrent().navigate(PayrollView.class, QueryParameters.of("period", periodStart.toString()));
    }

    private void show(PeriodPayroll payroll) {
        this.shown = payroll;
        PayPeriod period = payroll.period();
        List<PayrollQueries.PeriodChoice> choices = new ArrayList<>(queries.recentPeriods(PayPeriods.RECENT));
        PayrollQueries.PeriodChoice selected = choices.stream().filter(choice -> choice.period().equals(period))
                .findFirst().orElse(null);
        if (selected == null) {
            selected = new PayrollQueries.PeriodChoice(period, payroll.current(), (int) payroll.approvedUnpaidCount(),
                    (int) payroll.rows().stream().filter(row -> row.state() == com.tutordesk.payroll.PayState.PAID)
                            .count());
            choices.add(period.start().isAfter(choices.getFirst().period().start()) ? 0 : choices.size(), selected);
        }
        updatingSelect = true;
        periodSelect.setItems(choices);
        periodSelect.setValue(selected);
        updatingSelect = false;

        grid.setItems(payroll.rows());
        // Amounts differ in width from period to period: fit the columns to the rows shown.
        grid.recalculateColumnWidths();
        FooterRow footer = grid.getFooterRows().getFirst();
        footer.getCell(grid.getColumnByKey("tutor")).setText(payroll.rows().size() + " tutors");
        footer.getCell(grid.getColumnByKey("sessions")).setText(String.valueOf(payroll.totals().sessions()));
        footer.getCell(grid.getColumnByKey("hours")).setText(PayrollUi.hours(payroll.totals().minutes()));
        footer.getCell(grid.getColumnByKey("earnings")).setText(profile.formatMoney(payroll.totals().earningsMinor()));
        footer.getCell(grid.getColumnByKey("adjustments"))
                .setText(profile.formatMoney(payroll.totals().adjustmentsMinor()));
        footer.getCell(grid.getColumnByKey("total")).setText(profile.formatMoney(payroll.totals().totalMinor()));

        long open = payroll.openCount();
        long approved = payroll.approvedUnpaidCount();
        long paid = payroll.rows().size() - open - approved;
        String state = payroll.rows().isEmpty() ? "Nothing to pay in this period."
                : open + " open · " + approved + " approved, not yet paid · " + paid + " paid.";
        if (!payroll.ended()) {
            state += " The period ends on " + profile.formatDate(period.end()) + ": approve it once it is over.";
        }
        summary.setText(state);
        approveAll.setVisible(payroll.ended() && open > 0);
        approveAll.setText(open == payroll.rows().size() ? "Approve period" : "Approve " + open + " open");
        reopenAll.setVisible(approved > 0);
        exportCsv.setHref(csvHandler(period));
    }

    private String choiceLabel(PayrollQueries.PeriodChoice choice) {
        String label = choice.period().label(profile);
        if (choice.current()) {
            return label + " · current";
        }
        if (choice.paid() > 0 || choice.approved() > 0) {
            return label + " · " + (choice.approved() == 0 ? "paid" : choice.approved() + " approved, unpaid");
        }
        return label;
    }

    void openApproveDialog() {
        long open = shown.openCount();
        approveDialog = new ConfirmDialog("Approve " + shown.period().label(profile) + "?",
                "Approves the pay of " + open + " tutor" + (open == 1 ? "" : "s") + " whose pay is open. Their"
                        + " sessions' tutor earnings are locked: editing them is refused until the period is"
                        + " reopened. Sessions logged later for this period are paid in the next one.",
                "Approve", confirmed -> {
                    PayrollUi.success("Approved the pay of " + count(approval.approve(shown.period().start(), null)));
                    show(queries.period(shown.period().start()));
                });
        approveDialog.setCancelable(true);
        approveDialog.open();
    }

    void openReopenDialog() {
        reopenDialog = new ReopenDialog("Reopen " + shown.period().label(profile), "Recorded with the period. Paid"
                + " pay stays paid; approved, unpaid pay becomes open and its sessions can be edited again.",
                reason -> PayrollUi.success("Reopened the pay of " + count(approval.reopen(shown.period().start(), null,
                        reason))), () -> show(queries.period(shown.period().start())));
        reopenDialog.open();
    }

    private static String count(int tutors) {
        return tutors + " tutor" + (tutors == 1 ? "" : "s");
    }

    private DownloadHandler csvHandler(PayPeriod period) {
        return download -> {
            download.setFileName(PayrollExports.periodFileName(period));
            download.setContentType("text/csv; charset=UTF-8");
            exports.periodCsv(period.start(), download.getOutputStream());
        };
    }
}
