package com.tutordesk.session.ui;

import com.tutordesk.security.CurrentUser;
import com.tutordesk.session.EngagementOption;
import com.tutordesk.session.FilterChoice;
import com.tutordesk.session.LogSessionRequest;
import com.tutordesk.session.LoggingPreview;
import com.tutordesk.session.SessionConflict;
import com.tutordesk.session.SessionLoggingService;
import com.tutordesk.session.TutoringSession;
import com.tutordesk.session.WeeklyOccurrence;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The Log Session dialog: tutor, then that tutor's engagements, date, start time (AM/PM where the
 * locale uses it, 5-minute steps), duration, location, cancelled, optional weekly repeat; a live
 * preview of amounts, end time and conflicts; and one button that logs or schedules. Every rule is
 * the service's: this dialog shows its answers at the right field.
 */
class LogSessionDialog extends Dialog {

    static final String WEEKS = "For a number of weeks";
    static final String UNTIL = "Until a date";
    static final List<Integer> DURATION_PRESETS = List.of(30, 45, 60, 90, 120);

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
    final Paragraph noEngagements = new Paragraph();
    final DatePicker date = new DatePicker("Date");
    final TimePicker time = new TimePicker("Start time");
    final IntegerField duration = new IntegerField("Duration (minutes)");
    final ComboBox<String> location = new ComboBox<>("Location");
    final Checkbox cancelled = new Checkbox("Cancelled");
    final Checkbox repeat = new Checkbox("Repeat weekly");
    final RadioButtonGroup<String> repeatMode = new RadioButtonGroup<>();
    final IntegerField weeks = new IntegerField("Weeks");
    final DatePicker until = new DatePicker("Until");
    final CheckboxGroup<WeeklyOccurrence> occurrences = new CheckboxGroup<>("Dates to schedule");
    final Div preview = new Div();
    final Div conflicts = new Div();
    final Button save = new Button("Log Session");
    final Button close = new Button("Cancel");

    private final SessionLoggingService logging;
    private final BusinessProfile profile;
    private final CurrentUser user;
    private final Clock clock;
    private final Consumer<List<Long>> onLogged;
    private final Binder<Form> binder = new Binder<>();
    private final String requestKey = UUID.randomUUID().toString();
    private LoggingPreview lastPreview;

    LogSessionDialog(SessionLoggingService logging, BusinessProfile profile, CurrentUser user, Clock clock,
            Consumer<List<Long>> onLogged) {
        this.logging = logging;
        this.profile = profile;
        this.user = user;
        this.clock = clock;
        this.onLogged = onLogged;
        setHeaderTitle("Log Session");
        addClassName("log-session-dialog");
        setWidth("min(46rem, 100vw)");
        setCloseOnOutsideClick(false);

        tutor.setItems(logging.tutorsForLogging());
        tutor.setItemLabelGenerator(FilterChoice::name);
        tutor.setId("log-tutor");
        engagement.setItemLabelGenerator(EngagementOption::label);
        engagement.setVisible(false);
        engagement.setId("log-engagement");
        engagement.setWidthFull();
        noEngagements.setVisible(false);
        noEngagements.addClassName("no-engagements");
        date.setLocale(profile.locale());
        date.setValue(profile.today(clock));
        date.setId("log-date");
        time.setLocale(profile.locale());
        time.setStep(Duration.ofMinutes(5));
        time.setId("log-time");
        time.setHelperText(profile.uses12HourClock() ? "12:00 AM is midnight, 12:00 PM is noon" : null);
        time.setI18n(new TimePicker.TimePickerI18n()
                .setBadInputErrorMessage(profile.uses12HourClock()
                        ? "Start time is not a time: write it like 4:30 PM" : "Start time is not a time: write it like 16:30")
                .setRequiredErrorMessage("Start time is required"));
        duration.setMin(LogSessionRequest.MIN_MINUTES);
        duration.setMax(LogSessionRequest.MAX_MINUTES);
        String range = "Duration must be between " + LogSessionRequest.MIN_MINUTES + " and "
                + LogSessionRequest.MAX_MINUTES + " minutes";
        duration.setI18n(new IntegerField.IntegerFieldI18n().setMinErrorMessage(range).setMaxErrorMessage(range)
                .setBadInputErrorMessage("Duration must be a whole number of minutes")
                .setRequiredErrorMessage("Duration is required"));
        duration.setId("log-duration");
        location.setAllowCustomValue(true);
        location.addCustomValueSetListener(e -> location.setValue(e.getDetail()));
        location.setHelperText("Optional");
        location.setId("log-location");
        cancelled.setId("log-cancelled");

        bindFields();

        HorizontalLayout presets = new HorizontalLayout();
        presets.addClassName("duration-presets");
        for (int minutes : DURATION_PRESETS) {
            Button preset = new Button(BusinessProfile.formatDuration(minutes), e -> duration.setValue(minutes));
            preset.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            presets.add(preset);
        }

        repeatMode.setItems(WEEKS, UNTIL);
        repeatMode.setValue(WEEKS);
        weeks.setMin(1);
        weeks.setMax(SessionLoggingService.MAX_WEEKS);
        weeks.setValue(4);
        weeks.setStepButtonsVisible(true);
        until.setLocale(profile.locale());
        until.setVisible(false);
        occurrences.setItemLabelGenerator(this::occurrenceLabel);
        occurrences.setItemEnabledProvider(WeeklyOccurrence::schedulable);
        Div repeatBox = new Div(repeatMode, weeks, until, occurrences);
        repeatBox.addClassName("repeat-box");
        repeatBox.setVisible(false);
        repeat.setId("log-repeat");
        repeat.addValueChangeListener(e -> {
            repeatBox.setVisible(e.getValue());
            refresh();
        });
        repeatMode.addValueChangeListener(e -> {
            weeks.setVisible(WEEKS.equals(e.getValue()));
            until.setVisible(UNTIL.equals(e.getValue()));
            refresh();
        });
        weeks.addValueChangeListener(e -> refresh());
        until.addValueChangeListener(e -> refresh());

        tutor.addValueChangeListener(e -> onTutorChosen(e.getValue()));
        engagement.addValueChangeListener(e -> onEngagementChosen(e.getValue()));
        date.addValueChangeListener(e -> refresh());
        time.addValueChangeListener(e -> refresh());
        duration.addValueChangeListener(e -> refresh());
        cancelled.addValueChangeListener(e -> refresh());

        preview.addClassName("log-preview");
        conflicts.addClassName("log-conflicts");
        conflicts.setVisible(false);

        FormLayout form = new FormLayout(tutor, engagement, noEngagements, date, time, duration, presets, location,
                cancelled);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32rem", 2));
        form.setColspan(engagement, 2);
        form.setColspan(noEngagements, 2);
        form.setColspan(presets, 2);
        add(form, repeat, repeatBox, preview, conflicts);

        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setDisableOnClick(true);
        save.setId("log-save");
        save.addClickListener(e -> save());
        close.addClickListener(e -> close());
        getFooter().add(close, save);

        if (user.isTutor()) {
            tutor.getListDataView().getItems().findFirst().ifPresent(tutor::setValue);
            tutor.setReadOnly(true);
        }
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

    private void onTutorChosen(FilterChoice chosen) {
        engagement.clear();
        location.setItems(List.of());
        if (chosen == null) {
            engagement.setVisible(false);
            noEngagements.setVisible(false);
            refresh();
            return;
        }
        List<EngagementOption> options = logging.engagementsForLogging(chosen.id());
        engagement.setItems(options);
        engagement.setVisible(!options.isEmpty());
        noEngagements.setVisible(options.isEmpty());
        noEngagements.setText(chosen.name() + " has no active engagements yet. An admin adds them on the tutor's or"
                + " the client's page.");
        if (options.size() == 1) {
            engagement.setValue(options.getFirst());
        }
        refresh();
    }

    private void onEngagementChosen(EngagementOption chosen) {
        if (chosen != null) {
            duration.setValue(chosen.defaultDurationMinutes());
            location.setItems(logging.recentLocations(chosen.id()));
        }
        refresh();
    }

    private LogSessionRequest request() {
        return new LogSessionRequest(engagement.getValue() == null ? null : engagement.getValue().id(),
                date.getValue(), time.getValue(), duration.getValue(), location.getValue(), cancelled.getValue(),
                requestKey);
    }

    /** Recomputes the preview, conflicts, repeat dates and the button text. */
    void refresh() {
        lastPreview = null;
        time.setInvalid(false);
        preview.removeAll();
        conflicts.removeAll();
        conflicts.setVisible(false);
        LogSessionRequest request = request();
        boolean complete = request.engagementId() != null && request.date() != null && request.startTime() != null
                && request.durationMinutes() != null && request.durationMinutes() >= LogSessionRequest.MIN_MINUTES
                && request.durationMinutes() <= LogSessionRequest.MAX_MINUTES;
        if (!complete) {
            preview.add(new Span("Choose an engagement, date, start time and duration to see what will be recorded."));
            updateButton();
            return;
        }
        try {
            LoggingPreview answer = logging.preview(request);
            lastPreview = answer;
            showPreview(answer);
            if (repeat.getValue()) {
                showOccurrences(request);
            }
        } catch (RuleViolationException gap) {
            time.setInvalid(true);
            time.setErrorMessage(gap.getMessage());
        } catch (IllegalArgumentException | NotFoundException problem) {
            preview.add(new Span(problem.getMessage()));
        }
        updateButton();
    }

    private void showPreview(LoggingPreview answer) {
        List<String> parts = new ArrayList<>();
        boolean nextDay = !answer.end().toLocalDate().equals(answer.start().toLocalDate());
        parts.add("Ends at " + answer.end().format(DateTimeFormatter.ofLocalizedTime(
                java.time.format.FormatStyle.SHORT).withLocale(profile.locale())) + (nextDay ? " (next day)" : ""));
        if (answer.clientAmountMinor() != null) {
            parts.add("client amount " + profile.formatMoney(answer.clientAmountMinor()));
        }
        parts.add("tutor earnings " + profile.formatMoney(answer.tutorEarningsMinor()));
        parts.add(switch (answer.status()) {
            case SCHEDULED -> "will be scheduled";
            case CANCELLED -> "logged as cancelled (nothing charged or paid)";
            default -> "logged as completed";
        });
        Span summary = new Span(String.join(" · ", parts));
        summary.addClassName("log-preview-summary");
        preview.add(summary);
        int hour = answer.start().getHour();
        if (hour < 6 || hour >= 22) {
            Paragraph unusual = new Paragraph("Starts at " + answer.start().format(DateTimeFormatter.ofLocalizedTime(
                    java.time.format.FormatStyle.SHORT).withLocale(profile.locale())) + " — is that the time you meant?");
            unusual.addClassName("log-ambiguity");
            preview.add(unusual);
        }
        if (answer.ambiguityNote() != null) {
            Paragraph note = new Paragraph(answer.ambiguityNote());
            note.addClassName("log-ambiguity");
            preview.add(note);
        }
        if (!answer.conflicts().isEmpty()) {
            conflicts.setVisible(true);
            conflicts.add(new Paragraph("Overlaps with (you can still log it, e.g. for a makeup session):"));
            for (SessionConflict conflict : answer.conflicts()) {
                conflicts.add(new Paragraph(describe(conflict)));
            }
        }
    }

    private String describe(SessionConflict conflict) {
        String who = conflict.sameTutor() && conflict.sameStudent() ? "tutor and student"
                : conflict.sameTutor() ? "tutor" : "student";
        return profile.formatDateTime(conflict.startsAt()) + "–" + profile.formatTime(conflict.endsAt()) + ": "
                + conflict.description() + " (same " + who + ")";
    }

    private void showOccurrences(LogSessionRequest request) {
        try {
            List<WeeklyOccurrence> planned = logging.previewWeekly(request,
                    WEEKS.equals(repeatMode.getValue()) ? weeks.getValue() : null,
                    UNTIL.equals(repeatMode.getValue()) ? until.getValue() : null);
            occurrences.setItems(planned);
            // Conflicting or impossible dates start unticked; the person decides.
            occurrences.setValue(planned.stream().filter(o -> o.schedulable() && !o.conflicts())
                    .collect(java.util.stream.Collectors.toSet()));
            occurrences.setInvalid(false);
        } catch (IllegalArgumentException problem) {
            occurrences.setItems(List.of());
            occurrences.setInvalid(true);
            occurrences.setErrorMessage(problem.getMessage());
        }
    }

    private String occurrenceLabel(WeeklyOccurrence occurrence) {
        String day = occurrence.date().getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, profile.locale())
                + ", " + profile.formatDate(occurrence.date());
        if (!occurrence.schedulable()) {
            return day + " — " + occurrence.problem();
        }
        if (occurrence.conflicts()) {
            return day + " — overlaps " + occurrence.preview().conflicts().size() + " session(s)";
        }
        return day;
    }

    private void updateButton() {
        boolean schedules = repeat.getValue() || (lastPreview != null && lastPreview.schedules());
        save.setText(schedules ? "Schedule Session" : "Log Session");
    }

    void save() {
        try {
            Form form = new Form();
            binder.writeBean(form);
            LogSessionRequest request = request();
            List<Long> ids;
            if (repeat.getValue()) {
                List<LocalDate> chosen = occurrences.getValue().stream().map(WeeklyOccurrence::date).sorted().toList();
                if (chosen.isEmpty()) {
                    occurrences.setInvalid(true);
                    occurrences.setErrorMessage("Choose at least one date");
                    return;
                }
                ids = logging.logWeekly(request, chosen);
            } else {
                ids = List.of(logging.logSession(request));
            }
            close();
            onLogged.accept(ids);
        } catch (ValidationException invalid) {
            // Each field shows its own message.
        } catch (RuleViolationException gap) {
            time.setInvalid(true);
            time.setErrorMessage(gap.getMessage());
        } catch (IllegalArgumentException | NotFoundException problem) {
            preview.removeAll();
            Span message = new Span(problem.getMessage());
            message.addClassName("log-error");
            preview.add(message);
        } finally {
            save.setEnabled(true);
        }
    }
}
