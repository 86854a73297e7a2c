package com.tutordesk.directory.ui;

import com.tutordesk.people.SubjectService;
import com.tutordesk.people.TutorRow;
import com.tutordesk.people.TutorService;
import com.tutordesk.settings.SettingsService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** Tutors (admins): list with search, and "Add tutor". A row opens the tutor's page. */
@Route("tutors")
@PageTitle("Tutors · Tutordesk")
@Menu(title = "Tutors", order = 20, icon = "vaadin:academy-cap")
@RolesAllowed("ADMIN")
class TutorsView extends Main {

    final TextField search = new TextField();
    final Checkbox showInactive = new Checkbox("Show deactivated");
    final Grid<TutorRow> grid = new Grid<>();
    final Button add = new Button("Add tutor", VaadinIcon.PLUS.create());
    private final TutorService tutors;
    private final SubjectService subjects;
    private final SettingsService settings;

    TutorsView(TutorService tutors, SubjectService subjects, SettingsService settings) {
        this.tutors = tutors;
        this.subjects = subjects;
        this.settings = settings;
        addClassNames("directory-view", "tutors-view");

        search.setPlaceholder("Search name or email");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        showInactive.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> openAddDialog());

        grid.addColumn(TutorRow::name).setHeader("Name").setKey("name").setSortProperty("name").setFlexGrow(2);
        grid.addColumn(TutorRow::email).setHeader("Email").setKey("email").setSortProperty("email").setFlexGrow(2);
        grid.addColumn(r -> r.phone() == null ? "" : r.phone()).setHeader("Phone").setKey("phone").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(TutorRow::subjects).setHeader("Subjects").setKey("subjects").setFlexGrow(3);
        grid.addColumn(r -> r.loginEmail() == null ? "No login" : "Yes").setHeader("Login").setKey("login")
                .setAutoWidth(true).setFlexGrow(0);
        String businessDefault = settings.profile().tutorsEnhancedAccess() ? "Default (on)" : "Default (off)";
        grid.addColumn(r -> r.enhancedAccessOverride() == null ? businessDefault : r.enhancedAccessOverride() ? "On" : "Off")
                .setHeader("Enhanced Access").setKey("enhanced").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(r -> Ui.activeBadge(r.active())).setHeader("Status").setKey("status")
                .setAutoWidth(true).setFlexGrow(0);
        grid.setItemsPageable(pageable -> tutors.list(search.getValue(), showInactive.getValue(),
                pageable.getSort().isSorted() ? pageable
                        : org.springframework.data.domain.PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(),
                                org.springframework.data.domain.Sort.by("name"))).getContent());
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(TutorView.class,
                new com.vaadin.flow.router.RouteParameters("id", String.valueOf(e.getItem().id())))));

        HorizontalLayout tools = new HorizontalLayout(search, showInactive, add);
        tools.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        add(new H2("Tutors"), tools, grid);
    }

    void openAddDialog() {
        var choices = subjects.list(false);
        TutorFormLayout form = new TutorFormLayout(choices, settings.profile().tutorsEnhancedAccess());
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Add tutor");
        dialog.add(form);
        Button save = new Button("Add tutor", e -> form.write().ifPresent(values -> {
            long[] id = new long[1];
            if (form.errors.run(() -> id[0] = tutors.create(values))) {
                dialog.close();
                Ui.success("Tutor " + values.name().strip() + " added");
                getUI().ifPresent(ui -> ui.navigate(TutorView.class,
                        new com.vaadin.flow.router.RouteParameters("id", String.valueOf(id[0]))));
            }
        }));
        Ui.oneClickAtATime(save);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.setWidth("40rem");
        dialog.open();
    }
}
