package com.tutordesk.session.ui;

import com.tutordesk.security.CurrentUser;
import com.tutordesk.session.Cancellation;
import com.tutordesk.session.EngagementOption;
import com.tutordesk.session.FilterChoice;
import com.tutordesk.session.LogSessionRequest;
import com.tutordesk.session.LoggingPreview;
import com.tutordesk.session.SessionLoggingService;
import com.tutordesk.session.WeeklyOccurrence;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import com.tutordesk.shared.ui.DateFields;
import com.tutordesk.shared.ui.TimeField;
import com.vaadin.flow.component.Html;
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
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.binder.ValidationException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The Log Session dialog: tutor, then that tutor's engagements, date, start time (AM/PM where the
 * locale uses it, typed text read on the server), duration, location, whether it was cancelled in
 * time or late (a no-show: the late-cancellation policy's amounts), optional weekly repeat; a live
 * preview of amounts, end time and conflicts; and one button that logs or schedules. Every rule is
 * the service's: this dialog shows its answers at the right field.
 */
class LogSessionDialog extends Dialog {

    static final String WEEKS = "For a number of sessions";
    static final String UNTIL = "Until a date";
    static final List<Integer> DURATION_PRESETS = List.of(30, 45, 60, 90, 120);

    final SessionFields fields;
    final ComboBox<FilterChoice> tutor;
    final ComboBox<EngagementOption> engagement;
    final Paragraph noEngagements = new Paragraph();
    final DatePicker date;
    final TimeField time;
    final IntegerField duration;
    final ComboBox<String> location;
    /** Not cancelled, cancelled in time, or a late cancellation / no-show (issue 12: one step, not two). */
    final RadioButtonGroup<Cancellation> outcome = new RadioButtonGroup<>("Cancelled?");
    final Checkbox repeat = new Checkbox("Repeat");
    // The repeat fields are built when Repeat is first ticked (buildRepeatBox): most sessions are logged
    // once, and an open dialog's components stay in server memory for as long as it is open — these
    // were ~25 state nodes of every open dialog (issue 20). Null until then.
    com.vaadin.flow.component.select.Select<Integer> every;
    RadioButtonGroup<String> repeatMode;
    IntegerField weeks;
    DatePicker until;
    CheckboxGroup<WeeklyOccurrence> occurrences;
    final Div preview;
    final Div conflicts;
    final Button save = new Button("Log Session");
    final Button close = new Button("Cancel");

    private final SessionLoggingService logging;
    private final BusinessProfile profile;
    private final CurrentUser user;
    private final Clock clock;
    private final Consumer<List<Long>> onLogged;
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

        fields = new SessionFields(profile, "log", null);
        tutor = fields.tutor;
        engagement = fields.engagement;
        date = fields.date;
        time = fields.time;
        duration = fields.duration;
        location = fields.location;
        preview = fields.preview;
        conflicts = fields.conflicts;
        tutor.setItems(query -> logging.tutorsForLogging(query.getFilter().orElse(""), query.getOffset(),
                query.getLimit()).stream());
        engagement.setVisible(false);
        noEngagements.setVisible(false);
        noEngagements.addClassName("no-engagements");
        date.setValue(profile.today(clock));

        Html presets = durationPresets();

        repeat.setId("log-repeat");
        repeat.addValueChangeListener(e -> {
            if (e.getValue() && every == null) {
                buildRepeatBox();
            }
            if (every != null) {
                every.getParent().ifPresent(box -> box.setVisible(e.getValue()));
            }
            refresh();
        });

        tutor.addValueChangeListener(e -> onTutorChosen(e.getValue()));
        engagement.addValueChangeListener(e -> onEngagementChosen(e.getValue()));
        date.addValueChangeListener(e -> refresh());
        time.addValueChangeListener(e -> refresh());
        duration.addValueChangeListener(e -> refresh());
        outcome.setItems(Cancellation.NONE, Cancellation.IN_TIME, Cancellation.LATE);
        var policy = profile.lateCancellation();
        outcome.setItemLabelGenerator(choice -> switch (choice) {
            case IN_TIME -> "Cancelled in time (nothing charged or paid)";
            case LATE -> "Late cancellation or no-show (client charged " + policy.clientChargePercent()
                    + " %, tutor paid " + policy.tutorPayPercent() + " %)";
            default -> "Not cancelled";
        });
        outcome.setValue(Cancellation.NONE);
        outcome.setId("log-outcome");
        outcome.addValueChangeListener(e -> refresh());

        FormLayout form = new FormLayout(tutor, engagement, noEngagements, date, time, duration, presets, location,
                outcome);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32rem", 2));
        form.setColspan(engagement, 2);
        form.setColspan(noEngagements, 2);
        form.setColspan(presets, 2);
        form.setColspan(outcome, 2);
        add(form, repeat, preview, conflicts);

        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setDisableOnClick(true);
        save.setId("log-save");
        save.addClickListener(e -> save());
        close.addClickListener(e -> close());
        getFooter().add(close, save);

        if (user.isTutor()) {
            logging.tutorsForLogging("", 0, 1).stream().findFirst().ifPresent(tutor::setValue);
            tutor.setReadOnly(true);
        }
        refresh();
    }

    /**
     * The duration shortcuts (30 min … 2 h) as one server-side node with one click listener, not a
     * button component each: an open dialog stays in server memory, and five buttons with their
     * labels and listeners were 11 state nodes of it (issue 20). The browser reports which button
     * was clicked; only the preset durations are taken from it.
     */
    private Html durationPresets() {
        org.jsoup.nodes.Element box = new org.jsoup.nodes.Element("div").addClass("duration-presets");
        for (int minutes : DURATION_PRESETS) {
            box.appendElement("vaadin-button").attr("theme", "small tertiary")
                    .attr("data-minutes", String.valueOf(minutes)).appendText(BusinessProfile.formatDuration(minutes));
        }
        Html presets = new Html(box.outerHtml());
        String clicked = "event.target.dataset.minutes";
        presets.getElement().addEventListener("click", e -> {
            String value = e.getEventData().get(clicked).asString();
            DURATION_PRESETS.stream().filter(minutes -> String.valueOf(minutes).equals(value)).findFirst()
                    .ifPresent(duration::setValue);
        }).addEventData(clicked).setFilter("'minutes' in event.target.dataset"); // a click between buttons: no round-trip
        return presets;
    }

    /** Builds the repeat fields (every n weeks, how many or until when, the dates) below the Repeat box. */
    private void buildRepeatBox() {
        every = new com.vaadin.flow.component.select.Select<>();
        repeatMode = new RadioButtonGroup<>();
        weeks = new IntegerField("Sessions");
        until = new DatePicker("Until");
        occurrences = new CheckboxGroup<>("Dates to schedule (untick a date to skip it)");
        every.setLabel("Every");
        every.setId("log-every");
        every.setItems(1, 2, 3, 4);
        every.setItemLabelGenerator(n -> n == 1 ? "week" : n + " weeks");
        every.setValue(1);
        every.addValueChangeListener(e -> refresh());
        repeatMode.setItems(WEEKS, UNTIL);
        repeatMode.setValue(WEEKS);
        weeks.setMin(1);
        weeks.setMax(SessionLoggingService.MAX_WEEKS);
        weeks.setValue(4);
        weeks.setStepButtonsVisible(true);
        DateFields.configure(until, profile.locale());
        until.setVisible(false);
        occurrences.setItemLabelGenerator(this::occurrenceLabel);
        occurrences.setItemEnabledProvider(WeeklyOccurrence::schedulable);
        Div repeatBox = new Div(every, repeatMode, weeks, until, occurrences);
        repeatBox.addClassName("repeat-box");
        // Right below the Repeat box: the dialog's children are form, repeat, (this), preview, conflicts.
        addComponentAtIndex((int) getChildren().takeWhile(child -> child != repeat).count() + 1, repeatBox);
        repeatMode.addValueChangeListener(e -> {
            weeks.setVisible(WEEKS.equals(e.getValue()));
            until.setVisible(UNTIL.equals(e.getValue()));
            refresh();
        });
        weeks.addValueChangeListener(e -> refresh());
        until.addValueChangeListener(e -> refresh());
    }

    /**
     * Fills in what the calendar knows about an empty slot: the date, the start time and (in a
     * one-tutor view) the tutor, when the viewer may log for that tutor.
     *
     * @param startTime business-local start, or {@code null} to leave the field empty
     * @param tutorId   tutor, or {@code null} to leave the choice to the person
     */
    void prefill(LocalDate day, java.time.LocalTime startTime, Long tutorId) {
        date.setValue(day);
        if (startTime != null) {
            time.setValue(startTime);
        }
        if (tutorId != null && !tutor.isReadOnly()) {
            logging.tutorForLogging(tutorId).ifPresent(tutor::setValue);
        }
        refresh();
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
        return new LogSessionRequest(fields.engagementId(), date.getValue(), time.getValue(), duration.getValue(),
                location.getValue(), outcome.getValue(), requestKey);
    }

    /** Recomputes the preview, conflicts, repeat dates and the button text. */
    void refresh() {
        lastPreview = null;
        fields.clearPreview();
        if (!fields.readyForPreview()) {
            fields.previewNeedsInput();
            updateButton();
            return;
        }
        LogSessionRequest request = request();
        try {
            LoggingPreview answer = logging.preview(request);
            lastPreview = answer;
            fields.showPreview(answer, LogSessionDialog::statusText,
                    "Overlaps with (you can still log it, e.g. for a makeup session):");
            if (repeat.getValue()) {
                showOccurrences(request);
            }
        } catch (RuleViolationException gap) {
            fields.showTimeProblem(gap.getMessage());
        } catch (IllegalArgumentException | NotFoundException problem) {
            preview.add(new Span(problem.getMessage()));
        }
        updateButton();
    }

    private static String statusText(LoggingPreview answer) {
        return switch (answer.status()) {
            case SCHEDULED -> "will be scheduled";
            case CANCELLED -> "logged as cancelled (nothing charged or paid)";
            case LATE_CANCELLED -> "logged as a late cancellation (amounts by the policy)";
            default -> "logged as completed";
        };
    }

    private void showOccurrences(LogSessionRequest request) {
        try {
            List<WeeklyOccurrence> planned = logging.previewSeries(request, every.getValue(),
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
            fields.validate();
            LogSessionRequest request = request();
            List<Long> ids;
            if (repeat.getValue()) {
                List<LocalDate> chosen = occurrences.getValue().stream().map(WeeklyOccurrence::date).sorted().toList();
                if (chosen.isEmpty()) {
                    occurrences.setInvalid(true);
                    occurrences.setErrorMessage("Choose at least one date");
                    return;
                }
                ids = logging.logSeries(request, every.getValue(), chosen);
            } else {
                ids = List.of(logging.logSession(request));
            }
            close();
            onLogged.accept(ids);
        } catch (ValidationException invalid) {
            // Each field shows its own message.
        } catch (RuleViolationException gap) {
            fields.showTimeProblem(gap.getMessage());
        } catch (IllegalArgumentException | NotFoundException problem) {
            fields.showProblem(problem.getMessage());
        } finally {
            save.setEnabled(true);
        }
    }
}
