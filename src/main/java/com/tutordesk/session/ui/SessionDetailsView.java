package com.tutordesk.session.ui;

import com.tutordesk.session.SessionDetails;
import com.tutordesk.session.SessionService;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;

/**
 * One session, read-only: every field its viewer may see. A session of another tutor, or one that
 * does not exist, shows the not-found page (the service throws NotFoundException for both).
 */
@Route("sessions/:sessionId(\\d{1,18})")
@PermitAll
class SessionDetailsView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final SessionService sessions;
    private final BusinessProfile profile;
    private String title = "Session · Tutordesk";

    SessionDetailsView(SessionService sessions, SettingsService settings) {
        this.sessions = sessions;
        this.profile = settings.profile();
        addClassName("session-details-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("sessionId").orElseThrow();
        SessionDetails session = sessions.details(id);
        removeAll();
        title = session.studentName() + " · " + profile.formatDate(profile.local(session.startsAt()).toLocalDate());
        ZoneId zone = profile.zone();
        Div fields = new Div();
        fields.addClassName("details-grid");
        field(fields, "Date", profile.formatDate(session.startsAt().atZone(zone).toLocalDate()));
        field(fields, "Time", profile.formatTime(session.startsAt()) + " – " + profile.formatTime(session.endsAt())
                + " (" + zone.getId() + ")");
        field(fields, "Duration", BusinessProfile.formatDuration(session.durationMinutes()));
        field(fields, "Status", session.status().label());
        field(fields, "Tutor", session.tutorName());
        field(fields, "Student", session.studentName());
        field(fields, "Client", session.clientName());
        field(fields, "Subject", session.subjectName());
        field(fields, "Location", session.location() == null ? "—" : session.location());
        field(fields, "Billing", session.billing().label());
        if (session.clientRateMinor() != null) {
            field(fields, "Client rate", profile.formatMoney(session.clientRateMinor()) + " per hour");
            field(fields, "Client amount", profile.formatMoney(session.clientAmountMinor()));
        }
        field(fields, "Tutor wage", profile.formatMoney(session.tutorWageMinor()) + " per hour");
        field(fields, "Tutor earnings", profile.formatMoney(session.tutorEarningsMinor()));
        field(fields, "Rating", session.rating() == null ? "Not rated" : session.rating() + " of 5");
        field(fields, "Report", session.reportState().label());

        Div report = textBlock("Session report", session.report());
        Div note = textBlock("Internal note — never sent to the client", session.internalNote());
        note.addClassName("internal-note");
        add(new Anchor("sessions", "← Sessions"), new H2(title), fields, report, note);
    }

    private static void field(Div grid, String label, String value) {
        Span name = new Span(label);
        name.addClassName("details-label");
        Span text = new Span(value);
        text.addClassName("details-value");
        grid.add(name, text);
    }

    /** Free text shown as text (never as HTML), keeping its line breaks. */
    private static Div textBlock(String label, String text) {
        Span heading = new Span(label);
        heading.addClassName("details-label");
        Div body = new Div();
        body.setText(text == null || text.isBlank() ? "—" : text);
        body.addClassName("details-text");
        return new Div(heading, body);
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
