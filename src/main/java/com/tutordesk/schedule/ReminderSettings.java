package com.tutordesk.schedule;

/**
 * Reminders to families (domain.md "Schedule"): on or off, and how long before a scheduled session.
 *
 * @param enabled     whether reminders go out
 * @param hoursBefore hours before the start, {@value #MIN_HOURS}–{@value #MAX_HOURS} (default 24)
 * @param version     the settings row's version (a save based on an older one is refused)
 */
public record ReminderSettings(boolean enabled, int hoursBefore, long version) {

    public static final int MIN_HOURS = 1;
    /** A week: longer ahead a reminder is no reminder. */
    public static final int MAX_HOURS = 168;
}
