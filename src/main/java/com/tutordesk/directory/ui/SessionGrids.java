package com.tutordesk.directory.ui;

import com.tutordesk.session.RelatedSession;
import com.tutordesk.settings.BusinessProfile;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;

/** The sessions grid of the tutor, client and engagement pages, in the business zone and currency. */
final class SessionGrids {

    private SessionGrids() {
    }

    static Grid<RelatedSession> create(BusinessProfile profile, boolean showTutor, boolean showClient,
            boolean showClientAmounts) {
        Grid<RelatedSession> grid = new Grid<>();
        grid.addColumn(r -> profile.formatDate(profile.local(r.startsAt()).toLocalDate())).setHeader("Date")
                .setKey("date").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> profile.formatTime(r.startsAt())).setHeader("Time").setKey("time").setAutoWidth(true)
                .setFlexGrow(0);
        if (showTutor) {
            grid.addColumn(RelatedSession::tutorName).setHeader("Tutor").setKey("tutor");
        }
        grid.addColumn(RelatedSession::studentName).setHeader("Student").setKey("student");
        if (showClient) {
            grid.addColumn(RelatedSession::clientName).setHeader("Client").setKey("client");
        }
        grid.addColumn(RelatedSession::subjectName).setHeader("Subject").setKey("subject");
        grid.addColumn(r -> BusinessProfile.formatDuration(r.durationMinutes())).setHeader("Length")
                .setKey("length").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(r -> {
            Span badge = new Span(r.status().label());
            badge.addClassNames("status-badge", "status-" + r.status().name().toLowerCase(java.util.Locale.ROOT));
            return badge;
        }).setHeader("Status").setKey("status").setAutoWidth(true).setFlexGrow(0);
        if (showClientAmounts) {
            grid.addColumn(r -> r.clientAmountMinor() == null ? "" : profile.formatMoney(r.clientAmountMinor()))
                    .setHeader("Client amount").setKey("clientAmount").setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END)
                    .setAutoWidth(true);
        }
        grid.addColumn(r -> profile.formatMoney(r.tutorEarningsMinor())).setHeader("Tutor earnings")
                .setKey("earnings").setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(r -> r.billingState().label()).setHeader("Billing").setKey("billing").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        return grid;
    }
}
