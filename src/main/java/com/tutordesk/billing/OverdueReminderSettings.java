package com.tutordesk.billing;

/**
 * Overdue reminders (domain.md "Billing runs and reminders"): on or off, and how many days after the
 * due date the first one goes; then every {@value #EVERY_DAYS} days, at most {@value #MAX_REMINDERS}.
 *
 * @param enabled        whether reminders go out
 * @param firstAfterDays days after the due date, {@value #MIN_DAYS}–{@value #MAX_DAYS} (default 3)
 * @param version        the settings row's version (a save based on an older one is refused)
 */
public record OverdueReminderSettings(boolean enabled, int firstAfterDays, long version) {

    public static final int MIN_DAYS = 1;
    public static final int MAX_DAYS = 60;
    /** Days between two reminders of one invoice. */
    public static final int EVERY_DAYS = 7;
    /** Reminders per invoice at most. */
    public static final int MAX_REMINDERS = 3;
}
