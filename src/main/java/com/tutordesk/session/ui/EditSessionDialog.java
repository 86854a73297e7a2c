package com.tutordesk.session.ui;

import com.tutordesk.security.CurrentUser;
import com.tutordesk.session.EditSessionForm;
import com.tutordesk.session.EditSessionRequest;
import com.tutordesk.session.EngagementOption;
import com.tutordesk.session.FilterChoice;
import com.tutordesk.session.LogSessionRequest;
import com.tutordesk.session.LoggingPreview;
import com.tutordesk.session.SessionChangedException;
import com.tutordesk.session.SessionConflict;
import com.tutordesk.session.SessionEditingService;
import com.tutordesk.session.SessionLoggingService;
import com.tutordesk.session.TutoringSession;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
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
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
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

    /** Form state bound by the binder. */
    static final class Form {
        FilterChoice tutor;
        EngagementOption engagement;
        LocalDate date;
        LocalTime time;
        Integer duration;
        String location;
        boolean cancelled;
    }

    final ComboBox<FilterChoice> tutor = new ComboBox<>("Tutor");
    final ComboBox<EngagementOption> engagement = new ComboBox<>("Engagement");
    final DatePicker date = new DatePicker("Date");
    final TimePicker time = new TimePicker("Start time");
    final IntegerField duration = new IntegerField("Duration (minutes)");
    final ComboBox<String> location = new ComboBox<>("Location");
    final Checkbox cancelled = new Checkbox("Cancelled (in time: nothing charged or paid)");
    final Div preview = new Div();
    final Div conflicts = new Div();
    final Button save = new Button("Save changes");
    final Button close = new Button("Cancel");

    private final SessionEditingService editing;
    private final SessionLoggingService logging;
    private final BusinessProfile profile;
    private final EditSessionForm original;
    private final Runnable onSaved;
    private final Consumer<String> onConflict;
    private final Binder<Form> binder = new Binder<>();

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

        List<FilterChoice> tutors = new ArrayList<>(logging.tutorsForLogging());
        if (tutors.stream().noneMatch(t -> t.id() == original.tutor().id())) {
            tutors.add(original.tutor());
        }
        tutor.setItems(tutors);
        tutor.setItemLabelGenerator(FilterChoice::name);
        tutor.setId("edit-tutor");
        tutor.setReadOnly(user.isTutor());
        engagement.setItemLabelGenerator(EngagementOption::label);
        engagement.setId("edit-engagement");
        engagement.setWidthFull();
        date.setLocale(profile.locale());
        date.setId("edit-date");
        time.setLocale(profile.locale());
        time.setStep(Duration.ofMinutes(5));
        time.setId("edit-time");
        time.setHelperText(profile.uses12HourClock() ? "12:00 AM is midnight, 12:00 PM is noon" : null);
        duration.setMin(LogSessionRequest.MIN_MINUTES);
        duration.setMax(LogSessionRequest.MAX_MINUTES);
        duration.setStepButtonsVisible(true);
        duration.setId("edit-duration");
        location.setAllowCustomValue(true);
        location.addCustomValueSetListener(e -> location.setValue(e.getDetail()));
        location.setHelperText("Optional");
        location.setId("edit-location");
        cancelled.setId("edit-cancelled");
        if (original.lateCancelled()) {
            cancelled.setEnabled(false);
            cancelled.setTooltipText("This session is a late cancellation: undo that first (Edit Session menu)");
        }
        bindFields();

        preview.addClassName("log-preview");
        conflicts.addClassName("log-conflicts");
        conflicts.setVisible(false);
        FormLayout form = new FormLayout(tutor, engagement, date, time, duration, location, cancelled);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32rem", 2));
        form.setColspan(engagement, 2);
        add(form);
        if (original.lateCancelled()) {
            Paragraph late = new Paragraph("This session is a late cancellation: its amounts follow the"
                    + " late-cancellation policy.");
            late.addClassName("edit-late-note");
            add(late);
        }
        add(preview, conflicts);

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

    private void bindFields() {
        binder.forField(tutor).asRequired("Choose a tutor").bind(f -> f.tutor, (f, v) -> f.tutor = v);
        binder.forField(engagement).asRequired("Choose an engagement")
                .bind(f -> f.engagement, (f, v) -> f.engagement = v);
        binder.forField(date).asRequired("Date is required").bind(f -> f.date, (f, v) -> f.date = v);
        binder.forField(time).asRequired("Start time is required").bind(f -> f.time, (f, v) -> f.time = v);
        binder.forField(duration).asRequired("Duration is required")
                .withValidator(v -> v >= LogSessionRequest.MIN_MINUTES && v <= LogSessionRequest.MAX_MINUTES,
                        "Duration must be between " + LogSessionRequest.MIN_MINUTES + " and "
                                + LogSessionRequest.MAX_MINUTES + " minutes")
                .bind(f -> f.duration, (f, v) -> f.duration = v);
        binder.forField(location)
                .withValidator(v -> v == null || v.strip().length() <= TutoringSession.LOCATION_MAX_LENGTH,
                        "Location must be at most " + TutoringSession.LOCATION_MAX_LENGTH + " characters")
                .bind(f -> f.location, (f, v) -> f.location = v);
        binder.forField(cancelled).bind(f -> f.cancelled, (f, v) -> f.cancelled = v);
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
        return new EditSessionRequest(original.sessionId(), original.version(),
                engagement.getValue() == null ? null : engagement.getValue().id(), date.getValue(), time.getValue(),
                duration.getValue(), location.getValue(), cancelled.getValue());
    }

    /** Recomputes the preview and conflicts. */
    void refresh() {
        time.setInvalid(false);
        preview.removeAll();
        conflicts.removeAll();
        conflicts.setVisible(false);
        EditSessionRequest request = request();
        boolean complete = request.engagementId() != null && request.date() != null && request.startTime() != null
                && request.durationMinutes() != null && request.durationMinutes() >= LogSessionRequest.MIN_MINUTES
                && request.durationMinutes() <= LogSessionRequest.MAX_MINUTES;
        if (!complete) {
            preview.add(new Span("Choose an engagement, date, start time and duration to see what will be recorded."));
            return;
        }
        try {
            showPreview(editing.preview(request));
        } catch (RuleViolationException gap) {
            time.setInvalid(true);
            time.setErrorMessage(gap.getMessage());
        } catch (IllegalArgumentException | NotFoundException problem) {
            preview.add(new Span(problem.getMessage()));
        }
    }

    private void showPreview(LoggingPreview answer) {
        List<String> parts = new ArrayList<>();
        parts.add("Ends at " + answer.end().format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                .withLocale(profile.locale())));
        if (answer.clientAmountMinor() != null) {
            parts.add("client amount " + profile.formatMoney(answer.clientAmountMinor()));
        }
        parts.add("tutor earnings " + profile.formatMoney(answer.tutorEarningsMinor()));
        parts.add(answer.status().label().toLowerCase(java.util.Locale.ROOT));
        Span summary = new Span(String.join(" · ", parts));
        summary.addClassName("log-preview-summary");
        preview.add(summary);
        if (answer.ambiguityNote() != null) {
            Paragraph note = new Paragraph(answer.ambiguityNote());
            note.addClassName("log-ambiguity");
            preview.add(note);
        }
        if (!answer.conflicts().isEmpty()) {
            conflicts.setVisible(true);
            conflicts.add(new Paragraph("Overlaps with (you can still save it):"));
            for (SessionConflict conflict : answer.conflicts()) {
                conflicts.add(new Paragraph(profile.formatDateTime(conflict.startsAt()) + "–"
                        + profile.formatTime(conflict.endsAt()) + ": " + conflict.description()));
            }
        }
    }

    /** @return whether the chosen start falls into a DST gap (the service's message then belongs to the time) */
    private boolean startTimeDoesNotExist() {
        return date.getValue() != null && time.getValue() != null && profile.zone().getRules()
                .getValidOffsets(java.time.LocalDateTime.of(date.getValue(), time.getValue())).isEmpty();
    }

    void save() {
        try {
            binder.writeBean(new Form());
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
                time.setInvalid(true);
                time.setErrorMessage(problem.getMessage());
            } else {
                preview.removeAll();
                Span message = new Span(problem.getMessage());
                message.addClassName("log-error");
                preview.add(message);
            }
        } finally {
            save.setEnabled(true);
        }
    }
}
