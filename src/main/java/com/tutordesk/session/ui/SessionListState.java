package com.tutordesk.session.ui;

import com.tutordesk.session.BillingState;
import com.tutordesk.session.DateRange;
import com.tutordesk.session.ReportState;
import com.tutordesk.session.SessionFilter;
import com.tutordesk.session.SessionSort;
import com.tutordesk.session.SessionStatus;
import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sessions list's filters and sort as they live in the URL query string, so that a filtered view
 * can be bookmarked, shared and reloaded. Parsing never fails: a value that cannot be used is left
 * out and described in {@link #notices()}.
 *
 * <p>Keys: {@code preset} (last-30-days, next-30-days, this-week, last-week, this-month, last-month,
 * all) or {@code from}/{@code to}
 * (ISO dates), {@code tutor}, {@code client}, {@code student}, {@code subject} (ids), {@code status}
 * (scheduled, completed, cancelled, late-cancelled), {@code report} (none, written, sent),
 * {@code billing} (unbilled, invoiced, paid, upcoming, not-billable), {@code q} (name search), {@code sort}
 * (e.g. -date).
 *
 * @param filter  the filter to apply (a preset already turned into dates)
 * @param preset  the preset the dates came from, or {@code null} for custom / all dates
 * @param sort    the sort
 * @param notices one line per ignored value, for the person to read
 *
 * <p>Without any date in the URL the list shows the last 30 days ({@link DateRange.Preset#LAST_30_DAYS}:
 * see {@link SessionsView} for why); "All dates" is {@code preset=all}.
 */
record SessionListState(SessionFilter filter, DateRange.Preset preset, SessionSort sort, List<String> notices) {

    /** The preset a list without dates in its URL shows. */
    static final DateRange.Preset DEFAULT_PRESET = DateRange.Preset.LAST_30_DAYS;

    /** @return the list as it opens: the last 30 days up to {@code today}, newest first, no other filter */
    static SessionListState defaults(LocalDate today) {
        return new SessionListState(SessionFilter.NONE.withDates(DEFAULT_PRESET.on(today)), DEFAULT_PRESET,
                SessionSort.NEWEST_FIRST, List.of());
    }

    /** Reads the state from the URL; {@code today} is the business-local date presets are relative to. */
    static SessionListState parse(QueryParameters query, LocalDate today) {
        Map<String, List<String>> params = query.getParameters();
        List<String> notices = new ArrayList<>();
        DateRange.Preset preset = null;
        DateRange dates = DateRange.ALL;
        String presetValue = first(params, "preset");
        if (presetValue != null) {
            preset = DateRange.Preset.byKey(presetValue);
            if (preset == null) {
                notices.add("Ignored date preset \"" + presetValue + "\": use one of " + String.join(", ",
                        java.util.Arrays.stream(DateRange.Preset.values()).map(DateRange.Preset::key).toList()) + ".");
            } else {
                dates = preset.on(today);
            }
        }
        if (preset == null) {
            LocalDate from = date(params, "from", notices);
            LocalDate to = date(params, "to", notices);
            if (from != null && to != null && to.isBefore(from)) {
                notices.add("Ignored the end date " + to + ": it is before the start date " + from + ".");
                to = null;
            }
            dates = new DateRange(from, to);
            if (from == null && to == null) {
                preset = DEFAULT_PRESET;
                dates = preset.on(today);
            }
        }
        Long tutor = id(params, "tutor", notices);
        Long client = id(params, "client", notices);
        Long student = id(params, "student", notices);
        Long subject = id(params, "subject", notices);
        SessionStatus status = choice(params, "status", SessionStatus.values(), notices);
        ReportState report = choice(params, "report", ReportState.values(), notices);
        BillingState billing = choice(params, "billing", BillingState.values(), notices);
        String text = first(params, "q");
        if (text != null && text.strip().length() > SessionFilter.TEXT_MAX_LENGTH) {
            notices.add("Shortened the search to its first " + SessionFilter.TEXT_MAX_LENGTH + " characters.");
            text = text.strip().substring(0, SessionFilter.TEXT_MAX_LENGTH);
        }
        SessionSort sort = SessionSort.NEWEST_FIRST;
        String sortValue = first(params, "sort");
        if (sortValue != null) {
            SessionSort parsed = SessionSort.parse(sortValue);
            if (parsed == null) {
                notices.add("Ignored sort \"" + sortValue + "\": sorted by date, newest first.");
            } else {
                sort = parsed;
            }
        }
        SessionFilter filter = new SessionFilter(dates, tutor, client, student, subject, status, report, billing, text);
        return new SessionListState(filter, preset, sort, List.copyOf(notices));
    }

    /** @return the query string for this state (defaults left out, so the list as it opens has a plain URL) */
    QueryParameters toQueryParameters() {
        Map<String, String> values = new LinkedHashMap<>();
        if (preset != null) {
            if (preset != DEFAULT_PRESET) {
                values.put("preset", preset.key());
            }
        } else if (filter.dates().from() == null && filter.dates().to() == null) {
            values.put("preset", DateRange.Preset.ALL.key());
        } else {
            if (filter.dates().from() != null) {
                values.put("from", filter.dates().from().toString());
            }
            if (filter.dates().to() != null) {
                values.put("to", filter.dates().to().toString());
            }
        }
        putId(values, "tutor", filter.tutorId());
        putId(values, "client", filter.clientId());
        putId(values, "student", filter.studentId());
        putId(values, "subject", filter.subjectId());
        if (filter.status() != null) {
            values.put("status", key(filter.status()));
        }
        if (filter.report() != null) {
            values.put("report", key(filter.report()));
        }
        if (filter.billing() != null) {
            values.put("billing", key(filter.billing()));
        }
        if (filter.text() != null) {
            values.put("q", filter.text());
        }
        if (!sort.equals(SessionSort.NEWEST_FIRST)) {
            values.put("sort", sort.toUrlValue());
        }
        return QueryParameters.simple(values);
    }

    SessionListState with(SessionFilter newFilter, DateRange.Preset newPreset, SessionSort newSort) {
        return new SessionListState(newFilter, newPreset, newSort, List.of());
    }

    /** @return the URL form of an enum constant, e.g. "late-cancelled" */
    static String key(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static <E extends Enum<E>> E choice(Map<String, List<String>> params, String name, E[] values,
            List<String> notices) {
        String value = first(params, name);
        if (value == null) {
            return null;
        }
        for (E candidate : values) {
            if (key(candidate).equalsIgnoreCase(value.strip()) || candidate.name().equalsIgnoreCase(value.strip())) {
                return candidate;
            }
        }
        List<String> allowed = java.util.Arrays.stream(values).map(SessionListState::key).toList();
        notices.add("Ignored " + name + " \"" + value + "\": use one of " + String.join(", ", allowed) + ".");
        return null;
    }

    /** The dates a filter may name: what the database's date-times can hold, with a day to spare. */
    static final LocalDate EARLIEST_DATE = LocalDate.of(1000, 1, 2);
    static final LocalDate LATEST_DATE = LocalDate.of(9998, 12, 31);

    private static LocalDate date(Map<String, List<String>> params, String name, List<String> notices) {
        String value = first(params, name);
        if (value == null) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            notices.add("Ignored " + name + " date \"" + value + "\": write dates as YYYY-MM-DD.");
            return null;
        }
        // ISO dates go past year 9999, which the database cannot compare with (and LocalDate.MAX has no
        // next day to end a range at).
        if (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE)) {
            notices.add("Ignored " + name + " date \"" + value + "\": use a date from " + EARLIEST_DATE + " to "
                    + LATEST_DATE + ".");
            return null;
        }
        return date;
    }

    private static Long id(Map<String, List<String>> params, String name, List<String> notices) {
        String value = first(params, name);
        if (value == null) {
            return null;
        }
        try {
            long id = Long.parseLong(value.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // told below
        }
        notices.add("Ignored " + name + " \"" + value + "\": not a valid id.");
        return null;
    }

    private static void putId(Map<String, String> values, String name, Long id) {
        if (id != null) {
            values.put(name, id.toString());
        }
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() || values.getFirst().isBlank() ? null : values.getFirst();
    }
}
