package com.tutordesk.shared.ui;

import com.tutordesk.shared.TimeOfDayParser;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.customfield.CustomField;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A start-time field whose typed text is read on the server by {@link TimeOfDayParser} (issue 12:
 * the browser's time picker read "1:30 p.m." as 1:30 AM and "25:00" as 1:00 AM). The person picks a
 * time from a list (every {@value #STEP_MINUTES} minutes) or types one; text that cannot be read
 * completely leaves the field without a value and shows why under it ({@link #problem()}), so a form
 * that checks the field refuses to save. A time read from typed text is shown back the way the list
 * writes it ("430pm" becomes "4:30 PM"), so the person sees what was understood.
 */
public class TimeField extends CustomField<LocalTime> {

    /** Spacing of the times offered in the list, in minutes. */
    public static final int STEP_MINUTES = 15;

    private final ComboBox<String> text = new ComboBox<>();
    private final String label;
    private final boolean twelveHourClock;
    private String problem;
    private boolean showing;

    /**
     * @param label           field label, also the start of its messages ("Start time: …")
     * @param twelveHourClock whether the business locale writes times with AM/PM
     */
    public TimeField(String label, boolean twelveHourClock) {
        this.label = label;
        this.twelveHourClock = twelveHourClock;
        setLabel(label);
        text.setAllowCustomValue(true);
        text.setItems(choices(twelveHourClock));
        text.setPlaceholder(TimeOfDayParser.example(twelveHourClock));
        text.setWidthFull();
        text.getElement().setAttribute("aria-label", label);
        text.addCustomValueSetListener(event -> text.setValue(event.getDetail()));
        text.addValueChangeListener(event -> {
            if (!showing) {
                read();
            }
        });
        add(text);
    }

    /** @return the text as typed or chosen, e.g. "4:30 PM" or "430pm" before it is read */
    public String getText() {
        return text.getValue() == null ? "" : text.getValue();
    }

    /** Puts text in the field as if typed (for tests and for filling a form from text). */
    public void setText(String typed) {
        text.setValue(typed);
    }

    /**
     * @return why the text in the field is not a time ("Start time: "25:00" is not a time of day: …"),
     *         or {@code null} when it is one or the field is empty
     */
    public String problem() {
        return problem;
    }

    /**
     * Clears an error shown from outside (e.g. a start that does not exist on a DST day), keeping the
     * field's own complaint about unreadable text.
     */
    public void clearOutsideProblem() {
        setInvalid(problem != null);
        if (problem != null) {
            setErrorMessage(problem);
        }
    }

    /** @return how the list writes {@code time}: "4:30 PM" on a 12-hour clock, "16:30" on a 24-hour one */
    public static String format(LocalTime time, boolean twelveHourClock) {
        if (!twelveHourClock) {
            return String.format(Locale.ROOT, "%02d:%02d", time.getHour(), time.getMinute());
        }
        int hour = time.getHour() % 12 == 0 ? 12 : time.getHour() % 12;
        return String.format(Locale.ROOT, "%d:%02d %s", hour, time.getMinute(), time.getHour() < 12 ? "AM" : "PM");
    }

    private void read() {
        try {
            LocalTime time = TimeOfDayParser.parse(text.getValue(), twelveHourClock);
            problem = null;
            setInvalid(false);
            if (time != null && !format(time, twelveHourClock).equals(text.getValue())) {
                show(format(time, twelveHourClock));
            }
        } catch (TimeOfDayParser.UnreadableTimeException unreadable) {
            problem = label + ": " + unreadable.getMessage();
            setErrorMessage(problem);
            setInvalid(true);
        }
        updateValue();
    }

    @Override
    protected LocalTime generateModelValue() {
        try {
            return TimeOfDayParser.parse(text.getValue(), twelveHourClock);
        } catch (TimeOfDayParser.UnreadableTimeException unreadable) {
            return null;
        }
    }

    @Override
    protected void setPresentationValue(LocalTime time) {
        show(time == null ? null : format(time, twelveHourClock));
        problem = null;
    }

    private void show(String value) {
        showing = true;
        try {
            text.setValue(value);
        } finally {
            showing = false;
        }
    }

    // One list per clock for every field: an open form stays in server memory, and 96 strings per
    // time field were ~6 KB of each open Log Session dialog (issue 20).
    private static final List<String> TWELVE_HOUR_CHOICES = times(true);
    private static final List<String> TWENTY_FOUR_HOUR_CHOICES = times(false);

    private static List<String> choices(boolean twelveHourClock) {
        return twelveHourClock ? TWELVE_HOUR_CHOICES : TWENTY_FOUR_HOUR_CHOICES;
    }

    private static List<String> times(boolean twelveHourClock) {
        List<String> times = new ArrayList<>();
        for (int minutes = 0; minutes < 24 * 60; minutes += STEP_MINUTES) {
            times.add(format(LocalTime.of(minutes / 60, minutes % 60), twelveHourClock));
        }
        return List.copyOf(times);
    }
}
