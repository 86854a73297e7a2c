package com.tutordesk.portal.ui;

import com.tutordesk.security.ClientAccessible;
import com.tutordesk.session.FamilySessionService;
import com.tutordesk.session.FamilySessionService.FamilySession;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * One of the family's sessions with its report as it was emailed (issue 18). Another family's
 * session id is "not found", like a missing one (the service refuses it).
 */
@Route(value = "portal/sessions/:sessionId(\\d{1,18})", layout = PortalLayout.class)
@RolesAllowed("CLIENT")
@ClientAccessible
class PortalSessionView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final FamilySessionService sessions;
    private final SettingsService settings;
    private String title = "Session · Tutordesk";

    PortalSessionView(FamilySessionService sessions, SettingsService settings) {
        this.sessions = sessions;
        this.settings = settings;
        addClassName("portal-session");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = Long.parseLong(event.getRouteParameters().get("sessionId").orElseThrow());
        FamilySession session = sessions.session(id);
        BusinessProfile business = settings.profile();
        removeAll();
        title = session.subjectName() + " · " + session.studentName() + " · Tutordesk";
        add(new H1(session.subjectName() + " with " + session.tutorName()),
                PortalHomeView.card(session, business));
        H2 heading = new H2("Session report");
        if (session.hasReport()) {
            Paragraph sent = new Paragraph("Sent " + business.formatDateTime(session.reportSentAt()));
            sent.addClassName("subtitle");
            Paragraph report = new Paragraph(session.report());
            report.setId("portal-report");
            report.addClassName("portal-report");
            add(heading, sent, report);
        } else {
            Paragraph none = new Paragraph("No report has been sent for this session.");
            none.setId("portal-report");
            none.addClassName("subtitle");
            add(heading, none);
        }
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
