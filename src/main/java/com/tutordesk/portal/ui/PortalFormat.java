package com.tutordesk.portal.ui;

import com.tutordesk.billing.InvoiceStatus;
import com.tutordesk.session.FamilySessionService.FamilySession;
import com.tutordesk.settings.BusinessProfile;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** How the portal writes dates, times and states: in the business zone, with the zone named. */
final class PortalFormat {

    private PortalFormat() {
    }

    /** @return e.g. "Tue, Dec 8, 2026 · 4:30 PM EST" */
    static String when(BusinessProfile business, Instant instant) {
        return business.formatDayHeading(business.local(instant).toLocalDate()) + ", "
                + business.local(instant).getYear() + " · " + business.formatTime(instant) + " "
                + business.local(instant).format(DateTimeFormatter.ofPattern("zzz", business.locale()));
    }

    /** @return e.g. "Algebra II with Ines Oliveira · Maya · 1 h 15 min" */
    static String what(FamilySession session) {
        return session.subjectName() + " with " + session.tutorName() + " · " + session.studentName() + " · "
                + BusinessProfile.formatDuration(session.durationMinutes());
    }

    static Span badge(FamilySession session) {
        Span badge = new Span(session.status().label());
        badge.addClassNames("status-badge", "status-" + session.status().name().toLowerCase(java.util.Locale.ROOT));
        return badge;
    }

    static Span badge(InvoiceStatus status) {
        Span badge = new Span(status.label());
        badge.addClassNames("status-badge", "invoice-status-" + status.name().toLowerCase(java.util.Locale.ROOT));
        return badge;
    }
}
