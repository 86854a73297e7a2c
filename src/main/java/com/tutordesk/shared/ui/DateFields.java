package com.tutordesk.shared.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import java.time.LocalDate;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Sets up every date field of the application the same way (issue 12): dates written in the business
 * locale, and a message under the field when the browser cannot read what was typed ("abc",
 * "32/13/2026"), saying what to type — without it the field only turned red.
 */
public final class DateFields {

    private DateFields() {
    }

    /**
     * @param picker a date field with its label set
     * @param locale the business locale (date order and format)
     * @return the picker
     */
    public static DatePicker configure(DatePicker picker, Locale locale) {
        picker.setLocale(locale);
        DatePicker.DatePickerI18n i18n = picker.getI18n() == null ? new DatePicker.DatePickerI18n() : picker.getI18n();
        picker.setI18n(i18n.setBadInputErrorMessage(badInputMessage(picker.getLabel(), locale)));
        return picker;
    }

    /** @return e.g. "Date: type a date like 12/31/2026" (the year is this year's, the format the locale's) */
    public static String badInputMessage(String label, Locale locale) {
        return (label == null || label.isBlank() ? "Date" : label) + ": type a date like "
                + LocalDate.now().withMonth(12).withDayOfMonth(31).format(shortFormat(locale));
    }

    /** The locale's short date with a four-digit year ("12/31/2026", "31/12/2026", "31.12.2026"). */
    private static DateTimeFormatter shortFormat(Locale locale) {
        String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.SHORT, null,
                IsoChronology.INSTANCE, locale);
        if (!pattern.contains("yyyy")) {
            pattern = pattern.replaceAll("y+", "yyyy");
        }
        return DateTimeFormatter.ofPattern(pattern, locale);
    }
}
