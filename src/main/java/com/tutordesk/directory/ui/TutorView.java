package com.tutordesk.directory.ui;

import com.tutordesk.directory.DirectoryService;
import com.tutordesk.engagement.EngagementService;
import com.tutordesk.people.ClientService;
import com.tutordesk.people.SubjectRow;
import com.tutordesk.people.SubjectService;
import com.tutordesk.people.TutorDetails;
import com.tutordesk.people.TutorService;
import com.tutordesk.security.CurrentUser;
import com.tutordesk.security.CurrentUserService;
import com.tutordesk.security.LoginSummary;
import com.tutordesk.security.ui.TemporaryPasswordDialog;
import com.tutordesk.session.PeopleSessionsService;
import com.tutordesk.session.RelatedSession;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.NotFoundException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;

/**
 * A tutor's page: profile (admins edit, the tutor reads their own), login (invite, reset, disable),
 * engagements, recent sessions, and deactivate / reactivate / delete. Anyone else's tutor page is
 * "not found" to a tutor (the service decides).
 */
@Route("tutors/:id")
@PageTitle("Tutor · Tutordesk")
@PermitAll
class TutorView extends Main implements BeforeEnterObserver {

    static final int RECENT_SESSIONS = 20;

    final H2 title = new H2();
    final Div status = new Div();
    final Button save = new Button("Save");
    final Button deactivate = new Button("Deactivate");
    final Button reactivate = new Button("Reactivate");
    final Button delete = new Button("Delete");
    final Div login = new Div();
    final Button newEngagement = new Button("New engagement");
    Grid<com.tutordesk.engagement.EngagementRow> engagementGrid;
    Grid<RelatedSession> sessionGrid;
    TutorFormLayout form;

    private final TutorService tutors;
    private final SubjectService subjects;
    private final EngagementService engagements;
    private final ClientService clients;
    private final PeopleSessionsService sessions;
    private final DirectoryService directory;
    private final CurrentUserService currentUsers;
    private final com.tutordesk.security.UserAccountService accounts;
    private final BusinessProfile profile;
    private TutorDetails tutor;
    private CurrentUser user;

    TutorView(TutorService tutors, SubjectService subjects, EngagementService engagements, ClientService clients,
            PeopleSessionsService sessions, DirectoryService directory, CurrentUserService currentUsers,
            com.tutordesk.security.UserAccountService accounts, SettingsService settings) {
        this.accounts = accounts;
        this.tutors = tutors;
        this.subjects = subjects;
        this.engagements = engagements;
        this.clients = clients;
        this.sessions = sessions;
        this.directory = directory;
        this.currentUsers = currentUsers;
        this.profile = settings.profile();
        addClassNames("directory-view", "tutor-view");
        save.addClickListener(e -> saveProfile());
        deactivate.addClickListener(e -> openDeactivate());
        reactivate.addClickListener(e -> {
            tutors.setActive(tutor.id(), true);
            Ui.success(tutor.name() + " reactivated");
            reload();
        });
        delete.addClickListener(e -> confirmDelete());
        newEngagement.addClickListener(e -> openNewEngagement());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().get("id").flatMap(TutorView::parse)
                .orElseThrow(() -> new NotFoundException("Tutor", event.getRouteParameters().get("id").orElse("")));
        user = currentUsers.require();
        tutor = tutors.get(id);
        render();
    }

    static Optional<Long> parse(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void render() {
        removeAll();
        boolean admin = user.isAdmin();
        title.setText(tutor.name());
        status.removeAll();
        status.add(Ui.activeBadge(tutor.active()),
                Ui.badge(tutor.enhancedAccess() ? "Enhanced Access" : "No Enhanced Access", "info"));
        status.addClassName("badges");

        List<SubjectRow> choices = subjects.list(false);
        form = new TutorFormLayout(mergeTaught(choices), profile.tutorsEnhancedAccess());
        form.read(tutor, mergeTaught(choices));
        form.setReadOnlyForm(!admin);
        form.setMaxWidth("48rem");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setVisible(admin);

        add(title, status, new H3("Profile"), form);
        if (admin) {
            deactivate.setVisible(tutor.active());
            reactivate.setVisible(!tutor.active());
            delete.setVisible(tutors.deletable(tutor.id()));
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            add(new HorizontalLayout(save, deactivate, reactivate, delete));
            renderLogin();
            add(new H3("Login"), login);
        }

        engagementGrid = EngagementGrids.create(profile, false, user.maySeeClientAmounts());
        engagementGrid.setItems(engagements.ofTutor(tutor.id()));
        newEngagement.setVisible(tutor.active() && (admin || (user.enhancedAccess()
                && Long.valueOf(tutor.id()).equals(user.tutorId()))));
        HorizontalLayout engagementHeader = new HorizontalLayout(new H3("Engagements"), newEngagement);
        engagementHeader.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        add(engagementHeader, engagementGrid);

        sessionGrid = SessionGrids.create(profile, false, true, user.maySeeClientAmounts());
        List<RelatedSession> recent = sessions.recentOfTutor(tutor.id(), RECENT_SESSIONS);
        sessionGrid.setItems(recent);
        add(new H3("Recent sessions"));
        add(recent.isEmpty() ? new Paragraph("No sessions yet.") : sessionGrid);
    }

    /** Subjects to choose from: the active ones plus deactivated ones the tutor still teaches. */
    private List<SubjectRow> mergeTaught(List<SubjectRow> active) {
        Set<Long> ids = active.stream().map(SubjectRow::id).collect(Collectors.toSet());
        List<SubjectRow> all = new java.util.ArrayList<>(active);
        tutor.subjects().stream().filter(s -> !ids.contains(s.id()))
                .forEach(s -> all.add(new SubjectRow(s.id(), s.name() + " (deactivated)", false, 0, 0, 0)));
        return all;
    }

    private void saveProfile() {
        form.write().ifPresent(values -> {
            if (form.errors.run(() -> tutors.update(tutor.id(), tutor.version(), values))) {
                Ui.success("Saved");
                reload();
            }
        });
    }

    private void renderLogin() {
        login.removeAll();
        Optional<LoginSummary> existing = tutors.login(tutor.id());
        if (existing.isEmpty()) {
            EmailField email = Ui.emailField("Sign-in email", 254, "Email must be a valid address such as name@example.org");
            email.setValue(tutor.email());
            Button invite = new Button("Create login", e -> {
                new Ui.FieldErrors().add("email", email).run(() -> {
                    var temporary = tutors.invite(tutor.id(), email.getValue());
                    new TemporaryPasswordDialog(temporary).open();
                    renderLogin();
                });
            });
            invite.setEnabled(tutor.active());
            HorizontalLayout row = new HorizontalLayout(email, invite);
            row.setAlignItems(HorizontalLayout.Alignment.BASELINE);
            login.add(new Paragraph("No login yet. Creating one sets a temporary password that " + tutor.name()
                    + " must change at the first sign-in."), row);
            return;
        }
        LoginSummary account = existing.get();
        String state = !account.enabled() ? "disabled" : account.mustChangePassword()
                ? "waiting for the first sign-in with the temporary password" : "active";
        String last = account.lastLoginAt() == null ? "never signed in"
                : "last sign-in " + profile.formatDateTime(account.lastLoginAt());
        Button reset = new Button("Reset password", e -> new ConfirmDialog("Reset password?",
                "A new temporary password replaces the current one; " + tutor.name()
                        + " must change it at the next sign-in.", "Reset", confirm -> {
                    new TemporaryPasswordDialog(accounts.resetPassword(account.userId())).open();
                    renderLogin();
                }, "Cancel", cancel -> { }).open());
        login.add(new Paragraph(account.email() + " · " + state + " · " + last), reset);
    }

    private void openDeactivate() {
        List<RelatedSession> upcoming = sessions.upcomingOfTutor(tutor.id());
        if (upcoming.isEmpty()) {
            new ConfirmDialog("Deactivate " + tutor.name() + "?", tutor.name() + " has no upcoming sessions. A"
                    + " deactivated tutor cannot sign in and is offered nowhere new; the history is kept.",
                    "Deactivate", e -> {
                        directory.deactivateTutor(tutor.id(), List.of());
                        Ui.success(tutor.name() + " deactivated");
                        reload();
                    }, "Cancel", e -> { }).open();
            return;
        }
        new DeactivateTutorDialog(tutor.name(), upcoming, profile, chosen -> {
            int cancelled = directory.deactivateTutor(tutor.id(), chosen);
            Ui.success(tutor.name() + " deactivated; " + cancelled + " upcoming session"
                    + (cancelled == 1 ? "" : "s") + " cancelled");
            reload();
        }).open();
    }

    private void confirmDelete() {
        new ConfirmDialog("Delete " + tutor.name() + "?", "The tutor and their login are deleted for good. This is"
                + " possible only because they have no engagements.", "Delete", e -> {
                    if (new Ui.FieldErrors().run(() -> tutors.delete(tutor.id()))) {
                        Ui.success(tutor.name() + " deleted");
                        getUI().ifPresent(ui -> ui.navigate(TutorsView.class));
                    }
                }, "Cancel", e -> { }).open();
    }

    private void openNewEngagement() {
        new EngagementDialog(engagements, profile, List.of(tutor),
                search -> clients.pickableStudents(search, PageRequest.of(0, 50)), subjects.list(false)).open();
    }

    private void reload() {
        tutor = tutors.get(tutor.id());
        render();
    }

}
