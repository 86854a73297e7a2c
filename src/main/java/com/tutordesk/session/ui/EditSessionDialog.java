package com.tutordesk.session.ui;

import com.tutordesk.security.CurrentUser;
import com.tutordesk.session.Cancellation;
import com.tutordesk.session.EditSessionForm;
import com.tutordesk.session.EditSessionRequest;
import com.tutordesk.session.EngagementOption;
import com.tutordesk.session.FilterChoice;
import com.tutordesk.session.LoggingPreview;
import com.tutordesk.session.SessionChangedException;
import com.tutordesk.session.SessionEditingService;
import com.tutordesk.session.SessionLoggingService;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import com.tutordesk.shared.ui.TimeField;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.binder.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The Edit Session dialog: engagement (an admin may also pick another tutor), date, start time,
 * duration, location and cancelled, with the same live preview as Log Session — here the amounts
 * come from the session's own rates unless the engagement changes. Every rule is the service's;
 * a conflicting change by someone else is handed to the page ({@code onConflict}).
 */
class EditSessionDialog extends Dialog {

    final SessionFields fields;
    final ComboBox<FilterChoice> tutor;
    final ComboBox<EngagementOption> engagement;
    final DatePicker date;
    final TimeField time;
    final IntegerField duration;
    final ComboBox<String> location;
    final Checkbox cancelled;
    /** Shown when "cancelled" is ticked less than the policy's window before the start (issue 12). */
    final Div lateWindow = new Div();
    final RadioButtonGroup<Cancellation> lateChoice = new RadioButtonGroup<>();
    final Div preview;
    final Div conflicts;
    final Button save = new Button("Save changes");
    /** "This session" or "This and following", for a session of a series (hidden otherwise). */
    final com.vaadin.flow.component.radiobutton.RadioButtonGroup<String> scope =
            new com.vaadin.flow.component.radiobutton.RadioButtonGroup<>("Apply to");
    private com.tutordesk.session.SessionSeriesService series;
    private String following;
    private Consumer<com.tutordesk.session.SeriesChange> onSeriesSaved;
    final Button close = new Button("Cancel");

    private final SessionEditingService editing;
    private final SessionLoggingService logging;
    private final BusinessProfile profile;
    private final EditSessionForm original;
    private final Runnable onSaved;
    private final Consumer<String> onConflict;

    EditSessionDialog(SessionEditingService editing, SessionLoggingService logging, BusinessProfile profile,
            CurrentUser user, EditSessionForm original, Runnable onSaved, Consumer<String> onConflict) {
        this.editing = editing;
        this.logging = logging;
        this.profile = profile;
        this.original = original;
        this.onSaved = onSaved;
        this.onConflict = onConflict;
        setHeaderTitle("Edit Session");
        addClassName("edit-session-dialog");
        setWidth("min(46rem, 100vw)");
        setCloseOnOutsideClick(false);

        fields = new SessionFields(profile, "edit", "Cancelled (in time: nothing charged or paid)");
        tutor = fields.tutor;
        engagement = fields.engagement;
        date = fields.date;
        time = fields.time;
        duration = fields.duration;
        location = fields.location;
        cancelled = fields.cancelled;
        preview = fields.preview;
        conflicts = fields.conflicts;
        List<FilterChoice> tutors = new ArrayList<>(logging.tutorsForLogging());
        if (tutors.stream().noneMatch(t -> t.id() == original.tutor().id())) {
            tutors.add(original.tutor());
        }
        tutor.setItems(tutors);
        tutor.setReadOnly(user.isTutor());
        if (original.lateCancelled()) {
            cancelled.setEnabled(false);
            cancelled.setTooltipText("This session is a late cancellation: undo that first (Edit Session menu)");
        }
        var policy = profile.lateCancellation();
        lateChoice.setItems(Cancellation.LATE, Cancellation.FEE_WAIVED);
        lateChoice.setItemLabelGenerator(choice -> choice == Cancellation.LATE
                ? "Late Cancellation: client charged " + policy.clientChargePercent() + " %, tutor paid "
                        + policy.tutorPayPercent() + " %"
                : "Waive the fee: nothing charged or paid");
        lateChoice.setValue(Cancellation.LATE);
        lateChoice.setId("edit-late-choice");
        lateChoice.addValueChangeListener(e -> refresh());
        Paragraph lateText = new Paragraph("This session starts less than " + policy.windowHours() + " hours from now"
                + " (or has started): by the business's policy, cancelling it now is a late cancellation.");
        lateWindow.add(lateText, lateChoice);
        lateWindow.addClassName("edit-late-window");
        lateWindow.setId("edit-late-window");
        lateWindow.setVisible(false);
        FormLayout form = new FormLayout(tutor, engagement, date, time, duration, location, cancelled, lateWindow);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32rem", 2));
        form.setColspan(engagement, 2);
        form.setColspan(lateWindow, 2);
        add(form);
        if (original.billingLock() != null) {
            // Issue 12: only what changes money is locked on an invoiced or paid session.
            List.<com.vaadin.flow.component.HasValue<?, ?>>of(tutor, engagement, date, time, duration, cancelled)
                    .forEach(field -> field.setReadOnly(true));
            Paragraph locked = new Paragraph("Only the location can change here: " + original.billingLock() + ".");
            locked.addClassName("edit-billing-lock");
            locked.setId("edit-billing-lock");
            add(locked);
        }
        if (original.lateCancelled()) {
            Paragraph late = new Paragraph("This session is a late cancellation: its amounts follow the"
                    + " late-cancellation policy.");
            late.addClassName("edit-late-note");
            add(late);
        }
        scope.setId("edit-scope");
        scope.setVisible(false);
        add(scope, preview, conflicts);

        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setDisableOnClick(true);
        save.setId("edit-save");
        save.addClickListener(e -> save());
        close.addClickListener(e -> close());
        getFooter().add(close, save);

        tutor.setValue(original.tutor());
        fillEngagements(original.tutor());
        engagement.getListDataView().getItems().filter(o -> o.id() == original.engagement().id()).findFirst()
                .ifPresent(engagement::setValue);
        date.setValue(original.date());
        time.setValue(original.startTime());
        duration.setValue(original.durationMinutes());
        location.setItems(logging.recentLocations(original.engagement().id()));
        location.setValue(original.location());
        cancelled.setValue(original.cancelled());

        tutor.addValueChangeListener(e -> {
            if (e.isFromClient() || e.getValue() != null) {
                fillEngagements(e.getValue());
                engagement.clear();
                refresh();
            }
        });
        engagement.addValueChangeListener(e -> refresh());
        date.addValueChangeListener(e -> refresh());
        time.addValueChangeListener(e -> refresh());
        duration.addValueChangeListener(e -> refresh());
        cancelled.addValueChangeListener(e -> refresh());
        refresh();
    }

    /** The chosen tutor's active engagements, plus the session's own (which may be inactive by now). */
    private void fillEngagements(FilterChoice chosen) {
        List<EngagementOption> options = new ArrayList<>(chosen == null ? List.of()
                : logging.engagementsForLogging(chosen.id()));
        if (chosen != null && chosen.id() == original.tutor().id()
                && options.stream().noneMatch(o -> o.id() == original.engagement().id())) {
            options.add(original.engagement());
        }
        engagement.setItems(options);
    }

    private EditSessionRequest request() {
        Cancellation cancellation = !cancelled.getValue() ? Cancellation.NONE
                : lateWindow.isVisible() ? lateChoice.getValue() : Cancellation.IN_TIME;
        return new EditSessionRequest(original.sessionId(), original.version(),
                fields.engagementId(), date.getValue(), time.getValue(), duration.getValue(), location.getValue(),
                cancellation);
    }

    /** Recomputes the preview and conflicts. */
    void refresh() {
        fields.clearPreview();
        if (!fields.readyForPreview()) {
            fields.previewNeedsInput();
            lateWindow.setVisible(false);
            return;
        }
        try {
            LoggingPreview answer = editing.preview(request());
            // Cancelling a session that was not cancelled, inside the window: the policy or an explicit waiver.
            boolean late = cancelled.getValue() && !original.cancelled() && !original.lateCancelled()
                    && answer.insideLateWindow();
            if (late != lateWindow.isVisible()) {
                lateWindow.setVisible(late);
                answer = editing.preview(request());
            }
            fields.showPreview(answer,
                    shown -> shown.status().label().toLowerCase(java.util.Locale.ROOT),
                    "Overlaps with (you can still save it):");
        } catch (RuleViolationException gap) {
            fields.showTimeProblem(gap.getMessage());
        } catch (IllegalArgumentException | NotFoundException problem) {
            preview.add(new Span(problem.getMessage()));
        }
    }

    /** @return whether the chosen start falls into a DST gap (the service's message then belongs to the time) */
    private boolean startTimeDoesNotExist() {
        return date.getValue() != null && time.getValue() != null && profile.zone().getRules()
                .getValidOffsets(java.time.LocalDateTime.of(date.getValue(), time.getValue())).isEmpty();
    }

    /**
     * For a session of a series: offers "This session" or "This and following sessions (N)"; the
     * latter saves through the series service (invoiced or paid sessions skipped and listed).
     */
    void offerSeries(com.tutordesk.session.SessionSeriesService seriesService,
            com.tutordesk.session.SeriesSummary summary, Consumer<com.tutordesk.session.SeriesChange> onSaved) {
        if (summary.following() == 0) {
            return;
        }
        this.series = seriesService;
        this.onSeriesSaved = onSaved;
        this.following = "This and following sessions (" + (summary.following() + 1) + ")";
        scope.setItems(RescheduleDialog.THIS, following);
        scope.setValue(RescheduleDialog.THIS);
        scope.setVisible(true);
    }

    void save() {
        try {
            fields.validate();
            if (following != null && following.equals(scope.getValue())) {
                com.tutordesk.session.SeriesChange change = series.editFollowing(request());
                close();
                onSeriesSaved.accept(change);
                return;
            }
            editing.edit(request());
            close();
            onSaved.run();
        } catch (ValidationException invalid) {
            // Each field shows its own message.
        } catch (SessionChangedException changed) {
            close();
            onConflict.accept(changed.getMessage());
        } catch (RuleViolationException | IllegalArgumentException | NotFoundException problem) {
            if (problem instanceof RuleViolationException && startTimeDoesNotExist()) {
                fields.showTimeProblem(problem.getMessage());
            } else {
                fields.showProblem(problem.getMessage());
            }
        } finally {
            save.setEnabled(true);
        }
    }
}
