package com.tutordesk.settings;

import com.tutordesk.shared.Money;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * An immutable snapshot of the business settings, with the formatting every view uses so that
 * times appear in the business time zone and locale (12-hour with AM/PM for en-US, 24-hour for
 * most others) and money in the business currency.
 *
 * @param name                 business name, shown in the shell and as email sender
 * @param zone                 IANA time zone in which session times are entered and shown
 * @param currency             ISO 4217 currency of all rates and amounts
 * @param locale               drives date, time and number formats
 * @param lateCancellation     late-cancellation policy
 * @param tutorsEnhancedAccess default Enhanced Access for tutors without their own setting
 * @param emailSenderName      name emails are sent from (defaults to the business name)
 * @param address              postal address printed on invoices; may be empty
 */
public record BusinessProfile(String name, ZoneId zone, Currency currency, Locale locale,
        LateCancellationPolicy lateCancellation, boolean tutorsEnhancedAccess, String emailSenderName,
        String address) {

    public BusinessProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(lateCancellation, "lateCancellation");
        emailSenderName = emailSenderName == null || emailSenderName.isBlank() ? name : emailSenderName;
        address = address == null ? "" : address;
    }

    /** @return a copy with the four basic settings replaced (the Settings page edits these) */
    public BusinessProfile withBasics(String newName, ZoneId newZone, Currency newCurrency, Locale newLocale) {
        return new BusinessProfile(newName, newZone, newCurrency, newLocale, lateCancellation,
                tutorsEnhancedAccess, emailSenderName.equals(name) ? newName : emailSenderName, address);
    }

    /** @return a copy with the tutors' Enhanced Access default replaced */
    public BusinessProfile withTutorsEnhancedAccess(boolean enhancedAccess) {
        return new BusinessProfile(name, zone, currency, locale, lateCancellation, enhancedAccess, emailSenderName,
                address);
    }

    /** @return today's date in the business time zone */
    public LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(zone));
    }

    /** @return the instant seen on the business's wall clock */
    public ZonedDateTime local(Instant instant) {
        return instant.atZone(zone);
    }

    /** @return whether the locale writes times with AM/PM */
    public boolean uses12HourClock() {
        String pattern = java.time.format.DateTimeFormatterBuilder.getLocalizedDateTimePattern(
                null, FormatStyle.SHORT, java.time.chrono.IsoChronology.INSTANCE, locale);
        return pattern.contains("a") || pattern.contains("B");
    }

    /** @return e.g. "Nov 29, 2026" for en-US */
    public String formatDate(LocalDate date) {
        return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
    }

    /** @return e.g. "Sun, Nov 29" (weekday and short date) for lists grouped by day */
    public String formatDayHeading(LocalDate date) {
        return date.format(DateTimeFormatter.ofPattern("EEE, MMM d", locale));
    }

    /** @return the local time of {@code instant}, e.g. "4:30 PM" (en-US) or "16:30" (en-GB) */
    public String formatTime(Instant instant) {
        return local(instant).format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale));
    }

    /** @return the local date and time of {@code instant}, e.g. "Nov 29, 2026, 4:30 PM" */
    public String formatDateTime(Instant instant) {
        return local(instant).format(
                DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale));
    }

    /** @return minor units in the business currency, formatted for the locale, e.g. "$37.50" */
    public String formatMoney(long minor) {
        return new Money(minor, currency).format(locale);
    }

    /** @return a duration as "45 min", "1 h", or "1 h 15 min" (never rounded decimal hours) */
    public static String formatDuration(int minutes) {
        int hours = minutes / 60;
        int rest = minutes % 60;
        if (hours == 0) {
            return rest + " min";
        }
        return rest == 0 ? hours + " h" : hours + " h " + rest + " min";
    }
}
