package com.tutordesk.session;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * A range of business-local dates, both ends inclusive; either end may be open ({@code null}).
 *
 * @param from first day, or {@code null} for "from the beginning"
 * @param to   last day, or {@code null} for "without end"
 */
public record DateRange(LocalDate from, LocalDate to) {

    /** No limits. */
    public static final DateRange ALL = new DateRange(null, null);

    public DateRange {
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("The end date " + to + " is before the start date " + from);
        }
    }

    /**
     * The quick choices of the sessions list (weeks start on Monday). {@link #LAST_30_DAYS} is the
     * list's default: today (with its sessions still to come on top) and the 29 days before it.
     */
    public enum Preset {
        LAST_30_DAYS("last-30-days", "Last 30 days"),
        NEXT_30_DAYS("next-30-days", "Next 30 days"),
        THIS_WEEK("this-week", "This week"),
        LAST_WEEK("last-week", "Last week"),
        THIS_MONTH("this-month", "This month"),
        LAST_MONTH("last-month", "Last month"),
        ALL("all", "All dates");

        private final String key;
        private final String label;

        Preset(String key, String label) {
            this.key = key;
            this.label = label;
        }

        /** @return the URL value, e.g. "this-week" */
        public String key() {
            return key;
        }

        public String label() {
            return label;
        }

        /** @return the preset's dates as seen on {@code today} (business-local date) */
        public DateRange on(LocalDate today) {
            LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            return switch (this) {
                case LAST_30_DAYS -> new DateRange(today.minusDays(29), today);
                case NEXT_30_DAYS -> new DateRange(today, today.plusDays(30));
                case ALL -> DateRange.ALL;
                case THIS_WEEK -> new DateRange(monday, monday.plusDays(6));
                case LAST_WEEK -> new DateRange(monday.minusWeeks(1), monday.minusDays(1));
                case THIS_MONTH -> new DateRange(today.withDayOfMonth(1), today.with(TemporalAdjusters.lastDayOfMonth()));
                case LAST_MONTH -> {
                    LocalDate first = today.withDayOfMonth(1).minusMonths(1);
                    yield new DateRange(first, first.with(TemporalAdjusters.lastDayOfMonth()));
                }
            };
        }

        /** @return the preset with this URL key, or {@code null} */
        public static Preset byKey(String key) {
            for (Preset preset : values()) {
                if (preset.key.equals(key)) {
                    return preset;
                }
            }
            return null;
        }
    }
}
