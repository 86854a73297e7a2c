package com.tutordesk.session.ui;

import com.tutordesk.session.AgendaEntry;
import com.tutordesk.session.HomePageSection;
import org.springframework.beans.factory.ObjectProvider;
import com.tutordesk.security.CurrentUserService;
import com.tutordesk.session.SessionLoggingService;
import com.tutordesk.session.SessionService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Home page: the sections other modules add through {@link HomePageSection} (the dashboard's figures,
 * charts and to-do list, issue 19), then the signed-in person's sessions for today and the next seven
 * days (an admin sees all, a tutor their own), with times in the business time zone and locale.
 */
@Route("")
@PageTitle("Home · Tutordesk")
@Menu(title = "Home", order = 0, icon = "vaadin:home")
@PermitAll
class HomeView extends Main {

    final Grid<AgendaEntry> agenda = new Grid<>();
    final Paragraph empty = new Paragraph("No sessions today or in the next 7 days.");

    final Button logSession = new Button("Log Session", VaadinIcon.PLUS.create());

    HomeView(SessionService sessions, SessionLoggingService logging, SettingsService settings,
            CurrentUserService currentUsers, Clock clock, ObjectProvider<HomePageSection> sections) {
        addClassName("home-view");
        BusinessProfile profile = settings.profile();
        LocalDate today = profile.today(clock);

        H2 title = new H2("Today and the next 7 days");
        logSession.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        logSession.setId("log-session");
        agenda.setId("home-agenda");
        logSession.addClickListener(click -> new LogSessionDialog(logging, profile, currentUsers.require(), clock,
                ids -> {
                    Notifications.logged(ids);
                    List<AgendaEntry> refreshed = sessions.agenda();
                    agenda.setItems(refreshed);
                    agenda.setVisible(!refreshed.isEmpty());
                    empty.setVisible(refreshed.isEmpty());
                }).open());
        HorizontalLayout header = new HorizontalLayout(title, logSession);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.expand(title);
        header.addClassName("view-header");
        Paragraph range = new Paragraph(profile.formatDate(today) + " – "
                + profile.formatDate(today.plusDays(SessionService.AGENDA_FOLLOWING_DAYS))
                + " · times in " + profile.zone().getId());
        range.addClassName("subtitle");

        List<AgendaEntry> entries = sessions.agenda();
        agenda.addColumn(e -> profile.formatDayHeading(profile.local(e.startsAt()).toLocalDate()))
                .setHeader("Date").setKey("date").setAutoWidth(true).setFlexGrow(0);
        agenda.addColumn(e -> profile.formatTime(e.startsAt()) + " – " + profile.formatTime(e.endsAt()))
                .setHeader("Time").setKey("time").setAutoWidth(true).setFlexGrow(0);
        agenda.addColumn(AgendaEntry::studentName).setHeader("Student").setKey("student");
        agenda.addColumn(AgendaEntry::clientName).setHeader("Client").setKey("client");
        agenda.addColumn(AgendaEntry::subjectName).setHeader("Subject").setKey("subject");
        if (currentUsers.require().isAdmin()) {
            agenda.addColumn(AgendaEntry::tutorName).setHeader("Tutor").setKey("tutor");
        }
        agenda.addColumn(e -> e.location() == null ? "" : e.location()).setHeader("Location").setKey("location");
        agenda.addColumn(StatusBadges.renderer(AgendaEntry::status)).setHeader("Status").setKey("status")
                .setAutoWidth(true).setFlexGrow(0);
        agenda.setItems(entries);
        agenda.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        agenda.setPartNameGenerator(e -> profile.local(e.startsAt()).toLocalDate().equals(today) ? "today" : null);
        agenda.setVisible(!entries.isEmpty());
        empty.setVisible(entries.isEmpty());

        agenda.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("sessions/" + e.getItem().id())));
        sections.orderedStream().map(HomePageSection::create).filter(java.util.Objects::nonNull)
                .forEach(this::add);
        add(header, range, empty, agenda);
    }
}
