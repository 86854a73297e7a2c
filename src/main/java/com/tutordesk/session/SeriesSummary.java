package com.tutordesk.session;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * A session's place in its series, for the session page and the Edit and Reschedule dialogs.
 *
 * @param seriesId     the series
 * @param position     this session's position, 1-based
 * @param occurrences  how many occurrences the series has
 * @param everyWeeks   weeks between occurrences, 1–4
 * @param dayOfWeek    the series' weekday (business-local)
 * @param startTime    the series' wall-clock start
 * @param endedAfter   the date after which the series was ended, or {@code null}
 * @param following    how many sessions of the series come after this one
 */
public record SeriesSummary(long seriesId, int position, int occurrences, int everyWeeks, DayOfWeek dayOfWeek,
        LocalTime startTime, LocalDate endedAfter, int following) {

    /** @return e.g. "3 of 12, every 2 weeks on Tuesday" or "1 of 4, every week on Monday" */
    public String describe(Locale locale) {
        String day = dayOfWeek.getDisplayName(TextStyle.FULL, locale);
        return position + " of " + Math.max(occurrences, position) + ", every "
                + (everyWeeks == 1 ? "week" : everyWeeks + " weeks") + " on " + day;
    }
}
