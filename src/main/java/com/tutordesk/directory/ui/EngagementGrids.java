package com.tutordesk.directory.ui;

import com.tutordesk.engagement.EngagementRow;
import com.tutordesk.settings.BusinessProfile;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.router.RouteParameters;

/** The engagements grid of the tutor and client pages; a row opens the engagement. */
final class EngagementGrids {

    private EngagementGrids() {
    }

    static Grid<EngagementRow> create(BusinessProfile profile, boolean showTutor, boolean showClientRate) {
        Grid<EngagementRow> grid = new Grid<>();
        if (showTutor) {
            grid.addColumn(EngagementRow::tutorName).setHeader("Tutor").setKey("tutor");
        }
        grid.addColumn(EngagementRow::studentName).setHeader("Student").setKey("student");
        grid.addColumn(r -> r.clientName() == null ? "" : r.clientName()).setHeader("Client").setKey("client")
                .setVisible(showClientRate);
        grid.addColumn(EngagementRow::subjectName).setHeader("Subject").setKey("subject");
        if (showClientRate) {
            grid.addColumn(r -> r.clientRateMinor() == null ? "" : profile.formatMoney(r.clientRateMinor()) + " / h")
                    .setHeader("Client rate").setKey("clientRate").setTextAlign(ColumnTextAlign.END);
        }
        grid.addColumn(r -> profile.formatMoney(r.tutorWageMinor()) + " / h").setHeader("Tutor wage")
                .setKey("tutorWage").setTextAlign(ColumnTextAlign.END);
        grid.addColumn(r -> BusinessProfile.formatDuration(r.defaultDurationMinutes())).setHeader("Default length")
                .setKey("length");
        grid.addComponentColumn(r -> Ui.activeBadge(r.active())).setHeader("Status").setKey("status")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addItemClickListener(e -> grid.getUI().ifPresent(ui -> ui.navigate(EngagementView.class,
                new RouteParameters("id", String.valueOf(e.getItem().id())))));
        return grid;
    }
}
