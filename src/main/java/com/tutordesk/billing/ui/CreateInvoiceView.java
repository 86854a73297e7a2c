package com.tutordesk.billing.ui;

import com.tutordesk.billing.InvoiceAdjustment;
import com.tutordesk.billing.InvoiceCandidates;
import com.tutordesk.billing.InvoiceIssuingService;
import com.tutordesk.billing.InvoiceQueryService;
import com.tutordesk.billing.InvoiceTotals;
import com.tutordesk.billing.NewInvoice;
import com.tutordesk.billing.PackageSales;
import com.tutordesk.billing.PaymentsService;
import com.tutordesk.billing.UnbilledClient;
import com.tutordesk.session.BillableSession;
import com.tutordesk.session.SessionStatus;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.Money;
import com.tutordesk.shared.InvalidFieldException;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import com.tutordesk.shared.ui.DateFields;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
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
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Create Invoice for one client ({@code /invoices/new?client=12}, optionally {@code &session=345}
 * to start with only that session selected, as "Send invoice" on a session does). Lists the client's
 * billable sessions on no invoice, all selected by default; the person may pick which (or "the N
 * oldest"), add adjustments and prepaid packages (issue 17: engagement, hours in 15-minute steps, price
 * defaulting to hours × client rate and editable down, memo), set the due date, preview, then send now,
 * schedule the email or save a draft; an invoice may hold only a package. Without {@code client} it
 * first asks for the client.
 */
@Route("invoices/new")
@PageTitle("New invoice · Tutordesk")
@RolesAllowed({"ADMIN", "TUTOR"})
class CreateInvoiceView extends Main implements BeforeEnterObserver {

    static final String SEND_NOW = "Send now";
    static final String SCHEDULE = "Schedule the email for a later date";
    static final String DRAFT = "Save as draft";

    // Made anew on every navigation: the route instance is reused when only the query changes.
    ComboBox<UnbilledClient> clientPicker;
    Grid<BillableSession> sessions;
    IntegerField oldest;
    Button selectOldest;
    BigDecimalField adjustmentAmount;
    TextField adjustmentMemo;
    Button addAdjustment;
    Div adjustmentList;
    /** The prepaid package lines, or {@code null} when the client has no engagement to sell hours of. */
    PackageLineEditor packageEditor;
    DatePicker dueDate;
    RadioButtonGroup<String> delivery;
    DatePicker sendOn;
    Div summary;
    Paragraph notice;
    Button preview;
    Button submit;
    Dialog previewDialog;

    private final InvoiceQueryService invoices;
    private final InvoiceIssuingService issuing;
    private final PaymentsService payments;
    private final BusinessProfile profile;
    private final List<NewInvoice.Adjustment> adjustments = new ArrayList<>();
    private final PackageSales packageSales;
    private InvoiceCandidates candidates;

    CreateInvoiceView(InvoiceQueryService invoices, InvoiceIssuingService issuing, PaymentsService payments,
            SettingsService settings, PackageSales packageSales) {
        this.packageSales = packageSales;
        this.invoices = invoices;
        this.issuing = issuing;
        this.payments = payments;
        this.profile = settings.profile();
        addClassName("create-invoice-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!payments.mayUse()) {
            throw new NotFoundException("Page", "invoices/new");
        }
        Map<String, List<String>> parameters = event.getLocation().getQueryParameters().getParameters();
        Long clientId = first(parameters, "client");
        Long sessionId = first(parameters, "session");
        removeAll();
        adjustments.clear();
        newComponents();
        if (clientId == null) {
            pickClient();
            return;
        }
        candidates = invoices.candidates(clientId);
        build(sessionId);
    }

    private void newComponents() {
        clientPicker = new ComboBox<>("Client");
        sessions = new Grid<>();
        oldest = new IntegerField();
        selectOldest = new Button("Select oldest");
        adjustmentAmount = new BigDecimalField("Adjustment amount");
        adjustmentMemo = new TextField("Memo");
        addAdjustment = new Button("Add adjustment", VaadinIcon.PLUS.create());
        adjustmentList = new Div();
        packageEditor = null;
        dueDate = new DatePicker("Due date");
        delivery = new RadioButtonGroup<>("Delivery");
        sendOn = new DatePicker("Send on");
        summary = new Div();
        notice = new Paragraph();
        notice.setVisible(false);
        preview = new Button("Preview", VaadinIcon.EYE.create());
        submit = new Button("Send Invoice");
        previewDialog = null;
    }

    private void pickClient() {
        clientPicker.setItems(payments.unbilledClients());
        clientPicker.setItemLabelGenerator(c -> c.label() + " — " + c.sessions() + " unbilled ("
                + profile.formatMoney(c.amountMinor()) + ")");
        clientPicker.setPlaceholder("Clients with unbilled sessions");
        clientPicker.setWidth("28rem");
        clientPicker.setId("invoice-client");
        clientPicker.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                UI.getCurrent().navigate("invoices/new", QueryParameters.of("client", String.valueOf(e.getValue().clientId())));
            }
        });
        add(new Anchor("payments", "← Payments"), new H2("New invoice"), clientPicker);
    }

    private void build(Long preselectedSession) {
        H2 title = new H2("New invoice for " + candidates.clientName());
        Paragraph billTo = new Paragraph("Bill to " + candidates.billToName() + " <" + candidates.billToEmail() + ">");
        billTo.addClassName("subtitle");
        add(new Anchor("payments", "← Payments"), title, billTo);

        if (!candidates.onDrafts().isEmpty()) {
            // The same unbilled sessions as the sessions list and Payments; drafts hold some of them.
            int held = candidates.sessionsOnDrafts();
            Div drafts = new Div(new Span(held + (held == 1 ? " unbilled session is" : " unbilled sessions are")
                    + " on " + (candidates.onDrafts().size() == 1 ? "a draft invoice" : "draft invoices")
                    + ", so not listed here: "));
            candidates.onDrafts().keySet().forEach(id -> drafts.add(new Anchor("invoices/" + id, "open draft"),
                    new Span(" ")));
            drafts.addClassName("invoice-drafts-note");
            drafts.setId("invoice-drafts-note");
            add(drafts);
        }
        List<PackageSales.PackageChoice> packageChoices = packageSales.choices(candidates.clientId());
        boolean noSessions = candidates.sessions().isEmpty();
        if (noSessions && packageChoices.isEmpty()) {
            Paragraph none = new Paragraph("This client has no unbilled sessions to invoice.");
            none.addClassName("empty-state");
            add(none);
            return;
        }

        sessions.setId("invoice-sessions");
        sessions.setSelectionMode(Grid.SelectionMode.MULTI);
        sessions.addColumn(s -> profile.formatDate(profile.local(s.startsAt()).toLocalDate())).setHeader("Date")
                .setKey("date").setAutoWidth(true).setFlexGrow(0);
        sessions.addColumn(BillableSession::studentName).setHeader("Student").setKey("student").setFlexGrow(1);
        sessions.addColumn(s -> s.subjectName() + (s.status() == SessionStatus.LATE_CANCELLED ? " (late cancellation)" : ""))
                .setHeader("Subject").setKey("subject").setFlexGrow(1);
        sessions.addColumn(BillableSession::tutorName).setHeader("Tutor").setKey("tutor").setFlexGrow(1);
        sessions.addColumn(s -> BusinessProfile.formatDuration(s.durationMinutes())).setHeader("Duration")
                .setKey("duration").setAutoWidth(true).setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        sessions.addColumn(s -> profile.formatMoney(s.clientRateMinor()) + "/h").setHeader("Rate").setKey("rate")
                .setAutoWidth(true).setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        sessions.addColumn(s -> profile.formatMoney(s.clientAmountMinor())).setHeader("Amount").setKey("amount")
                .setAutoWidth(true).setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        sessions.setItems(candidates.sessions());
        sessions.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        sessions.setAllRowsVisible(candidates.sessions().size() <= 12);
        if (preselectedSession != null && candidates.sessions().stream().anyMatch(s -> s.id() == preselectedSession)) {
            candidates.sessions().stream().filter(s -> s.id() == preselectedSession).forEach(sessions::select);
        } else {
            sessions.asMultiSelect().select(candidates.sessions());
            if (preselectedSession != null) {
                notice.setText("That session cannot be invoiced (it is already on an invoice, not completed, or not"
                        + " yours to bill): all of the client's unbilled sessions are listed instead.");
                notice.setVisible(true);
            }
        }
        sessions.addSelectionListener(e -> updateSummary());

        oldest.setPlaceholder("N");
        oldest.setMin(1);
        oldest.setMax(candidates.sessions().size());
        oldest.setStepButtonsVisible(true);
        oldest.setWidth("8rem");
        oldest.setAriaLabel("How many of the oldest sessions");
        selectOldest.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        selectOldest.addClickListener(click -> selectOldest());
        Button all = new Button("Select all", click -> sessions.asMultiSelect().select(candidates.sessions()));
        all.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button none = new Button("Select none", click -> sessions.deselectAll());
        none.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Div selection = new Div(new Span("Include the"), oldest, new Span("oldest"), selectOldest, all, none);
        selection.addClassName("invoice-selection-bar");

        adjustmentAmount.setPlaceholder("-10.00");
        adjustmentAmount.setHelperText("Negative for a discount");
        adjustmentAmount.setId("adjustment-amount");
        adjustmentMemo.setMaxLength(InvoiceAdjustment.MEMO_MAX_LENGTH);
        adjustmentMemo.setPlaceholder("e.g. session ran 15 min over");
        adjustmentMemo.setId("adjustment-memo");
        adjustmentMemo.setWidth("22rem");
        addAdjustment.addClickListener(click -> addAdjustment());
        adjustmentList.addClassName("invoice-adjustment-list");
        Div adjustmentBar = new Div(adjustmentAmount, adjustmentMemo, addAdjustment);
        adjustmentBar.addClassName("filter-bar");

        DateFields.configure(dueDate, profile.locale());
        dueDate.setValue(candidates.defaultDueDate());
        dueDate.setMin(candidates.today());
        dueDate.setHelperText("Default: issue date + 14 days");
        dueDate.setId("due-date");
        delivery.setItems(SEND_NOW, SCHEDULE, DRAFT);
        delivery.setValue(SEND_NOW);
        delivery.setId("delivery");
        DateFields.configure(sendOn, profile.locale());
        sendOn.setMin(candidates.today().plusDays(1));
        sendOn.setVisible(false);
        sendOn.setId("send-on");
        sendOn.addValueChangeListener(e -> {
            // The due date keeps its 14 days from the day the invoice goes out.
            if (e.getValue() != null && e.isFromClient() && (dueDate.getValue() == null
                    || dueDate.getValue().isBefore(e.getValue()))) {
                dueDate.setValue(e.getValue().plusDays(candidates.defaultDueDate().toEpochDay()
                        - candidates.today().toEpochDay()));
            }
        });
        delivery.addValueChangeListener(e -> {
            sendOn.setVisible(SCHEDULE.equals(e.getValue()));
            submit.setText(switch (e.getValue()) {
                case SCHEDULE -> "Schedule Invoice";
                case DRAFT -> "Save Draft";
                default -> "Send Invoice";
            });
        });
        Div dates = new Div(dueDate, delivery, sendOn);
        dates.addClassName("filter-bar");

        summary.addClassName("invoice-summary");
        summary.setId("invoice-summary");
        preview.addClickListener(click -> openPreview());
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setDisableOnClick(true);
        submit.setId("submit-invoice");
        submit.addClickListener(click -> submit());
        Div actions = new Div(preview, submit);
        actions.addClassName("invoice-actions");

        notice.addClassName("url-notices");
        add(notice, new H3("Sessions"));
        if (noSessions) {
            Paragraph noneToBill = new Paragraph("This client has no unbilled sessions: the invoice can sell a prepaid"
                    + " package.");
            noneToBill.addClassName("empty-state");
            add(noneToBill);
        } else {
            add(selection, sessions);
        }
        add(new H3("Adjustments"), adjustmentBar, adjustmentList);
        if (!packageChoices.isEmpty()) {
            packageEditor = new PackageLineEditor(packageChoices, List.of(), profile, this::updateSummary);
            add(new H3("Prepaid package"), packageEditor);
        }
        add(new H3("Due date and delivery"), dates, summary, actions);
        updateSummary();
    }

    void selectOldest() {
        Integer n = oldest.getValue();
        if (n == null || n < 1) {
            oldest.setInvalid(true);
            oldest.setErrorMessage("Enter how many, at least 1");
            return;
        }
        oldest.setInvalid(false);
        sessions.deselectAll();
        candidates.sessions().stream().sorted(Comparator.comparing(BillableSession::startsAt)
                .thenComparing(BillableSession::id)).limit(n).forEach(sessions::select);
    }

    void addAdjustment() {
        adjustmentAmount.setInvalid(false);
        adjustmentMemo.setInvalid(false);
        BigDecimal amount = adjustmentAmount.getValue();
        String memo = adjustmentMemo.getValue() == null ? "" : adjustmentMemo.getValue().strip();
        long minor;
        try {
            if (amount == null || amount.signum() == 0) {
                throw new IllegalArgumentException("Enter an amount other than zero");
            }
            minor = Money.parseMajor(amount, profile.currency()).minor();
            if (Math.abs(minor) > InvoiceAdjustment.MAX_AMOUNT_MINOR) {
                throw new IllegalArgumentException("The amount is too large");
            }
        } catch (IllegalArgumentException | ArithmeticException e) {
            adjustmentAmount.setErrorMessage(e instanceof ArithmeticException ? "The amount is too large" : e.getMessage());
            adjustmentAmount.setInvalid(true);
            return;
        }
        if (memo.isEmpty()) {
            adjustmentMemo.setErrorMessage("Say what the adjustment is for");
            adjustmentMemo.setInvalid(true);
            return;
        }
        adjustments.add(new NewInvoice.Adjustment(memo, minor));
        adjustmentAmount.clear();
        adjustmentMemo.clear();
        renderAdjustments();
        updateSummary();
    }

    private void renderAdjustments() {
        adjustmentList.removeAll();
        for (NewInvoice.Adjustment adjustment : List.copyOf(adjustments)) {
            Span text = new Span(adjustment.memo() + ": " + profile.formatMoney(adjustment.amountMinor()));
            Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), click -> {
                adjustments.remove(adjustment);
                renderAdjustments();
                updateSummary();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            remove.setAriaLabel("Remove adjustment " + adjustment.memo());
            Div row = new Div(text, remove);
            row.addClassName("invoice-adjustment");
            adjustmentList.add(row);
        }
    }

    /** The adjustments and the package lines, as the totals and the preview count them. */
    private List<NewInvoice.Adjustment> adjustmentsAndPackages() {
        List<NewInvoice.Adjustment> all = new ArrayList<>(adjustments);
        packages().forEach(line -> all.add(new NewInvoice.Adjustment(packageEditor.text(line), line.priceMinor())));
        return all;
    }

    private List<NewInvoice.PackageLine> packages() {
        return packageEditor == null ? List.of() : packageEditor.lines();
    }

    private List<BillableSession> selected() {
        Set<BillableSession> chosen = sessions.getSelectedItems();
        return candidates.sessions().stream().filter(chosen::contains).toList();
    }

    private InvoiceTotals totals() {
        return InvoiceTotals.of(selected().stream().map(BillableSession::clientAmountMinor).toList(),
                adjustmentsAndPackages().stream().map(NewInvoice.Adjustment::amountMinor).toList());
    }

    void updateSummary() {
        InvoiceTotals totals = totals();
        int count = selected().size();
        summary.removeAll();
        summary.add(BillingUi.summaryLine(count + " of " + candidates.sessions().size() + " sessions", profile.formatMoney(totals.linesMinor())));
        if (!adjustments.isEmpty() || !packages().isEmpty()) {
            summary.add(BillingUi.summaryLine(packages().isEmpty() ? "Adjustments" : "Adjustments and packages",
                    profile.formatMoney(totals.adjustmentsMinor())));
        }
        Div total = BillingUi.summaryLine("Total", profile.formatMoney(totals.totalMinor()));
        total.addClassName("invoice-summary-total");
        summary.add(total);
        if (totals.negative()) {
            Span warning = new Span("The total is below zero: an invoice cannot be.");
            warning.addClassName("invoice-summary-warning");
            summary.add(warning);
        }
    }


    void openPreview() {
        LocalDate issue = SCHEDULE.equals(delivery.getValue()) && sendOn.getValue() != null ? sendOn.getValue()
                : candidates.today();
        previewDialog = new InvoicePreviewDialog(candidates, profile, selected(), adjustmentsAndPackages(), issue,
                DRAFT.equals(delivery.getValue()), dueDate.getValue());
        previewDialog.open();
    }

    void submit() {
        dueDate.setInvalid(false);
        sendOn.setInvalid(false);
        NewInvoice.Delivery how = switch (delivery.getValue()) {
            case SCHEDULE -> NewInvoice.Delivery.SCHEDULE;
            case DRAFT -> NewInvoice.Delivery.DRAFT;
            default -> NewInvoice.Delivery.SEND_NOW;
        };
        List<Long> ids = new ArrayList<>(new LinkedHashSet<>(selected().stream().map(BillableSession::id).toList()));
        try {
            if (ids.isEmpty() && packages().isEmpty()) {
                throw new IllegalArgumentException("Sessions: choose at least one session or add a package");
            }
            if (how == NewInvoice.Delivery.SCHEDULE && sendOn.getValue() == null) {
                sendOn.setErrorMessage("Choose the day the email goes out");
                sendOn.setInvalid(true);
                submit.setEnabled(true);
                return;
            }
            long id = issuing.create(new NewInvoice(candidates.clientId(), ids, adjustments, dueDate.getValue(), how,
                    sendOn.getValue(), packages()));
            BillingUi.notify(switch (how) {
                case SEND_NOW -> "Invoice issued" + invoices.latestEmailNote(id).map(note -> "; email " + note)
                        .orElse("");
                case SCHEDULE -> "Invoice scheduled for " + profile.formatDate(sendOn.getValue());
                case DRAFT -> "Draft saved";
            }, false);
            UI.getCurrent().navigate("invoices/" + id);
        } catch (InvalidFieldException e) {
            switch (e.field()) {
                case "dueDate" -> {
                    dueDate.setErrorMessage(e.getMessage());
                    dueDate.setInvalid(true);
                }
                case "sendOn" -> {
                    sendOn.setErrorMessage(e.getMessage());
                    sendOn.setInvalid(true);
                }
                default -> BillingUi.notify(e.getMessage(), true);
            }
            submit.setEnabled(true);
        } catch (IllegalArgumentException | RuleViolationException | NotFoundException e) {
            BillingUi.notify(e.getMessage(), true);
            submit.setEnabled(true);
        }
    }


    private static Long first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : PaymentsView.parseId(values.getFirst()).orElse(null);
    }
}
