package com.tutordesk.session.ui;

import com.tutordesk.session.EditSessionForm;
import com.tutordesk.session.Rescheduled;
import com.tutordesk.session.SeriesChange;
import com.tutordesk.session.SeriesSummary;
import com.tutordesk.session.SessionChangedException;
import com.tutordesk.session.SessionConflict;
import com.tutordesk.session.SessionEditingService;
import com.tutordesk.session.SessionSeriesService;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Optional;

/**
 * Reschedule (issue 14): a new date and start time for a session — and, in a series, for "this and
 * following" — through the same service as Edit Session (refused when invoiced or paid, overlaps
 * warned, history recorded), with Undo in the confirmation. The keyboard and phone way of what the
 * calendar does by drag and drop.
 */
class RescheduleDialog extends Dialog {

    static final String THIS = "This session";

    final DatePicker date = new DatePicker("Date");
    final TimePicker time = new TimePicker("Start time");
    final RadioButtonGroup<String> scope = new RadioButtonGroup<>("Apply to");
    final Div conflicts = new Div();
    final Button save = new Button("Reschedule");
    /** The Undo of the last confirmation (for tests). */
    Button undo;

    private final SessionEditingService editing;
    private final SessionSeriesService series;
    private final BusinessProfile profile;
    private final long sessionId;
    private final long seenVersion;
    private final Runnable onMoved;
    private final String following;

    RescheduleDialog(SessionEditingService editing, SessionSeriesService series, BusinessProfile profile,
            long sessionId, long seenVersion, Runnable onMoved) {
        this.editing = editing;
        this.series = series;
        this.profile = profile;
        this.sessionId = sessionId;
        this.seenVersion = seenVersion;
        this.onMoved = onMoved;
        EditSessionForm form = editing.editForm(sessionId);
        Optional<SeriesSummary> summary = series.summary(sessionId);
        this.following = summary.filter(s -> s.following() > 0)
                .map(s -> "This and following sessions (" + (s.following() + 1) + ")").orElse(null);
        setHeaderTitle("Reschedule");
        addClassName("reschedule-dialog");
        setWidth("min(30rem, 100vw)");
        date.setLocale(profile.locale());
        date.setId("reschedule-date");
        date.setValue(form.date());
        time.setLocale(profile.locale());
        time.setStep(Duration.ofMinutes(5));
        time.setId("reschedule-time");
        time.setValue(form.startTime());
        scope.setId("reschedule-scope");
        if (following != null) {
            scope.setItems(THIS, following);
            scope.setValue(THIS);
        }
        scope.setVisible(following != null);
        conflicts.addClassName("log-conflicts");
        conflicts.setVisible(false);
        date.addValueChangeListener(e -> showConflicts());
        time.addValueChangeListener(e -> showConflicts());
        FormLayout fields = new FormLayout(date, time);
        add(fields, scope, conflicts);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("reschedule-save");
        save.addClickListener(e -> save());
        getFooter().add(new Button("Cancel", e -> close()), save);
    }

    private void showConflicts() {
        conflicts.removeAll();
        conflicts.setVisible(false);
        time.setInvalid(false);
        if (date.getValue() == null || time.getValue() == null) {
            return;
        }
        try {
            List<SessionConflict> overlaps = editing.rescheduleConflicts(sessionId, date.getValue(), time.getValue());
            if (!overlaps.isEmpty()) {
                conflicts.add(new Paragraph("Overlaps with (you can still move it):"));
                overlaps.forEach(c -> conflicts.add(new Paragraph(profile.formatDateTime(c.startsAt()) + "–"
                        + profile.formatTime(c.endsAt()) + ": " + c.description())));
                conflicts.setVisible(true);
            }
        } catch (RuleViolationException problem) {
            time.setErrorMessage(problem.getMessage());
            time.setInvalid(true);
        }
    }

    void save() {
        if (date.getValue() == null || time.getValue() == null) {
            date.setInvalid(date.getValue() == null);
            date.setErrorMessage("Date is required");
            time.setInvalid(time.getValue() == null);
            time.setErrorMessage("Start time is required");
            return;
        }
        try {
            if (following != null && following.equals(scope.getValue())) {
                SeriesChange change = series.rescheduleFollowing(sessionId, seenVersion, date.getValue(),
                        time.getValue());
                close();
                onMoved.run();
                undo = SessionDialogs.confirmWithUndo(SessionDialogs.describe(change, profile, "Moved"), () -> {
                    series.undo(change);
                    onMoved.run();
                });
                return;
            }
            Rescheduled moved = editing.reschedule(sessionId, seenVersion, date.getValue(), time.getValue());
            close();
            onMoved.run();
            undo = SessionDialogs.confirmWithUndo("Moved to " + describe(moved) + ".", () -> {
                editing.reschedule(sessionId, moved.version(), moved.fromDate(), moved.fromTime());
                onMoved.run();
            });
        } catch (SessionChangedException changed) {
            error(changed.getMessage());
        } catch (RuleViolationException | IllegalArgumentException | NotFoundException problem) {
            error(problem.getMessage());
        }
    }

    private String describe(Rescheduled moved) {
        return moved.toDate().getDayOfWeek().getDisplayName(TextStyle.SHORT, profile.locale()) + ", "
                + profile.formatDate(moved.toDate()) + ", " + moved.toTime().format(
                        DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(profile.locale()));
    }

    private static void error(String message) {
        Notification.show(message, 8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
