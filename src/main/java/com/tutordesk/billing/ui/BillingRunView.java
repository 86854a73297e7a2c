package com.tutordesk.billing.ui;

import com.tutordesk.billing.BillingRunPreview;
import com.tutordesk.billing.BillingRunRequest;
import com.tutordesk.billing.BillingRunService;
import com.tutordesk.billing.BillingRunStatus;
import com.tutordesk.billing.NewInvoice;
import com.tutordesk.billing.PackageSales;
import com.tutordesk.people.SubjectRow;
import com.tutordesk.people.SubjectService;
import com.tutordesk.people.TutorDetails;
import com.tutordesk.people.TutorService;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.InvalidFieldException;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * "Invoice all clients" (issue 15): cut-off date and optional tutor/subject filter, a preview of every
 * client with billable sessions (untick to leave one out) and the grand total, then send now, schedule
 * or save as drafts. Per client the admin may "Add package" (issue 17): the prepaid package editor of
 * Create Invoice, its lines shown in the client's row and counted in its total and the grand total; a
 * client without billable sessions can be added for a package alone. Once started, the run's page
 * ({@code invoices/run/{id}}) shows a progress bar (it polls the run's status) and each client's outcome
 * (with its package lines); the run goes on when the page is closed. Admins only, in the service and here.
 */
@Route("invoices/run")
@PageTitle("Invoice all clients · Tutordesk")
@RolesAllowed("ADMIN")
class BillingRunView extends Main implements BeforeEnterObserver {

    final DatePicker cutOff = new DatePicker("Cut-off date");
    final ComboBox<TutorDetails> tutor = new ComboBox<>("Tutor");
    final ComboBox<SubjectRow> subject = new ComboBox<>("Subject");
    final Grid<BillingRunPreview.Client> preview = new Grid<>();
    final Span grandTotal = new Span();
    final RadioButtonGroup<NewInvoice.Delivery> delivery = new RadioButtonGroup<>("Then");
    final DatePicker sendOn = new DatePicker("Send on");
    final DatePicker dueDate = new DatePicker("Due date");
    final Button start = new Button("Invoice these clients");
    final Set<Long> leftOut = new HashSet<>();
    /** Prepaid package lines per client id, as the run will sell them. */
    final Map<Long, List<NewInvoice.PackageLine>> packages = new LinkedHashMap<>();
    final ComboBox<BillingRunService.PackageClient> packageClient = new ComboBox<>("Prepaid package for another client");
    /** The open "Add package" dialog, or {@code null}. */
    Dialog packageDialog;
    PackageLineEditor packageEditor;
    Button packagesDone;
    final ProgressBar progress = new ProgressBar();
    final Span progressText = new Span();
    final Grid<BillingRunStatus.Client> results = new Grid<>();

    private final BillingRunService runs;
    private final PackageSales packageSales;
    private final BusinessProfile profile;
    /** Clients in the run for a package alone (not in the preview of billable sessions), by id. */
    private final Map<Long, BillingRunPreview.Client> packageOnly = new LinkedHashMap<>();
    private final Map<Long, List<PackageSales.PackageChoice>> choices = new HashMap<>();
    private final Div setup = new Div();
    private final Div result = new Div();
    private BillingRunPreview shown;
    private Long runId;

    BillingRunView(BillingRunService runs, TutorService tutors, SubjectService subjects, SettingsService settings,
            PackageSales packageSales) {
        this.runs = runs;
        this.packageSales = packageSales;
        this.profile = settings.profile();
        addClassName("billing-run-view");
        add(new H2("Invoice all clients"));

        cutOff.setId("run-cut-off");
        cutOff.setValue(runs.defaultCutOff());
        tutor.setId("run-tutor");
        tutor.setItems(tutors.activeTutors());
        tutor.setItemLabelGenerator(TutorDetails::name);
        tutor.setPlaceholder("All tutors");
        tutor.setClearButtonVisible(true);
        subject.setItems(subjects.list(false));
        subject.setItemLabelGenerator(SubjectRow::name);
        subject.setPlaceholder("All subjects");
        subject.setClearButtonVisible(true);
        cutOff.addValueChangeListener(e -> refreshPreview());
        tutor.addValueChangeListener(e -> refreshPreview());
        subject.addValueChangeListener(e -> refreshPreview());
        Div filters = new Div(cutOff, tutor, subject);
        filters.addClassName("filter-bar");

        preview.setId("run-preview");
        preview.addComponentColumn(this::includeBox).setHeader("Include").setAutoWidth(true).setFlexGrow(0);
        preview.addColumn(BillingRunPreview.Client::clientName).setHeader("Client").setAutoWidth(true);
        preview.addColumn(BillingRunPreview.Client::billingContact).setHeader("Billing contact").setAutoWidth(true);
        preview.addColumn(BillingRunPreview.Client::sessionCount).setHeader("Sessions").setAutoWidth(true);
        preview.addComponentColumn(this::packagesCell).setHeader("Prepaid packages").setKey("packages").setFlexGrow(1);
        preview.addColumn(c -> profile.formatMoney(totalOf(c))).setHeader("Total").setKey("total").setAutoWidth(true);
        preview.addColumn(c -> c.autopay() ? "Autopay" : "").setHeader("Autopay").setAutoWidth(true);
        preview.setAllRowsVisible(true);
        grandTotal.setId("run-grand-total");
        packageClient.setId("run-package-client");
        packageClient.setItemLabelGenerator(BillingRunService.PackageClient::clientName);
        packageClient.setPlaceholder("Client without billable sessions");
        packageClient.setWidth("24rem");
        packageClient.addValueChangeListener(e -> {
            if (e.getValue() != null && e.isFromClient()) {
                addPackageOnlyClient(e.getValue().clientId());
            }
        });

        delivery.setItems(NewInvoice.Delivery.values());
        delivery.setItemLabelGenerator(d -> switch (d) {
            case SEND_NOW -> "Send all now (autopay clients are charged)";
            case SCHEDULE -> "Schedule all for a date";
            case DRAFT -> "Save all as drafts";
        });
        delivery.setValue(NewInvoice.Delivery.SEND_NOW);
        sendOn.setVisible(false);
        delivery.addValueChangeListener(e -> sendOn.setVisible(e.getValue() == NewInvoice.Delivery.SCHEDULE));
        dueDate.setValue(runs.defaultDueDate());
        start.setId("run-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // A double click must not start a second run (it would list every client as already invoiced).
        start.setDisableOnClick(true);
        start.addClickListener(click -> startRun());
        Div then = new Div(delivery, sendOn, dueDate, start);
        then.addClassName("filter-bar");
        setup.add(filters, preview, packageClient, grandTotal, then);

        progress.setId("run-progress");
        progressText.setId("run-progress-text");
        results.setId("run-results");
        results.addColumn(BillingRunStatus.Client::clientName).setHeader("Client").setAutoWidth(true);
        results.addColumn(BillingRunStatus.Client::sessionCount).setHeader("Sessions").setAutoWidth(true);
        results.addColumn(BillingRunStatus.Client::packageCount).setHeader("Packages").setAutoWidth(true);
        results.addColumn(c -> profile.formatMoney(c.totalMinor())).setHeader("Total").setAutoWidth(true);
        results.addColumn(BillingRunStatus.Client::outcomeLabel).setHeader("Result").setAutoWidth(true);
        results.addColumn(c -> c.message() == null ? "" : c.message()).setHeader("Details").setFlexGrow(1);
        results.addItemClickListener(e -> {
            if (e.getItem().invoiceId() != null) {
                UI.getCurrent().navigate("invoices/" + e.getItem().invoiceId());
            }
        });
        results.setAllRowsVisible(true);
        result.add(progress, progressText, results);
        result.setVisible(false);
        add(setup, result);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getLocation().getQueryParameters().getSingleParameter("run").orElse(null);
        if (id == null) {
            packageClient.setItems(runs.packageClients());
            refreshPreview();
            return;
        }
        try {
            runId = Long.parseLong(id);
            showStatus(runs.status(runId));
        } catch (NumberFormatException e) {
            throw new NotFoundException("Billing run", id);
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        // Polling reads the run's rows from the database, so it shows the job's progress on any node.
        event.getUI().addPollListener(poll -> {
            if (runId != null && result.isVisible()) {
                showStatus(runs.status(runId));
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
    }

    private Checkbox includeBox(BillingRunPreview.Client client) {
        Checkbox box = new Checkbox(!leftOut.contains(client.clientId()));
        box.setAriaLabel("Include " + client.clientName());
        box.addValueChangeListener(e -> {
            if (e.getValue()) {
                leftOut.remove(client.clientId());
            } else {
                leftOut.add(client.clientId());
            }
            showGrandTotal();
        });
        return box;
    }

    private void refreshPreview() {
        cutOff.setInvalid(false);
        try {
            shown = runs.preview(cutOff.getValue(), tutor.getValue() == null ? null : tutor.getValue().id(),
                    subject.getValue() == null ? null : subject.getValue().id());
        } catch (InvalidFieldException e) {
            cutOff.setErrorMessage(e.getMessage());
            cutOff.setInvalid(true);
            shown = new BillingRunPreview(cutOff.getValue(), profile.currency().getCurrencyCode(), List.of());
        }
        // A client with sessions now is a preview row; one with package lines but no sessions (any more,
        // after a change of filter) keeps a package-only row, so a line once added is never dropped unseen.
        shown.clients().forEach(c -> packageOnly.remove(c.clientId()));
        for (Long clientId : packages.keySet()) {
            if (shown.clients().stream().noneMatch(c -> c.clientId() == clientId)) {
                packageOnly.computeIfAbsent(clientId, runs::packageOnlyClient);
            }
        }
        showRows();
    }

    private List<BillingRunPreview.Client> rows() {
        List<BillingRunPreview.Client> rows = new ArrayList<>(shown == null ? List.of() : shown.clients());
        rows.addAll(packageOnly.values());
        return rows;
    }

    private void showRows() {
        preview.setItems(rows());
        showGrandTotal();
    }

    private List<BillingRunPreview.Client> included() {
        return rows().stream().filter(c -> !leftOut.contains(c.clientId())).toList();
    }

    private List<NewInvoice.PackageLine> packagesOf(BillingRunPreview.Client client) {
        return packages.getOrDefault(client.clientId(), List.of());
    }

    /** @return the client's invoice total as the run would make it: sessions plus package prices */
    private long totalOf(BillingRunPreview.Client client) {
        return client.totalMinor() + packagesOf(client).stream().mapToLong(NewInvoice.PackageLine::priceMinor).sum();
    }

    private void showGrandTotal() {
        List<BillingRunPreview.Client> chosen = included();
        long total = chosen.stream().mapToLong(this::totalOf).sum();
        int packageCount = chosen.stream().mapToInt(c -> packagesOf(c).size()).sum();
        grandTotal.setText(chosen.isEmpty() ? "No clients with billable sessions up to this date"
                : count(chosen.size(), "client") + ", "
                        + count(chosen.stream().mapToInt(BillingRunPreview.Client::sessionCount).sum(), "session") + ", "
                        + (packageCount == 0 ? "" : count(packageCount, "package") + ", ")
                        + "grand total " + profile.formatMoney(total));
        start.setEnabled(!chosen.isEmpty());
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private List<PackageSales.PackageChoice> choicesOf(long clientId) {
        return choices.computeIfAbsent(clientId, packageSales::choices);
    }

    /** The client's package lines, each with its price, and "Add package". */
    private Component packagesCell(BillingRunPreview.Client client) {
        Div cell = new Div();
        for (NewInvoice.PackageLine line : packagesOf(client)) {
            Div text = new Div(new Span(PackageLineEditor.text(line, choicesOf(client.clientId())) + ": "
                    + profile.formatMoney(line.priceMinor())));
            text.addClassName("run-package-line");
            cell.add(text);
        }
        Button add = new Button(packagesOf(client).isEmpty() ? "Add package" : "Edit packages",
                click -> openPackages(client));
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        add.setId("run-packages-" + client.clientId());
        add.setAriaLabel("Prepaid packages for " + client.clientName());
        cell.add(add);
        return cell;
    }

    /** Opens Create Invoice's package editor for one client; its lines go into the row as they change. */
    void openPackages(BillingRunPreview.Client client) {
        List<PackageSales.PackageChoice> options = choicesOf(client.clientId());
        if (options.isEmpty()) {
            BillingUi.notify(client.clientName() + " has no active engagement to sell prepaid hours of", true);
            return;
        }
        packageDialog = new Dialog();
        packageDialog.setHeaderTitle("Prepaid packages for " + client.clientName());
        packageEditor = new PackageLineEditor(options, packagesOf(client), profile, () -> {
            List<NewInvoice.PackageLine> lines = packageEditor.lines();
            if (lines.isEmpty()) {
                packages.remove(client.clientId());
            } else {
                packages.put(client.clientId(), lines);
            }
            showRows();
        });
        packagesDone = new Button("Done", click -> closePackages());
        packagesDone.setId("run-packages-done");
        packagesDone.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        packageDialog.add(packageEditor);
        packageDialog.getFooter().add(packagesDone);
        packageDialog.addDialogCloseActionListener(e -> closePackages());
        packageDialog.open();
    }

    private void closePackages() {
        if (packageDialog != null) {
            packageDialog.close();
        }
        packageDialog = null;
        packageEditor = null;
        // A client in the run for a package alone leaves it when its last line goes.
        packageOnly.keySet().removeIf(id -> !packages.containsKey(id));
        showRows();
    }

    /** Adds a row for a client with no billable sessions in this preview and opens its package editor. */
    void addPackageOnlyClient(long clientId) {
        packageClient.clear();
        BillingRunPreview.Client existing = rows().stream().filter(c -> c.clientId() == clientId).findFirst()
                .orElse(null);
        if (existing == null) {
            existing = runs.packageOnlyClient(clientId);
            packageOnly.put(clientId, existing);
            leftOut.remove(clientId);
            showRows();
        }
        openPackages(existing);
    }

    private void startRun() {
        sendOn.setInvalid(false);
        dueDate.setInvalid(false);
        try {
            long id = runs.start(new BillingRunRequest(cutOff.getValue(),
                    tutor.getValue() == null ? null : tutor.getValue().id(),
                    subject.getValue() == null ? null : subject.getValue().id(),
                    included().stream().map(BillingRunPreview.Client::clientId).toList(), delivery.getValue(),
                    sendOn.getValue(), dueDate.getValue(), packages));
            UI.getCurrent().navigate("invoices/run", com.vaadin.flow.router.QueryParameters.of("run", String.valueOf(id)));
        } catch (InvalidFieldException e) {
            switch (e.field()) {
                case "sendOn" -> { sendOn.setErrorMessage(e.getMessage()); sendOn.setInvalid(true); }
                case "dueDate" -> { dueDate.setErrorMessage(e.getMessage()); dueDate.setInvalid(true); }
                default -> BillingUi.notify(e.getMessage(), true);
            }
            start.setEnabled(true);
        } catch (RuleViolationException e) {
            BillingUi.notify(e.getMessage(), true);
            start.setEnabled(true);
        }
    }

    private void showStatus(BillingRunStatus status) {
        setup.setVisible(false);
        result.setVisible(true);
        int total = status.clients().size();
        long done = status.doneCount();
        progress.setMin(0);
        progress.setMax(Math.max(1, total));
        progress.setValue(done);
        progressText.setText(status.finished() ? "Done: " + total + " clients" : done + " of " + total + " clients done");
        results.setItems(status.clients());
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.setPollInterval(status.finished() ? -1 : 1000);
        }
    }
}
