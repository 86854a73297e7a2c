package com.tutordesk.payroll.ui;

import com.tutordesk.payroll.AdjustmentKind;
import com.tutordesk.payroll.PayAdjustments;
import com.tutordesk.payroll.PayState;
import com.tutordesk.payroll.PayStatement;
import com.tutordesk.payroll.PayoutMethod;
import com.tutordesk.payroll.Payout;
import com.tutordesk.payroll.PayrollApproval;
import com.tutordesk.payroll.PayrollExports;
import com.tutordesk.payroll.PayrollQueries;
import com.tutordesk.payroll.StatementAdjustment;
import com.tutordesk.payroll.StatementLine;
import com.tutordesk.security.CurrentUserService;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.InvalidFieldException;
import com.tutordesk.shared.Money;
import com.tutordesk.shared.NotFoundException;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * One tutor's pay statement for one period ({@code /pay-statements/{tutorId}/{periodStart}}):
 * every session (date, student, subject, duration, wage, earnings; late cancellations and
 * carried-forward sessions marked), the adjustments, the total, the state and its history, with
 * PDF and CSV downloads. Admins also add and remove adjustments while it is open, approve it,
 * mark it paid and reopen it. A tutor sees only their own: another tutor's statement, like one that
 * does not exist, shows "not found".
 */
@Route("pay-statements/:tutorId(\\d{1,18})/:start")
@RolesAllowed({"ADMIN", "TUTOR"})
class PayStatementView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    final Grid<StatementLine> lines = new Grid<>();
    final Div adjustments = new Div();
    final Div totals = new Div();
    final Div facts = new Div();
    final Anchor downloadPdf = new Anchor();
    final Anchor downloadCsv = new Anchor();
    final Button approve = new Button("Approve", VaadinIcon.CHECK.create());
    final Button markPaid = new Button("Mark paid", VaadinIcon.MONEY.create());
    final Button reopen = new Button("Reopen…");
    final Select<AdjustmentKind> adjustmentKind = new Select<>();
    final BigDecimalField adjustmentAmount = new BigDecimalField("Amount");
    final TextField adjustmentMemo = new TextField("Memo");
    final Button addAdjustment = new Button("Add adjustment", VaadinIcon.PLUS.create());
    final Div adjustmentForm = new Div(adjustmentKind, adjustmentAmount, adjustmentMemo, addAdjustment);
    Dialog payoutDialog;
    DatePicker payoutDate;
    Select<PayoutMethod> payoutMethod;
    TextField payoutReference;
    ReopenDialog reopenDialog;

    private final PayrollQueries queries;
    private final PayrollApproval approval;
    private final PayAdjustments adjustmentService;
    private final PayrollExports exports;
    private final CurrentUserService currentUsers;
    private final BusinessProfile profile;
    private final Clock clock;
    private PayStatement statement;
    private String title = "Pay statement · Tutordesk";

    PayStatementView(PayrollQueries queries, PayrollApproval approval, PayAdjustments adjustmentService,
            PayrollExports exports, CurrentUserService currentUsers, SettingsService settings, Clock clock) {
        this.queries = queries;
        this.approval = approval;
        this.adjustmentService = adjustmentService;
        this.exports = exports;
        this.currentUsers = currentUsers;
        this.profile = settings.profile();
        this.clock = clock;
        addClassName("pay-statement-view");

        lines.setId("statement-lines");
        lines.addColumn(line -> profile.formatDate(profile.local(line.startsAt()).toLocalDate())).setHeader("Date")
                .setKey("date").setAutoWidth(true).setFlexGrow(0);
        lines.addColumn(StatementLine::studentName).setHeader("Student").setKey("student").setFlexGrow(1);
        lines.addColumn(StatementLine::subjectName).setHeader("Subject").setKey("subject").setFlexGrow(1);
        lines.addColumn(line -> BusinessProfile.formatDuration(line.durationMinutes())).setHeader("Duration")
                .setKey("duration")
                .setAutoWidth(true).setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        lines.addColumn(line -> profile.formatMoney(line.tutorWageMinor()) + "/h").setHeader("Wage").setKey("wage")
                .setAutoWidth(true).setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        lines.addColumn(line -> profile.formatMoney(line.earningsMinor())).setHeader("Earnings").setKey("earnings")
                .setAutoWidth(true).setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        lines.addColumn(line -> line.statusLabel() + (line.carriedFrom() == null ? ""
                : " · carried forward from " + line.carriedFrom().label(profile))).setHeader("Status").setKey("status")
                .setFlexGrow(1);
        lines.setAllRowsVisible(true);
        lines.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        lines.addItemClickListener(click -> UI.getCurrent().navigate("sessions/" + click.getItem().sessionId()));

        adjustments.setId("statement-adjustments");
        totals.setId("statement-totals");
        facts.addClassName("details-grid");

        approve.setId("approve-tutor");
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        approve.setDisableOnClick(true);
        approve.addClickListener(click -> {
            try {
                approval.approve(statement.period().start(), statement.tutorId());
                PayrollUi.success("Approved: the sessions' tutor earnings are locked");
                reload();
            } finally {
                approve.setEnabled(true);
            }
        });
        markPaid.setId("mark-paid");
        markPaid.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        markPaid.addClickListener(click -> openPayoutDialog());
        reopen.setId("reopen-tutor");
        reopen.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        reopen.addClickListener(click -> openReopenDialog());
        downloadPdf.getElement().setAttribute("download", true);
        downloadPdf.add(new Button("Download PDF", VaadinIcon.DOWNLOAD.create()));
        downloadPdf.setId("download-statement-pdf");
        downloadCsv.getElement().setAttribute("download", true);
        downloadCsv.add(new Button("Download CSV", VaadinIcon.DOWNLOAD.create()));
        downloadCsv.setId("download-statement-csv");

        adjustmentKind.setLabel("Kind");
        adjustmentKind.setItems(AdjustmentKind.values());
        adjustmentKind.setItemLabelGenerator(AdjustmentKind::label);
        adjustmentKind.setValue(AdjustmentKind.BONUS);
        adjustmentKind.setId("adjustment-kind");
        adjustmentAmount.setId("adjustment-amount");
        adjustmentAmount.setHelperText("Positive; a deduction subtracts it");
        adjustmentMemo.setId("adjustment-memo");
        adjustmentMemo.setMaxLength(PayAdjustments.MEMO_MAX_LENGTH);
        adjustmentMemo.setWidth("22rem");
        adjustmentMemo.setPlaceholder("e.g. travel to the Park Slope library");
        addAdjustment.setId("add-adjustment");
        addAdjustment.addClickListener(click -> addAdjustment());
        adjustmentForm.addClassName("filter-bar");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long tutorId = event.getRouteParameters().getLong("tutorId").orElseThrow();
        String start = event.getRouteParameters().get("start").orElseThrow();
        LocalDate periodStart;
        try {
            periodStart = LocalDate.parse(start);
        } catch (DateTimeParseException notADate) {
            throw new NotFoundException("Pay statement", tutorId + "/" + start);
        }
        show(queries.statement(tutorId, periodStart));
    }

    private void reload() {
        show(queries.statement(statement.tutorId(), statement.period().start()));
    }

    private void show(PayStatement shown) {
        this.statement = shown;
        boolean admin = currentUsers.require().isAdmin();
        title = "Pay statement · " + shown.tutorName() + " · " + shown.period().label(profile) + " · Tutordesk";
        removeAll();

        Anchor back = admin
                ? new Anchor("payroll?" + QueryParameters.of("period", shown.period().start().toString())
                        .getQueryString(), "← Payroll")
                : new Anchor("my-pay", "← My pay");
        Div header = new Div(new H2("Pay statement · " + shown.tutorName()), PayrollUi.badge(shown.state()));
        header.addClassName("invoice-header");

        facts.removeAll();
        fact("Pay period", shown.period().label(profile));
        fact("State", stateText(shown));
        if (shown.carriedSessions() > 0) {
            fact("Carried forward", shown.carriedSessions() + " session" + (shown.carriedSessions() == 1 ? "" : "s")
                    + " from earlier periods that were approved before they were logged");
        }

        lines.setItems(shown.lines());
        // Amounts differ in width from period to period: fit the columns to the rows shown.
        lines.recalculateColumnWidths();
        showAdjustments(shown, admin);
        totals.removeAll();
        totals.add(PayrollUi.totals(shown.totals(), profile));

        approve.setVisible(shown.allowed().approve());
        markPaid.setVisible(shown.allowed().markPaid());
        reopen.setVisible(shown.allowed().reopen());
        downloadPdf.setHref(pdfHandler(shown));
        downloadCsv.setHref(csvHandler(shown));
        Div actions = new Div(approve, markPaid, reopen, downloadPdf, downloadCsv);
        actions.addClassName("invoice-actions");

        add(back, header, actions, facts, new H3("Sessions"));
        if (shown.lines().isEmpty()) {
            add(new Paragraph("No completed or late-cancelled sessions in this period."));
        } else {
            add(lines);
        }
        add(new H3("Adjustments"), adjustments);
        if (shown.allowed().adjust()) {
            add(adjustmentForm);
        }
        add(totals);
        if (!shown.history().isEmpty()) {
            Div history = new Div();
            history.setId("statement-history");
            for (PayStatement.Event event : shown.history()) {
                history.add(new Paragraph(profile.formatDateTime(event.at()) + " · " + event.action() + " by "
                        + event.userName() + (event.details() == null ? "" : " · " + event.details())));
            }
            add(new H3("History"), history);
        }
    }

    private String stateText(PayStatement shown) {
        return switch (shown.state()) {
            case OPEN -> shown.ended() ? "Open: not yet approved"
                    : "Open: the period ends on " + profile.formatDate(shown.period().end());
            case APPROVED -> "Approved on " + profile.formatDateTime(shown.approvedAt()) + "; not yet paid";
            case PAID -> "Paid on " + profile.formatDate(shown.paidOn()) + " · " + shown.paidMethod().label()
                    + (shown.paidReference() == null ? "" : " · ref. " + shown.paidReference());
        };
    }

    private void showAdjustments(PayStatement shown, boolean admin) {
        adjustments.removeAll();
        if (shown.adjustments().isEmpty()) {
            adjustments.add(new Paragraph("No adjustments."));
        }
        for (StatementAdjustment adjustment : shown.adjustments()) {
            Span text = new Span(adjustment.kind().label() + ": " + adjustment.memo() + " · "
                    + profile.formatMoney(adjustment.signedAmountMinor()));
            Div row = new Div(text);
            row.addClassName("invoice-adjustment");
            if (admin && shown.state() == PayState.OPEN) {
                Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), click -> {
                    adjustmentService.remove(adjustment.id());
                    PayrollUi.success("Adjustment removed");
                    reload();
                });
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
                remove.setAriaLabel("Remove adjustment " + adjustment.memo());
                row.add(remove);
            }
            adjustments.add(row);
        }
    }

    void addAdjustment() {
        adjustmentAmount.setInvalid(false);
        adjustmentMemo.setInvalid(false);
        BigDecimal amount = adjustmentAmount.getValue();
        if (amount == null) {
            adjustmentAmount.setErrorMessage("Amount is required");
            adjustmentAmount.setInvalid(true);
            return;
        }
        long minor;
        try {
            minor = Money.parseMajor(amount, profile.currency()).minor();
        } catch (IllegalArgumentException | ArithmeticException e) {
            adjustmentAmount.setErrorMessage(e instanceof ArithmeticException ? "The amount is too large" : e.getMessage());
            adjustmentAmount.setInvalid(true);
            return;
        }
        try {
            adjustmentService.add(statement.tutorId(), statement.period().start(), adjustmentKind.getValue(), minor,
                    adjustmentMemo.getValue());
        } catch (InvalidFieldException e) {
            show(e, Map.of("amount", adjustmentAmount, "memo", adjustmentMemo, "kind", adjustmentKind));
            return;
        }
        adjustmentAmount.clear();
        adjustmentMemo.clear();
        PayrollUi.success("Adjustment added");
        reload();
    }

    void openPayoutDialog() {
        payoutDialog = new Dialog();
        payoutDialog.setHeaderTitle("Mark " + statement.tutorName() + " paid");
        payoutMethod = new Select<>();
        payoutMethod.setLabel("Method");
        payoutMethod.setItems(PayoutMethod.values());
        payoutMethod.setItemLabelGenerator(PayoutMethod::label);
        payoutMethod.setValue(PayoutMethod.BANK_TRANSFER);
        payoutMethod.setId("payout-method");
        payoutDate = new DatePicker("Date paid");
        payoutDate.setLocale(profile.locale());
        LocalDate today = profile.today(clock);
        payoutDate.setValue(today);
        payoutDate.setMax(today);
        payoutDate.setMin(statement.period().start());
        payoutDate.setId("payout-date");
        payoutReference = new TextField("Reference");
        payoutReference.setMaxLength(Payout.REFERENCE_MAX_LENGTH);
        payoutReference.setPlaceholder("Transfer reference, cheque number…");
        payoutReference.setWidthFull();
        payoutReference.setId("payout-reference");
        payoutDialog.add(new Paragraph("Records a payment of " + profile.formatMoney(statement.totals().totalMinor())
                + " for " + statement.period().label(profile) + "."), new Div(payoutMethod, payoutDate), payoutReference);
        Button confirm = new Button("Mark paid", click -> confirmPayout());
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setId("confirm-payout");
        payoutDialog.getFooter().add(new Button("Cancel", click -> payoutDialog.close()), confirm);
        payoutDialog.open();
    }

    void confirmPayout() {
        try {
            approval.markPaid(statement.period().start(), statement.tutorId(),
                    new Payout(payoutDate.getValue(), payoutMethod.getValue(), payoutReference.getValue()));
        } catch (InvalidFieldException e) {
            show(e, Map.of("paidOn", payoutDate, "method", payoutMethod, "reference", payoutReference));
            return;
        }
        payoutDialog.close();
        PayrollUi.success("Marked paid");
        reload();
    }

    void openReopenDialog() {
        reopenDialog = new ReopenDialog("Reopen " + statement.tutorName() + "'s pay for "
                + statement.period().label(profile), "Recorded with the period. The sessions' tutor earnings can be"
                + " edited again.", reason -> {
                    approval.reopen(statement.period().start(), statement.tutorId(), reason);
                    PayrollUi.success("Reopened");
                }, this::reload);
        reopenDialog.open();
    }

    /** Shows a service's field error at its field (other fields: as a message). */
    private static void show(InvalidFieldException e, Map<String, HasValidation> fields) {
        HasValidation field = fields.get(e.field());
        if (field == null) {
            throw e;
        }
        field.setErrorMessage(e.getMessage());
        field.setInvalid(true);
    }

    private DownloadHandler pdfHandler(PayStatement shown) {
        return download -> {
            download.setFileName(PayrollExports.statementFileName(shown, "pdf"));
            download.setContentType("application/pdf");
            download.getOutputStream().write(exports.statementPdf(shown.tutorId(), shown.period().start()));
        };
    }

    private DownloadHandler csvHandler(PayStatement shown) {
        return download -> {
            download.setFileName(PayrollExports.statementFileName(shown, "csv"));
            download.setContentType("text/csv; charset=UTF-8");
            exports.statementCsv(shown.tutorId(), shown.period().start(), download.getOutputStream());
        };
    }

    private void fact(String label, String value) {
        Span name = new Span(label);
        name.addClassName("details-label");
        Span text = new Span(value);
        text.addClassNames("details-value", "details-multiline");
        facts.add(name, text);
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
