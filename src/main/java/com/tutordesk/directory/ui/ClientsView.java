package com.tutordesk.directory.ui;

import com.tutordesk.people.ClientRow;
import com.tutordesk.people.ClientService;
import com.tutordesk.security.EnhancedAccessRequired;
import com.tutordesk.session.PeopleSessionsService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * Clients: admins see all, tutors with Enhanced Access the clients they added; tutors without get
 * "not found" (navigation gate and service). Search, "has unbilled sessions" and autopay filters.
 */
@Route("clients")
@PageTitle("Clients · Tutordesk")
@Menu(title = "Clients", order = 30, icon = "vaadin:users")
@RolesAllowed({"ADMIN", "TUTOR"})
@EnhancedAccessRequired
class ClientsView extends Main {

    enum Autopay { ANY, ON, OFF }

    final TextField search = new TextField();
    final Checkbox unbilledOnly = new Checkbox("Has unbilled sessions");
    final Select<Autopay> autopay = new Select<>();
    final Checkbox showInactive = new Checkbox("Show deactivated");
    final Grid<ClientRow> grid = new Grid<>();
    final Button add = new Button("Add client", VaadinIcon.PLUS.create());
    private final ClientService clients;
    private final PeopleSessionsService sessions;

    ClientsView(ClientService clients, PeopleSessionsService sessions) {
        this.clients = clients;
        this.sessions = sessions;
        addClassNames("directory-view", "clients-view");
        search.setPlaceholder("Search client, contact, email or student");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("22rem");
        autopay.setLabel("Autopay");
        autopay.setItems(Autopay.values());
        autopay.setItemLabelGenerator(a -> switch (a) {
            case ANY -> "Any";
            case ON -> "On";
            case OFF -> "Off";
        });
        autopay.setValue(Autopay.ANY);
        search.addValueChangeListener(e -> refresh());
        unbilledOnly.addValueChangeListener(e -> refresh());
        autopay.addValueChangeListener(e -> refresh());
        showInactive.addValueChangeListener(e -> refresh());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> openAddDialog());

        grid.addColumn(ClientRow::name).setHeader("Client").setKey("name").setSortProperty("name").setFlexGrow(2);
        grid.addColumn(r -> r.contactName() + (r.studentPays() ? " (student)" : "")).setHeader("Billing contact")
                .setKey("contact").setFlexGrow(2);
        grid.addColumn(ClientRow::contactEmail).setHeader("Email").setKey("email").setFlexGrow(2);
        grid.addColumn(r -> r.contactPhone() == null ? "" : r.contactPhone()).setHeader("Phone").setKey("phone");
        grid.addColumn(ClientRow::students).setHeader("Students").setKey("students").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.autopay() ? "On" : "Off").setHeader("Autopay").setKey("autopay").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(r -> Ui.activeBadge(r.active())).setHeader("Status").setKey("status")
                .setAutoWidth(true).setFlexGrow(0);
        grid.setItemsPageable(pageable -> clients.list(filter(), pageable.getSort().isSorted() ? pageable
                : PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), Sort.by("name"))).getContent());
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(ClientView.class,
                new RouteParameters("id", String.valueOf(e.getItem().id())))));

        HorizontalLayout tools = new HorizontalLayout(search, autopay, unbilledOnly, showInactive, add);
        tools.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        tools.setWrap(true);
        add(new H2("Clients"), tools, grid);
    }

    private ClientService.ListFilter filter() {
        Boolean autopayFilter = switch (autopay.getValue()) {
            case ANY -> null;
            case ON -> true;
            case OFF -> false;
        };
        return new ClientService.ListFilter(search.getValue(), autopayFilter,
                unbilledOnly.getValue() ? sessions.clientIdsWithUnbilledSessions() : null, showInactive.getValue());
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    void openAddDialog() {
        ClientFormLayout form = new ClientFormLayout(true);
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Add client");
        dialog.add(form);
        Button save = new Button("Add client", e -> form.write().ifPresent(values -> {
            long[] id = new long[1];
            if (form.errors.run(() -> id[0] = clients.create(values))) {
                dialog.close();
                Ui.success("Client " + values.name().strip() + " added");
                getUI().ifPresent(ui -> ui.navigate(ClientView.class, new RouteParameters("id", String.valueOf(id[0]))));
            }
        }));
        Ui.oneClickAtATime(save);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.setWidth("44rem");
        dialog.open();
    }
}
