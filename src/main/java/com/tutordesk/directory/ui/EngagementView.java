package com.tutordesk.directory.ui;

import com.tutordesk.directory.DirectoryService;
import com.tutordesk.engagement.Engagement;
import com.tutordesk.engagement.EngagementChange;
import com.tutordesk.engagement.EngagementDetails;
import com.tutordesk.engagement.EngagementRow;
import com.tutordesk.engagement.EngagementService;
import com.tutordesk.engagement.RateChange;
import com.tutordesk.security.CurrentUser;
import com.tutordesk.security.CurrentUserService;
import com.tutordesk.session.PeopleSessionsService;
import com.tutordesk.session.RelatedSession;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.NotFoundException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.math.BigDecimal;
import java.util.List;

/**
 * An engagement's page: who, what, the rates (client rate hidden from tutors without Enhanced
 * Access), the rate history, recent sessions, and for those who may change it: rates and default
 * length (asking whether to apply new rates to the N unbilled sessions), deactivate, delete.
 */
@Route("engagements/:id")
@PageTitle("Engagement · Tutordesk")
@PermitAll
class EngagementView extends Main implements BeforeEnterObserver {

    static final class Bean {
        BigDecimal clientRate;
        BigDecimal tutorWage;
        Integer duration;
    }

    final H2 title = new H2();
    final BigDecimalField clientRate = new BigDecimalField("Client rate");
    final BigDecimalField tutorWage = new BigDecimalField("Tutor wage");
    final IntegerField duration = new IntegerField("Default length (minutes)");
    final Button save = new Button("Save");
    final Button deactivate = new Button("Deactivate");
    final Button reactivate = new Button("Reactivate");
    final Button delete = new Button("Delete");
    Grid<RateChange> historyGrid;
    ConfirmDialog applyDialog;
    private final Binder<Bean> binder = new Binder<>();
    private final Ui.FieldErrors errors = new Ui.FieldErrors();
    private final EngagementService engagements;
    private final PeopleSessionsService sessions;
    private final DirectoryService directory;
    private final CurrentUserService currentUsers;
    private final BusinessProfile profile;
    private EngagementDetails details;
    private CurrentUser user;
    private final org.springframework.beans.factory.ObjectProvider<com.tutordesk.directory.EngagementPageSection> sections;

    EngagementView(EngagementService engagements, PeopleSessionsService sessions, DirectoryService directory,
            CurrentUserService currentUsers, SettingsService settings,
            org.springframework.beans.factory.ObjectProvider<com.tutordesk.directory.EngagementPageSection> sections) {
        this.sections = sections;
        this.engagements = engagements;
        this.sessions = sessions;
        this.directory = directory;
        this.currentUsers = currentUsers;
        this.profile = settings.profile();
        addClassNames("directory-view", "engagement-view");
        Ui.bindRate(binder, clientRate, profile, Engagement.MAX_RATE_MINOR, b -> b.clientRate, (b, v) -> b.clientRate = v);
        Ui.bindRate(binder, tutorWage, profile, Engagement.MAX_RATE_MINOR, b -> b.tutorWage, (b, v) -> b.tutorWage = v);
        binder.forField(duration).asRequired("Default length is required")
                .withValidator(v -> v >= Engagement.MIN_DURATION_MINUTES && v <= Engagement.MAX_DURATION_MINUTES,
                        "Default length must be " + Engagement.MIN_DURATION_MINUTES + "–"
                                + Engagement.MAX_DURATION_MINUTES + " minutes")
                .bind(b -> b.duration, (b, v) -> b.duration = v);
        errors.add("clientRate", clientRate).add("tutorWage", tutorWage).add("duration", duration);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        deactivate.addClickListener(e -> setActive(false));
        reactivate.addClickListener(e -> setActive(true));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.addClickListener(e -> new ConfirmDialog("Delete this engagement?", "No session was logged on it, so it"
                + " can be deleted for good.", "Delete", confirm -> {
                    if (errors.run(() -> engagements.delete(details.row().id()))) {
                        Ui.success("Engagement deleted");
                        getUI().ifPresent(ui -> ui.navigate(""));
                    }
                }, "Cancel", cancel -> { }).open());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String raw = event.getRouteParameters().get("id").orElse("");
        long id = TutorView.parse(raw).orElseThrow(() -> new NotFoundException("Engagement", raw));
        user = currentUsers.require();
        details = engagements.get(id);
        render();
    }

    private void render() {
        removeAll();
        EngagementRow row = details.row();
        title.setText(row.studentName() + " — " + row.subjectName());
        Div facts = new Div();
        facts.addClassName("facts");
        facts.add(new Paragraph(new com.vaadin.flow.component.html.Span("Tutor: "),
                user.isAdmin() ? new Anchor("tutors/" + row.tutorId(), row.tutorName())
                        : new com.vaadin.flow.component.html.Span(row.tutorName())));
        if (row.clientName() != null) {
            facts.add(new Paragraph(new com.vaadin.flow.component.html.Span("Client: "),
                    details.mayEdit() || user.isAdmin() ? new Anchor("clients/" + row.clientId(), row.clientName())
                            : new com.vaadin.flow.component.html.Span(row.clientName())));
        }
        facts.add(new Paragraph("Sessions logged: " + details.sessionCount()));
        add(title, Ui.activeBadge(row.active()), facts);

        Bean bean = new Bean();
        bean.clientRate = row.clientRateMinor() == null ? null : Ui.major(row.clientRateMinor(), profile);
        bean.tutorWage = Ui.major(row.tutorWageMinor(), profile);
        bean.duration = row.defaultDurationMinutes();
        binder.readBean(bean);
        clientRate.setVisible(row.clientRateMinor() != null);
        binder.setReadOnly(!details.mayEdit());
        tutorWage.setReadOnly(!details.mayEditWage());
        if (details.mayEdit() && !details.mayEditWage()) {
            tutorWage.setHelperText("Only the office changes the tutor wage after creation");
        }
        FormLayout form = new FormLayout(clientRate, tutorWage, duration);
        form.setMaxWidth("48rem");
        add(new H3("Rates"), form);
        if (details.mayEdit()) {
            deactivate.setVisible(row.active());
            reactivate.setVisible(!row.active());
            delete.setVisible(details.mayDelete());
            add(new HorizontalLayout(save, deactivate, reactivate, delete));
        }

        historyGrid = new Grid<>();
        historyGrid.addColumn(c -> profile.formatDateTime(c.changedAt())).setHeader("When").setKey("when")
                .setAutoWidth(true);
        historyGrid.addColumn(RateChange::changedBy).setHeader("Who").setKey("who");
        if (user.maySeeClientAmounts()) {
            historyGrid.addColumn(c -> change(c.oldClientRateMinor(), c.newClientRateMinor())).setHeader("Client rate")
                    .setKey("clientRate");
        }
        historyGrid.addColumn(c -> change(c.oldTutorWageMinor(), c.newTutorWageMinor())).setHeader("Tutor wage")
                .setKey("tutorWage");
        historyGrid.addColumn(c -> c.isCreation() ? "Created" : c.appliedToSessions() == 0 ? "New sessions only"
                : "Also applied to " + sessionCount(c.appliedToSessions(), null))
                .setHeader("Applied").setKey("applied");
        historyGrid.setItems(engagements.history(row.id()));
        historyGrid.setAllRowsVisible(true);
        add(new H3("Rate history"), historyGrid);
        sections.orderedStream().forEach(section -> add(section.create(row.id(), this::render)));

        Grid<RelatedSession> sessionGrid = SessionGrids.create(profile, false, false, user.maySeeClientAmounts());
        List<RelatedSession> recent = sessions.ofEngagement(row.id(), 20);
        sessionGrid.setItems(recent);
        add(new H3("Latest sessions"), recent.isEmpty() ? new Paragraph("No sessions yet.") : sessionGrid);
    }

    private String change(Long from, Long to) {
        if (to == null) {
            return "";
        }
        return from == null ? profile.formatMoney(to) : from.equals(to) ? profile.formatMoney(to)
                : profile.formatMoney(from) + " → " + profile.formatMoney(to);
    }

    void save() {
        Bean bean = new Bean();
        try {
            binder.writeBean(bean);
        } catch (ValidationException e) {
            return;
        }
        EngagementRow row = details.row();
        long rate = bean.clientRate == null ? row.clientRateMinor() : Ui.minor(bean.clientRate, profile);
        long wage = Ui.minor(bean.tutorWage, profile);
        EngagementChange change = new EngagementChange(rate, wage, bean.duration);
        boolean ratesChanged = rate != row.clientRateMinor() || wage != row.tutorWageMinor();
        PeopleSessionsService.RepriceableSessions open = ratesChanged ? sessions.repriceableOfEngagement(row.id())
                : new PeopleSessionsService.RepriceableSessions(0, 0);
        long count = open.total();
        if (count == 0) {
            apply(change, false);
            return;
        }
        applyDialog = new ConfirmDialog();
        applyDialog.setHeader("Apply the new rates to unbilled and upcoming sessions?");
        applyDialog.setText("This engagement has " + sessionCount(open.unbilled(), "unbilled") + " and "
                + sessionCount(open.upcoming(), "upcoming") + ". Apply the new rates to " + (count == 1 ? "it" : "them")
                + " too? Invoiced, paid and not-billable sessions (cancelled in time) never change.");
        applyDialog.setConfirmText("Apply to " + sessionCount(count, null));
        applyDialog.addConfirmListener(e -> apply(change, true));
        applyDialog.setRejectable(true);
        applyDialog.setRejectText("Only new sessions");
        applyDialog.addRejectListener(e -> apply(change, false));
        applyDialog.setCancelable(true);
        applyDialog.open();
    }

    void apply(EngagementChange change, boolean toUnbilled) {
        int[] repriced = new int[1];
        if (errors.run(() -> repriced[0] = directory.changeEngagement(details.row().id(), details.row().version(),
                change, toUnbilled))) {
            Ui.success(toUnbilled ? "Saved; " + sessionCount(repriced[0], null) + " re-priced" : "Saved");
            details = engagements.get(details.row().id());
            render();
        }
    }

    /** @return e.g. "1 unbilled session", "3 sessions" */
    private static String sessionCount(long count, String kind) {
        return count + (kind == null ? "" : " " + kind) + (count == 1 ? " session" : " sessions");
    }

    private void setActive(boolean active) {
        if (errors.run(() -> engagements.setActive(details.row().id(), active))) {
            Ui.success(active ? "Engagement reactivated" : "Engagement deactivated");
            details = engagements.get(details.row().id());
            render();
        }
    }
}
