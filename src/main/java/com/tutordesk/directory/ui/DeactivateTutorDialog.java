package com.tutordesk.directory.ui;

import com.tutordesk.session.RelatedSession;
import com.tutordesk.settings.BusinessProfile;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
import java.util.function.Consumer;

/**
 * Deactivating a tutor with upcoming sessions: lists them (all chosen for cancelling) and asks
 * what to do: cancel the chosen ones, or keep them all (issue 6).
 */
class DeactivateTutorDialog extends Dialog {

    final Grid<RelatedSession> upcoming = new Grid<>();
    final Button cancelChosen = new Button();
    final Button keepAll = new Button("Deactivate, keep all sessions");

    DeactivateTutorDialog(String tutorName, List<RelatedSession> sessions, BusinessProfile profile,
            Consumer<List<Long>> deactivate) {
        setHeaderTitle("Deactivate " + tutorName + "?");
        upcoming.setSelectionMode(Grid.SelectionMode.MULTI);
        upcoming.addColumn(r -> profile.formatDateTime(r.startsAt())).setHeader("Starts").setAutoWidth(true);
        upcoming.addColumn(RelatedSession::studentName).setHeader("Student");
        upcoming.addColumn(RelatedSession::subjectName).setHeader("Subject");
        upcoming.addColumn(r -> BusinessProfile.formatDuration(r.durationMinutes())).setHeader("Length");
        upcoming.setItems(sessions);
        upcoming.asMultiSelect().select(sessions);
        upcoming.setAllRowsVisible(sessions.size() <= 10);
        upcoming.addSelectionListener(e -> label());
        label();
        cancelChosen.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        cancelChosen.addClickListener(e -> {
            close();
            deactivate.accept(upcoming.getSelectedItems().stream().map(RelatedSession::id).toList());
        });
        keepAll.addClickListener(e -> {
            close();
            deactivate.accept(List.of());
        });
        add(new Paragraph(tutorName + " has " + sessions.size() + " upcoming session" + (sessions.size() == 1 ? "" : "s")
                + ". Cancelled sessions are free for the client and unpaid for the tutor; kept sessions stay"
                + " scheduled for someone to take over. A deactivated tutor cannot sign in."), upcoming);
        getFooter().add(new Button("Cancel", e -> close()), keepAll, cancelChosen);
        setWidth("52rem");
    }

    private void label() {
        int chosen = upcoming.getSelectedItems().size();
        cancelChosen.setText("Deactivate and cancel " + chosen + " chosen");
        cancelChosen.setEnabled(chosen > 0);
    }
}
