package com.tutordesk.directory.ui;

import com.tutordesk.directory.ClientPageSection;
import com.tutordesk.engagement.EngagementRow;
import com.tutordesk.engagement.EngagementService;
import com.tutordesk.people.ClientDetails;
import com.tutordesk.people.ClientHistoryRow;
import com.tutordesk.people.ClientService;
import com.tutordesk.people.StudentRow;
import com.tutordesk.people.SubjectService;
import com.tutordesk.people.TutorDetails;
import com.tutordesk.people.TutorService;
import com.tutordesk.security.CurrentUser;
import com.tutordesk.security.CurrentUserService;
import com.tutordesk.security.EnhancedAccessRequired;
import com.tutordesk.session.PeopleSessionsService;
import com.tutordesk.session.RelatedSession;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.NotFoundException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * A client's page: billing contact and address; sections of other modules (the card on file and
 * autopay, issue 8) through {@link ClientPageSection}; students (added here); engagements;
 * sessions with the unbilled total; the history of changes to the details (issue 18). Admins see every client; a tutor with Enhanced Access the
 * clients they added (others are "not found"); a tutor without none.
 */
@Route("clients/:id")
@PageTitle("Client · Tutordesk")
@RolesAllowed({"ADMIN", "TUTOR"})
@EnhancedAccessRequired
class ClientView extends Main implements BeforeEnterObserver {

    final H2 title = new H2();
    final Button save = new Button("Save");
    final Button deactivate = new Button("Deactivate");
    final Button reactivate = new Button("Reactivate");
    final Button delete = new Button("Delete");
    final Button addStudent = new Button("Add student");
    final Button newEngagement = new Button("New engagement");
    final Grid<StudentRow> students = new Grid<>();
    final Paragraph unbilled = new Paragraph();
    Grid<EngagementRow> engagementGrid;
    Grid<RelatedSession> sessionGrid;
    final Grid<ClientHistoryRow> history = new Grid<>();
    ClientFormLayout form;

    private final ClientService clients;
    private final EngagementService engagements;
    private final TutorService tutors;
    private final SubjectService subjects;
    private final PeopleSessionsService sessions;
    private final CurrentUserService currentUsers;
    private final BusinessProfile profile;
    private final ObjectProvider<ClientPageSection> sections;
    private ClientDetails client;
    private CurrentUser user;

    ClientView(ClientService clients, EngagementService engagements, TutorService tutors, SubjectService subjects,
            PeopleSessionsService sessions, CurrentUserService currentUsers, SettingsService settings,
            ObjectProvider<ClientPageSection> sections) {
        this.sections = sections;
        this.clients = clients;
        this.engagements = engagements;
        this.tutors = tutors;
        this.subjects = subjects;
        this.sessions = sessions;
        this.currentUsers = currentUsers;
        this.profile = settings.profile();
        addClassNames("directory-view", "client-view");

        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> saveClient());
        deactivate.addClickListener(e -> setActive(false));
        reactivate.addClickListener(e -> setActive(true));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.addClickListener(e -> new ConfirmDialog("Delete " + client.name() + "?", "The client and its students"
                + " are deleted for good. This is possible only because none of them has an engagement.", "Delete",
                confirm -> {
                    if (new Ui.FieldErrors().run(() -> clients.delete(client.id()))) {
                        Ui.success(client.name() + " deleted");
                        getUI().ifPresent(ui -> ui.navigate(ClientsView.class));
                    }
                }, "Cancel", cancel -> { }).open());
        addStudent.addClickListener(e -> new StudentDialog("Add student", null, values -> {
            clients.addStudent(client.id(), values);
            Ui.success("Student " + values.name().strip() + " added");
            reload();
        }).open());
        newEngagement.addClickListener(e -> openNewEngagement());

        students.addColumn(StudentRow::name).setHeader("Student").setKey("name");
        students.addColumn(s -> s.gradeLevel() == null ? "" : s.gradeLevel()).setHeader("Grade or level")
                .setKey("grade");
        students.addColumn(s -> s.email() == null ? "" : s.email()).setHeader("Email").setKey("email");
        students.addComponentColumn(s -> Ui.activeBadge(s.active())).setHeader("Status").setKey("status")
                .setAutoWidth(true).setFlexGrow(0);
        students.addComponentColumn(this::studentActions).setAutoWidth(true).setFlexGrow(0);
        students.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        students.setAllRowsVisible(true);

        // The client's history (issue 18): who changed which detail, newest first, in the business's zone.
        history.addColumn(change -> profile.formatDateTime(change.changedAt())).setHeader("When").setKey("when")
                .setAutoWidth(true).setFlexGrow(0);
        history.addColumn(ClientHistoryRow::actor).setHeader("Who").setKey("who");
        history.addColumn(change -> change.field().label()).setHeader("Detail").setKey("field");
        history.addColumn(change -> shown(change.oldValue())).setHeader("Before").setKey("before");
        history.addColumn(change -> shown(change.newValue())).setHeader("After").setKey("after");
        history.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        history.setId("client-history");
    }

    private static String shown(String value) {
        return value == null ? "(empty)" : value;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String raw = event.getRouteParameters().get("id").orElse("");
        long id = TutorView.parse(raw).orElseThrow(() -> new NotFoundException("Client", raw));
        user = currentUsers.require();
        client = clients.get(id);
        render();
    }

    private void render() {
        removeAll();
        title.setText(client.name());
        form = new ClientFormLayout(false);
        form.read(client.form());
        form.setMaxWidth("52rem");
        deactivate.setVisible(client.active());
        reactivate.setVisible(!client.active());
        delete.setVisible(clients.deletable(client.id()));
        add(title, Ui.activeBadge(client.active()), new H3("Billing contact"), form,
                new HorizontalLayout(save, deactivate, reactivate, delete));
        // Sections of modules above this one (e.g. the card on file), without a dependency on them.
        sections.orderedStream().forEach(section -> add(section.create(client.id(), this::reload)));

        students.setItems(clients.students(client.id()));
        addStudent.setEnabled(client.active());
        add(header("Students", addStudent), students);

        engagementGrid = EngagementGrids.create(profile, true, true);
        engagementGrid.setItems(engagements.ofClient(client.id()));
        newEngagement.setEnabled(client.active());
        add(header("Engagements", newEngagement), engagementGrid);

        sessionGrid = SessionGrids.create(profile, true, false, user.maySeeClientAmounts());
        sessionGrid.setAllRowsVisible(false);
        sessionGrid.setHeight("28rem");
        sessionGrid.setItemsPageable(pageable -> sessions.ofClient(client.id(),
                PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(),
                        Sort.by(Sort.Order.desc("startsAt"), Sort.Order.desc("id")))).getContent());
        unbilled.setText("Unbilled: " + profile.formatMoney(sessions.unbilledAmountOfClient(client.id())));
        unbilled.addClassName("subtitle");
        // Invoicing is the billing module's page; a link keeps this module free of a dependency on it.
        com.vaadin.flow.component.html.Anchor createInvoice = new com.vaadin.flow.component.html.Anchor(
                "invoices/new?client=" + client.id(), "Create Invoice");
        createInvoice.setId("create-invoice");
        createInvoice.addClassName("create-invoice-link");
        createInvoice.setVisible(client.active() && user.maySeeClientAmounts());
        HorizontalLayout sessionsHeader = new HorizontalLayout(new H3("Sessions"), createInvoice);
        sessionsHeader.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        add(sessionsHeader, unbilled, sessionGrid);

        List<ClientHistoryRow> changes = clients.history(client.id());
        history.setItems(changes);
        history.setAllRowsVisible(changes.size() <= 10);
        history.setHeight(changes.size() <= 10 ? null : "24rem");
        Paragraph historyNote = new Paragraph(changes.isEmpty() ? "No changes to the details since the client was"
                + " added on " + profile.formatDate(profile.local(client.createdAt()).toLocalDate()) + "."
                : "Changes to the details, newest first, by the office or by the family in the portal.");
        historyNote.addClassName("subtitle");
        history.setVisible(!changes.isEmpty());
        add(new H3("History"), historyNote, history);
    }

    private static HorizontalLayout header(String text, Button action) {
        HorizontalLayout header = new HorizontalLayout(new H3(text), action);
        header.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        return header;
    }

    private HorizontalLayout studentActions(StudentRow student) {
        Button edit = new Button("Edit", e -> new StudentDialog("Edit " + student.name(), student.form(), values -> {
            clients.updateStudent(student.id(), student.version(), values);
            Ui.success("Saved");
            reload();
        }).open());
        Button toggle = new Button(student.active() ? "Deactivate" : "Reactivate", e -> {
            if (new Ui.FieldErrors().run(() -> clients.setStudentActive(student.id(), !student.active()))) {
                reload();
            }
        });
        Button remove = new Button("Delete", e -> {
            if (new Ui.FieldErrors().run(() -> clients.deleteStudent(student.id()))) {
                Ui.success(student.name() + " deleted");
                reload();
            }
        });
        remove.setVisible(student.deletable());
        for (Button b : List.of(edit, toggle, remove)) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        return new HorizontalLayout(edit, toggle, remove);
    }

    private void saveClient() {
        form.write().ifPresent(values -> {
            if (form.errors.run(() -> clients.update(client.id(), client.version(), values))) {
                Ui.success("Saved");
                reload();
            }
        });
    }

    private void setActive(boolean active) {
        if (new Ui.FieldErrors().run(() -> clients.setActive(client.id(), active))) {
            Ui.success(client.name() + (active ? " reactivated" : " deactivated"));
            reload();
        }
    }

    private void openNewEngagement() {
        List<TutorDetails> tutorChoices = user.isAdmin() ? tutors.activeTutors()
                : List.of(tutors.get(user.tutorId()));
        List<StudentRow> own = clients.students(client.id()).stream().filter(StudentRow::active).toList();
        new EngagementDialog(engagements, profile, tutorChoices,
                search -> own.stream().filter(s -> Ui.lower(s.name()).contains(Ui.lower(search))).toList(),
                subjects.list(false)).open();
    }

    private void reload() {
        client = clients.get(client.id());
        render();
    }
}
