package com.tutordesk.schedule.ui;

import com.tutordesk.schedule.CalendarFilter;
import com.vaadin.flow.router.QueryParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the calendar shows, as the URL says it ({@code /schedule?view=week&date=2026-11-25&tutor=3}):
 * view, a date inside the shown range, and the filters. Anything unusable in the URL is ignored
 * with a notice, never an error page.
 *
 * @param mode    day, week (default), month or by tutor
 * @param date    a business-local date in the shown range
 * @param filter  tutor, student, client
 * @param notices what was ignored in the URL
 */
record ScheduleState(CalendarMode mode, LocalDate date, CalendarFilter filter, List<String> notices) {

    /** @return the state the URL describes, with today and the week view where it says nothing */
    static ScheduleState parse(QueryParameters query, LocalDate today) {
        Map<String, List<String>> values = query.getParameters();
        List<String> notices = new ArrayList<>();
        CalendarMode mode = CalendarMode.WEEK;
        String view = first(values, "view");
        if (view != null) {
            CalendarMode parsed = CalendarMode.byKey(view);
            if (parsed == null) {
                notices.add("Ignored view \"" + view + "\": showing the week.");
            } else {
                mode = parsed;
            }
        }
        LocalDate date = today;
        String day = first(values, "date");
        if (day != null) {
            try {
                date = LocalDate.parse(day);
            } catch (DateTimeParseException e) {
                notices.add("Ignored date \"" + day + "\": write it as 2026-11-25. Showing today.");
            }
        }
        CalendarFilter filter = new CalendarFilter(id(values, "tutor", notices), id(values, "student", notices),
                id(values, "client", notices));
        return new ScheduleState(mode, date, filter, List.copyOf(notices));
    }

    /** @return the URL parameters of this state (defaults left out) */
    QueryParameters toQueryParameters() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("view", mode.key);
        values.put("date", date.toString());
        if (filter.tutorId() != null) {
            values.put("tutor", filter.tutorId().toString());
        }
        if (filter.studentId() != null) {
            values.put("student", filter.studentId().toString());
        }
        if (filter.clientId() != null) {
            values.put("client", filter.clientId().toString());
        }
        return QueryParameters.simple(values);
    }

    ScheduleState with(CalendarMode newMode, LocalDate newDate, CalendarFilter newFilter) {
        return new ScheduleState(newMode, newDate, newFilter, List.of());
    }

    /** @return the first day shown: the day itself, the week's first day, or the month's grid start */
    LocalDate firstDay(DayOfWeek firstDayOfWeek) {
        return switch (mode) {
            case DAY, TUTORS -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(firstDayOfWeek));
            case MONTH -> date.withDayOfMonth(1).with(TemporalAdjusters.previousOrSame(firstDayOfWeek));
        };
    }

    /** @return how many days are shown */
    int dayCount(DayOfWeek firstDayOfWeek) {
        return switch (mode) {
            case DAY, TUTORS -> 1;
            case WEEK -> 7;
            case MONTH -> {
                LocalDate first = firstDay(firstDayOfWeek);
                LocalDate last = date.withDayOfMonth(date.lengthOfMonth());
                int days = (int) java.time.temporal.ChronoUnit.DAYS.between(first, last) + 1;
                yield (days + 6) / 7 * 7;
            }
        };
    }

    /** @return the date one step back or forward (a day, a week or a month) */
    LocalDate step(int direction) {
        return switch (mode) {
            case DAY, TUTORS -> date.plusDays(direction);
            case WEEK -> date.plusWeeks(direction);
            case MONTH -> date.plusMonths(direction);
        };
    }

    private static String first(Map<String, List<String>> values, String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() || list.getFirst().isBlank() ? null : list.getFirst().strip();
    }

    private static Long id(Map<String, List<String>> values, String name, List<String> notices) {
        String text = first(values, name);
        if (text == null) {
            return null;
        }
        try {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        notices.add("Ignored " + name + " \"" + text + "\": not an id.");
        return null;
    }
}
