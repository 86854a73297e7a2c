package com.tutordesk.billing.ui;

import com.tutordesk.billing.InvoiceFilter;
import com.tutordesk.billing.InvoiceRow;
import com.tutordesk.billing.InvoiceStatus;
import com.tutordesk.billing.PaymentsService;
import com.tutordesk.billing.PaymentsTotals;
import com.tutordesk.billing.UnbilledClient;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.ui.DateFields;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Payments (issue 7): the totals Overdue, Outstanding and Unbilled, every invoice (filter by status,
 * client and issue date, kept in the URL), and the clients with unbilled sessions, each with
 * "Create invoice". Admins see everything; a tutor with Enhanced Access sees their own clients and
 * their own sessions' figures (the service scopes every figure); a plain tutor gets "not found".
 */
@Route("payments")
@PageTitle("Payments · Tutordesk")
@Menu(title = "Payments", order = 30, icon = "vaadin:money")
@RolesAllowed({"ADMIN", "TUTOR"})
@com.tutordesk.security.EnhancedAccessRequired
class PaymentsView extends Main implements BeforeEnterObserver {

    final Span overdue = new Span();
    final Span outstanding = new Span();
    final Span unbilled = new Span();
    final Select<InvoiceStatus> status = new Select<>();
    final ComboBox<UnbilledClient> client = new ComboBox<>("Client");
    final DatePicker from = new DatePicker("Issued from");
    final DatePicker to = new DatePicker("Issued to");
    final Grid<InvoiceRow> invoices = new Grid<>();
    final Grid<UnbilledClient> unbilledClients = new Grid<>();
    final Button newInvoice = new Button("Create invoice", VaadinIcon.PLUS.create());
    final Button invoiceAll = new Button("Invoice all clients");

    private final PaymentsService payments;
    private final BusinessProfile profile;
    private final org.springframework.beans.factory.ObjectProvider<com.tutordesk.billing.PaymentsPageFigure> figures;
    private boolean applyingUrl;
    private boolean built;

    PaymentsView(PaymentsService payments, SettingsService settings, com.tutordesk.billing.BillingRunService runs,
            org.springframework.beans.factory.ObjectProvider<com.tutordesk.billing.PaymentsPageFigure> figures) {
        this.figures = figures;
        this.payments = payments;
        this.profile = settings.profile();
        addClassName("payments-view");
        newInvoice.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        newInvoice.addClickListener(click -> UI.getCurrent().navigate("invoices/new"));
        invoiceAll.setId("invoice-all-clients");
        invoiceAll.addClickListener(click -> UI.getCurrent().navigate("invoices/run"));
        invoiceAll.setVisible(runs.mayRun());
        Div buttons = new Div(invoiceAll, newInvoice);
        buttons.addClassName("view-header-actions");
        Div header = new Div(new H2("Payments"), buttons);
        header.addClassName("view-header-row");
        add(header);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!payments.mayUse()) {
            throw new NotFoundException("Page", "payments");
        }
        if (!built) {
            build();
            built = true;
        }
        applyingUrl = true;
        Map<String, List<String>> parameters = event.getLocation().getQueryParameters().getParameters();
        status.setValue(first(parameters, "status").flatMap(PaymentsView::parseStatus).orElse(null));
        Long clientId = first(parameters, "client").flatMap(PaymentsView::parseId).orElse(null);
        client.setValue(clientId == null ? null : client.getListDataView().getItems()
                .filter(c -> c.clientId() == clientId).findFirst().orElse(null));
        from.setValue(first(parameters, "from").flatMap(PaymentsView::parseDate).orElse(null));
        to.setValue(first(parameters, "to").flatMap(PaymentsView::parseDate).orElse(null));
        applyingUrl = false;
        invoices.getDataProvider().refreshAll();
    }

    private void build() {
        PaymentsTotals totals = payments.totals();
        Div cards = new Div(card("Overdue", overdue, totals.overdueMinor(), totals.overdueCount(), "invoice",
                        InvoiceStatus.OVERDUE),
                card("Outstanding", outstanding, totals.outstandingMinor(), totals.outstandingCount(), "invoice",
                        InvoiceStatus.OUTSTANDING),
                card("Unbilled", unbilled, totals.unbilledMinor(), totals.unbilledCount(), "session", null));
        figures.orderedStream().forEach(figure -> figure.figure().ifPresent(shown -> cards.add(card(shown))));
        cards.addClassName("payments-totals");

        status.setLabel("Status");
        status.setItems(InvoiceStatus.values());
        status.setItemLabelGenerator(s -> s == null ? "Any" : s.label());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption("Any");
        status.setId("invoice-status-filter");
        client.setItems(payments.invoicedClients());
        client.setItemLabelGenerator(UnbilledClient::label);
        client.setClearButtonVisible(true);
        client.setPlaceholder("Any");
        client.setId("invoice-client-filter");
        DateFields.configure(from, profile.locale());
        DateFields.configure(to, profile.locale());
        status.addValueChangeListener(e -> filterChanged());
        client.addValueChangeListener(e -> filterChanged());
        from.addValueChangeListener(e -> filterChanged());
        to.addValueChangeListener(e -> filterChanged());
        Div filters = new Div(status, client, from, to);
        filters.addClassName("filter-bar");

        invoices.setId("invoices-grid");
        invoices.addColumn(r -> r.number() == null ? (r.sendOn() == null ? "Draft" : "Scheduled " + profile.formatDate(r.sendOn()))
                : r.number()).setHeader("Invoice").setKey("number").setAutoWidth(true).setFlexGrow(0);
        invoices.addColumn(InvoiceRow::clientName).setHeader("Client").setKey("client").setFlexGrow(1);
        invoices.addComponentColumn(r -> BillingBadges.status(r.status(), r.sendOn())).setHeader("Status")
                .setKey("status").setAutoWidth(true).setFlexGrow(0);
        invoices.addColumn(r -> r.issueDate() == null ? "—" : profile.formatDate(r.issueDate())).setHeader("Issued")
                .setKey("issued").setAutoWidth(true).setFlexGrow(0);
        invoices.addColumn(r -> profile.formatDate(r.dueDate())).setHeader("Due").setKey("due").setAutoWidth(true)
                .setFlexGrow(0);
        invoices.addColumn(this::amount).setHeader("Total").setKey("total").setAutoWidth(true).setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        invoices.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        invoices.setItems(query -> payments.list(filter(), query.getOffset(), query.getLimit()).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, payments.count(filter())));
        invoices.addItemClickListener(click -> UI.getCurrent().navigate("invoices/" + click.getItem().id()));
        invoices.setEmptyStateText("No invoices match these filters");
        invoices.setHeight("24rem");

        unbilledClients.setId("unbilled-clients-grid");
        unbilledClients.addColumn(UnbilledClient::label).setHeader("Client").setKey("client").setFlexGrow(1);
        unbilledClients.addColumn(UnbilledClient::sessions).setHeader("Sessions").setKey("sessions").setAutoWidth(true)
                .setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        unbilledClients.addColumn(c -> profile.formatDate(profile.local(c.oldestEnd()).toLocalDate()))
                .setHeader("Oldest").setKey("oldest").setAutoWidth(true).setFlexGrow(0);
        unbilledClients.addColumn(c -> profile.formatMoney(c.amountMinor())).setHeader("Unbilled").setKey("amount")
                .setAutoWidth(true).setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        unbilledClients.addComponentColumn(c -> {
            Button create = new Button("Create invoice", click -> UI.getCurrent().navigate("invoices/new",
                    QueryParameters.of("client", String.valueOf(c.clientId()))));
            create.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            return create;
        }).setKey("create").setAutoWidth(true).setFlexGrow(0);
        unbilledClients.setItems(query -> payments.unbilledClients(query.getOffset(), query.getLimit()).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, payments.countUnbilledClients()));
        unbilledClients.setEmptyStateText("Every billable session is on an invoice");
        unbilledClients.setHeight("24rem");
        unbilledClients.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);

        Paragraph scope = new Paragraph("Amounts in " + profile.currency().getCurrencyCode() + "; overdue means past"
                + " the due date in " + profile.zone().getId() + ".");
        scope.addClassName("subtitle");
        add(scope, cards, new H3("Invoices"), filters, invoices, new H3("Unbilled sessions by client"), unbilledClients);
    }

    private Div card(String label, Span amount, long minor, long count, String noun, InvoiceStatus filter) {
        amount.setText(profile.formatMoney(minor));
        amount.addClassName("payments-total-amount");
        Span name = new Span(label);
        name.addClassName("payments-total-label");
        Span detail = new Span(count + " " + noun + (count == 1 ? "" : "s"));
        detail.addClassName("payments-total-count");
        Div card = new Div(name, amount, detail);
        card.addClassNames("payments-total", "payments-total-" + label.toLowerCase(Locale.ROOT));
        if (filter != null) {
            card.addClickListener(click -> status.setValue(filter));
            card.getElement().setAttribute("title", "Show " + label.toLowerCase(Locale.ROOT) + " invoices");
        }
        return card;
    }

    private Div card(com.tutordesk.billing.PaymentsPageFigure.Figure figure) {
        Span amount = new Span(profile.formatMoney(figure.amountMinor()));
        amount.addClassName("payments-total-amount");
        Span name = new Span(figure.label());
        name.addClassName("payments-total-label");
        Span detail = new Span(figure.detail());
        detail.addClassName("payments-total-count");
        Div card = new Div(name, amount, detail);
        card.addClassNames("payments-total", "payments-total-"
                + figure.label().toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-"));
        return card;
    }

    private String amount(InvoiceRow row) {
        if (row.totalMinor() != null) {
            return profile.formatMoney(row.totalMinor());
        }
        return "yours: " + profile.formatMoney(row.ownMinor() == null ? 0 : row.ownMinor());
    }

    private InvoiceFilter filter() {
        return new InvoiceFilter(status.getValue(), client.getValue() == null ? null : client.getValue().clientId(),
                from.getValue(), to.getValue());
    }

    private void filterChanged() {
        if (applyingUrl) {
            return;
        }
        invoices.getDataProvider().refreshAll();
        Map<String, String> parameters = new LinkedHashMap<>();
        if (status.getValue() != null) {
            parameters.put("status", status.getValue().name().toLowerCase(Locale.ROOT));
        }
        if (client.getValue() != null) {
            parameters.put("client", String.valueOf(client.getValue().clientId()));
        }
        if (from.getValue() != null) {
            parameters.put("from", from.getValue().toString());
        }
        if (to.getValue() != null) {
            parameters.put("to", to.getValue().toString());
        }
        getUI().ifPresent(ui -> ui.getPage().getHistory()
                .replaceState(null, new Location("payments", QueryParameters.simple(parameters))));
    }

    private static Optional<String> first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    private static Optional<InvoiceStatus> parseStatus(String value) {
        try {
            return Optional.of(InvoiceStatus.valueOf(value.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Optional<Long> parseId(String value) {
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<java.time.LocalDate> parseDate(String value) {
        try {
            return Optional.of(java.time.LocalDate.parse(value));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
