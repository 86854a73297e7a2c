package com.tutordesk.settings;

import java.time.DayOfWeek;
import java.time.ZoneId;

/**
 * Published by {@link SettingsService} inside the transaction that changes the business time zone or
 * the first day of its week (through the locale), after the settings row is written (and so locked):
 * listeners that keep figures by business-local date or week rebuild them in that same transaction, so
 * that no session write lands between the change and the rebuild.
 *
 * @param zone           the new business time zone
 * @param firstDayOfWeek the new first day of the business week
 */
public record BusinessCalendarChanged(ZoneId zone, DayOfWeek firstDayOfWeek) {
}
