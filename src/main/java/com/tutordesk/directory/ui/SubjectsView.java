package com.tutordesk.directory.ui;

import com.tutordesk.people.Subject;
import com.tutordesk.people.SubjectRow;
import com.tutordesk.people.SubjectService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** Subjects (admins): add, rename, deactivate; delete only while nothing uses a subject. */
@Route("subjects")
@PageTitle("Subjects · Tutordesk")
@Menu(title = "Subjects", order = 40, icon = "vaadin:book")
@RolesAllowed("ADMIN")
class SubjectsView extends Main {

    final TextField newName = new TextField();
    final Button add = new Button("Add subject");
    final Checkbox showInactive = new Checkbox("Show deactivated");
    final Grid<SubjectRow> grid = new Grid<>();
    TextField renameField;
    Button renameSave;
    private final SubjectService subjects;

    SubjectsView(SubjectService subjects) {
        this.subjects = subjects;
        addClassNames("directory-view", "subjects-view");
        newName.setPlaceholder("New subject, e.g. SAT Math");
        newName.setMaxLength(Subject.NAME_MAX_LENGTH);
        newName.setWidth("20rem");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> {
            if (new Ui.FieldErrors().add("name", newName).run(() -> subjects.create(newName.getValue()))) {
                Ui.success("Subject " + newName.getValue().strip() + " added");
                newName.clear();
                refresh();
            }
        });
        newName.addValueChangeListener(e -> newName.setInvalid(false));
        showInactive.addValueChangeListener(e -> refresh());

        grid.addColumn(SubjectRow::name).setHeader("Subject").setKey("name").setFlexGrow(2);
        grid.addColumn(SubjectRow::tutors).setHeader("Tutors").setKey("tutors").setAutoWidth(true);
        grid.addColumn(SubjectRow::engagements).setHeader("Engagements").setKey("engagements").setAutoWidth(true);
        grid.addComponentColumn(r -> Ui.activeBadge(r.active())).setHeader("Status").setKey("status")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        refresh();

        HorizontalLayout tools = new HorizontalLayout(newName, add, showInactive);
        tools.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        add(new H2("Subjects"), tools, grid);
    }

    void refresh() {
        grid.setItems(subjects.list(showInactive.getValue()));
    }

    private HorizontalLayout actions(SubjectRow row) {
        Button rename = new Button("Rename", e -> openRename(row));
        Button toggle = new Button(row.active() ? "Deactivate" : "Reactivate", e -> {
            if (new Ui.FieldErrors().run(() -> subjects.setActive(row.id(), row.version(), !row.active()))) {
                refresh();
            }
        });
        Button delete = new Button("Delete", e -> {
            if (new Ui.FieldErrors().run(() -> subjects.delete(row.id()))) {
                Ui.success("Subject " + row.name() + " deleted");
                refresh();
            }
        });
        delete.setVisible(row.deletable());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        for (Button b : java.util.List.of(rename, toggle, delete)) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        return new HorizontalLayout(rename, toggle, delete);
    }

    void openRename(SubjectRow row) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Rename " + row.name());
        renameField = new TextField("Subject name", row.name(), "");
        renameField.setMaxLength(Subject.NAME_MAX_LENGTH);
        renameField.setWidthFull();
        dialog.add(renameField);
        renameSave = new Button("Save", e -> {
            if (new Ui.FieldErrors().add("name", renameField)
                    .run(() -> subjects.rename(row.id(), row.version(), renameField.getValue()))) {
                dialog.close();
                refresh();
            }
        });
        renameSave.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), renameSave);
        dialog.open();
    }
}
