package com.tutordesk.session.ui;

import com.tutordesk.session.EngagementOption;
import com.tutordesk.session.FilterChoice;
import com.tutordesk.session.LogSessionRequest;
import com.tutordesk.session.LoggingPreview;
import com.tutordesk.session.SessionConflict;
import com.tutordesk.session.TutoringSession;
import com.tutordesk.settings.BusinessProfile;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.tutordesk.shared.ui.DateFields;
import com.tutordesk.shared.ui.TimeField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.ValidationException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The fields a session is logged or edited with — tutor, engagement, date, start time, duration,
 * location, cancelled — configured, validated and previewed the same way in the Log Session and
 * Edit Session dialogs. Limits come from {@link LogSessionRequest} and {@link TutoringSession}.
 */
final class SessionFields {

    /** Form state bound by the binder (the values themselves are read from the fields). */
    static final class Values {
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
    final TimeField time;
    final IntegerField duration = new IntegerField("Duration (minutes)");
    final ComboBox<String> location = new ComboBox<>("Location");
    /** The Cancelled box, or {@code null} when the form asks in its own way. */
    final Checkbox cancelled;
    final Div preview = new Div();
    final Div conflicts = new Div();
    private final Binder<Values> binder = new Binder<>();
    private final BusinessProfile profile;

    /**
     * @param idPrefix       prefix of the element ids, e.g. "log" gives "log-time"
     * @param cancelledLabel the Cancelled box's label, or {@code null} for a form that asks in its own
     *                       way (Log Session's three outcomes): no box is built, as an unshown component
     *                       would still sit in server memory while the form is open
     */
    SessionFields(BusinessProfile profile, String idPrefix, String cancelledLabel) {
        this.profile = profile;
        this.cancelled = cancelledLabel == null ? null : new Checkbox(cancelledLabel);
        this.time = new TimeField("Start time", profile.uses12HourClock());
        tutor.setItemLabelGenerator(FilterChoice::name);
        tutor.setId(idPrefix + "-tutor");
        engagement.setItemLabelGenerator(EngagementOption::label);
        engagement.setId(idPrefix + "-engagement");
        engagement.setWidthFull();
        DateFields.configure(date, profile.locale());
        date.setId(idPrefix + "-date");
        time.setId(idPrefix + "-time");
        time.setHelperText(profile.uses12HourClock() ? "12:00 AM is midnight, 12:00 PM is noon" : null);
        String range = "Duration must be between " + LogSessionRequest.MIN_MINUTES + " and "
                + LogSessionRequest.MAX_MINUTES + " minutes";
        duration.setMin(LogSessionRequest.MIN_MINUTES);
        duration.setMax(LogSessionRequest.MAX_MINUTES);
        duration.setStepButtonsVisible(true);
        duration.setI18n(new IntegerField.IntegerFieldI18n().setMinErrorMessage(range).setMaxErrorMessage(range)
                .setBadInputErrorMessage("Duration must be a whole number of minutes")
                .setRequiredErrorMessage("Duration is required"));
        duration.setId(idPrefix + "-duration");
        location.setAllowCustomValue(true);
        location.addCustomValueSetListener(e -> location.setValue(e.getDetail()));
        location.setHelperText("Optional");
        location.setId(idPrefix + "-location");
        preview.addClassName("log-preview");
        conflicts.addClassName("log-conflicts");
        conflicts.setVisible(false);

        binder.forField(tutor).asRequired("Choose a tutor").bind(f -> f.tutor, (f, v) -> f.tutor = v);
        binder.forField(engagement).asRequired("Choose an engagement")
                .bind(f -> f.engagement, (f, v) -> f.engagement = v);
        binder.forField(date).asRequired("Date is required").bind(f -> f.date, (f, v) -> f.date = v);
        // Unreadable text is the field's own complaint (never a fallback to a time it did not say).
        binder.forField(time)
                .withValidator((value, context) -> time.problem() != null ? ValidationResult.error(time.problem())
                        : value == null ? ValidationResult.error("Start time is required") : ValidationResult.ok())
                .bind(f -> f.time, (f, v) -> f.time = v);
        binder.forField(duration).asRequired("Duration is required")
                .withValidator(v -> v >= LogSessionRequest.MIN_MINUTES && v <= LogSessionRequest.MAX_MINUTES, range)
                .bind(f -> f.duration, (f, v) -> f.duration = v);
        binder.forField(location)
                .withValidator(v -> v == null || v.strip().length() <= TutoringSession.LOCATION_MAX_LENGTH,
                        "Location must be at most " + TutoringSession.LOCATION_MAX_LENGTH + " characters")
                .bind(f -> f.location, (f, v) -> f.location = v);
        if (cancelled != null) {
            cancelled.setId(idPrefix + "-cancelled");
            binder.forField(cancelled).bind(f -> f.cancelled, (f, v) -> f.cancelled = v);
        }
    }

    /** Shows every field's own message; throws when one is invalid. */
    void validate() throws ValidationException {
        binder.writeBean(new Values());
    }

    /** @return the chosen engagement's id, or {@code null} */
    Long engagementId() {
        return engagement.getValue() == null ? null : engagement.getValue().id();
    }

    /** @return whether enough is filled in to ask the service for a preview */
    boolean readyForPreview() {
        return engagement.getValue() != null && date.getValue() != null && time.getValue() != null
                && duration.getValue() != null && duration.getValue() >= LogSessionRequest.MIN_MINUTES
                && duration.getValue() <= LogSessionRequest.MAX_MINUTES;
    }

    /** Empties the preview before it is computed again. */
    void clearPreview() {
        time.clearOutsideProblem();
        preview.removeAll();
        conflicts.removeAll();
        conflicts.setVisible(false);
    }

    /** Says what is still missing for a preview. */
    void previewNeedsInput() {
        preview.add(new Span("Choose an engagement, date, start time and duration to see what will be recorded."));
    }

    /**
     * Shows what would be recorded: end (with "next day"), the amounts the viewer may see, a status
     * text, an unusual start hour, the DST note and the overlapping sessions.
     */
    void showPreview(LoggingPreview answer, Function<LoggingPreview, String> statusText, String overlapIntro) {
        DateTimeFormatter clock = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(profile.locale());
        List<String> parts = new ArrayList<>();
        boolean nextDay = !answer.end().toLocalDate().equals(answer.start().toLocalDate());
        parts.add("Ends at " + answer.end().format(clock) + (nextDay ? " (next day)" : ""));
        if (answer.clientAmountMinor() != null) {
            parts.add("client amount " + profile.formatMoney(answer.clientAmountMinor()));
        }
        parts.add("tutor earnings " + profile.formatMoney(answer.tutorEarningsMinor()));
        if (answer.packageNote() != null) {
            parts.add(answer.packageNote());
        }
        parts.add(statusText.apply(answer));
        Span summary = new Span(String.join(" · ", parts));
        summary.addClassName("log-preview-summary");
        preview.add(summary);
        ZonedDateTime start = answer.start();
        if (start.getHour() < 6 || start.getHour() >= 22) {
            note("Starts at " + start.format(clock) + " — is that the time you meant?");
        }
        if (answer.ambiguityNote() != null) {
            note(answer.ambiguityNote());
        }
        if (!answer.conflicts().isEmpty()) {
            conflicts.setVisible(true);
            conflicts.add(new Paragraph(overlapIntro));
            for (SessionConflict conflict : answer.conflicts()) {
                String who = conflict.sameTutor() && conflict.sameStudent() ? "tutor and student"
                        : conflict.sameTutor() ? "tutor" : "student";
                conflicts.add(new Paragraph(profile.formatDateTime(conflict.startsAt()) + "–"
                        + profile.formatTime(conflict.endsAt()) + ": " + conflict.description() + " (same " + who + ")"));
            }
        }
    }

    /** Shows a refusal that belongs to the start time (e.g. a DST gap). */
    void showTimeProblem(String message) {
        time.setInvalid(true);
        time.setErrorMessage(message);
    }

    /** Shows a refusal in the preview area. */
    void showProblem(String message) {
        preview.removeAll();
        Span text = new Span(message);
        text.addClassName("log-error");
        preview.add(text);
    }

    private void note(String text) {
        Paragraph note = new Paragraph(text);
        note.addClassName("log-ambiguity");
        preview.add(note);
    }
}
