package com.tutordesk.shared;

import java.time.LocalTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a time of day as a person types it ("4:30 PM", "4:30 p.m.", "430pm", "1630", "4 PM", "noon")
 * into a {@link LocalTime}. The one parser of typed times in the application (issue 12): the browser's
 * own time picker guessed ("1:30 p.m." became 1:30 AM, "25:00" became 1:00 AM), so every time field
 * hands its text to this class on the server.
 *
 * <p>Rules — text that is not read completely is refused, never guessed:
 * <ul>
 * <li>AM/PM in any case, with or without dots or a space, or just "a"/"p": "1:30 p.m.", "1:30P",
 *     "130pm". With AM/PM the hour is 1–12 (12 AM is midnight, 12 PM is noon); "13:30 pm" and
 *     "0:30 am" are refused.</li>
 * <li>Without AM/PM the hour is read as 24-hour time (0–23): "16:30", "1630", "0:30", "00:00". In a
 *     locale that writes times with AM/PM ({@code twelveHourClock}) an hour of 1–12 without AM/PM is
 *     refused as ambiguous ("4:30": AM or PM?) rather than taken as AM, unless a leading zero marks it
 *     as 24-hour time ("04:30", "0930").</li>
 * <li>Minutes are two digits after ":", "." or "h" ("1:3" and "1:300" are refused); 3 or 4 digits
 *     without a separator are hours and minutes ("430", "1630"); 1 or 2 digits are whole hours.
 *     Seconds, when given, must be ":00". Hours stop at 23 and minutes at 59: nothing wraps past
 *     midnight ("25:00" and "24:00" are refused).</li>
 * <li>"noon" and "midnight" (also "12 noon", "12 midnight") are 12:00 and 00:00.</li>
 * </ul>
 */
public final class TimeOfDayParser {

    /** "4", "16", "430", "1630", "4:30", "4.30", "16h30", "4:30:00" — hours, optional minutes, optional ":00". */
    private static final Pattern CLOCK = Pattern.compile("(\\d{1,4})(?:([:.h])(\\d*)(?::(\\d+))?)?");
    /** The AM/PM marker at the end, in any of its spellings. */
    private static final Pattern MERIDIEM = Pattern.compile("^(.*?)\\s*([ap])\\.?\\s*(?:m\\.?)?$");

    private TimeOfDayParser() {
    }

    /** A text that is not a time of day; the message says why and what to type instead. */
    public static final class UnreadableTimeException extends IllegalArgumentException {
        UnreadableTimeException(String message) {
            super(message);
        }
    }

    /**
     * @param text            what the person typed
     * @param twelveHourClock whether the business locale writes times with AM/PM (then an hour of
     *                        1–12 needs AM or PM)
     * @return the time, or {@code null} when the text is blank (the caller decides whether that is allowed)
     * @throws UnreadableTimeException when the text is not completely a time of day; the message quotes
     *         the text and gives an example to type, e.g. {@code "25:00" is not a time of day: hours
     *         go from 0 to 23. Type a time like 4:30 PM}
     */
    public static LocalTime parse(String text, boolean twelveHourClock) {
        // \h also covers the no-break spaces (U+00A0, U+202F) that formatters put before AM/PM.
        String typed = text == null ? "" : text.replaceAll("[\\h\\s]+", " ").strip();
        if (typed.isEmpty()) {
            return null;
        }
        String clean = typed.toLowerCase(Locale.ROOT);
        switch (clean) {
            case "noon", "12 noon", "midday" -> {
                return LocalTime.NOON;
            }
            case "midnight", "12 midnight" -> {
                return LocalTime.MIDNIGHT;
            }
            default -> {
                // read below
            }
        }
        Boolean pm = null;
        Matcher meridiem = MERIDIEM.matcher(clean);
        if (meridiem.matches() && !meridiem.group(1).isEmpty() && Character.isDigit(
                meridiem.group(1).charAt(meridiem.group(1).length() - 1))) {
            pm = meridiem.group(2).equals("p");
            clean = meridiem.group(1);
        }
        Matcher clock = CLOCK.matcher(clean);
        if (!clock.matches()) {
            throw unreadable(typed, "it is not a time of day", twelveHourClock);
        }
        String digits = clock.group(1);
        String separator = clock.group(2);
        int hour;
        int minute;
        // "04:30", "0430", "00:00": a leading zero is how 24-hour times are written.
        boolean leadingZero = digits.length() % 2 == 0 && digits.charAt(0) == '0';
        if (separator == null) {
            if (digits.length() <= 2) {
                hour = Integer.parseInt(digits);
                minute = 0;
            } else {
                hour = Integer.parseInt(digits.substring(0, digits.length() - 2));
                minute = Integer.parseInt(digits.substring(digits.length() - 2));
            }
        } else {
            if (digits.length() > 2) {
                throw unreadable(typed, "the hour has more than two digits", twelveHourClock);
            }
            String minutes = clock.group(3);
            String seconds = clock.group(4);
            if (minutes.isEmpty() && separator.equals("h") && seconds == null) {
                minutes = "00";
            }
            if (minutes.length() != 2) {
                throw unreadable(typed, "write the minutes with two digits (like " + digits + ":05 or "
                        + digits + ":30)", twelveHourClock);
            }
            if (seconds != null && !seconds.equals("00")) {
                throw unreadable(typed, "sessions start on a whole minute", twelveHourClock);
            }
            hour = Integer.parseInt(digits);
            minute = Integer.parseInt(minutes);
        }
        if (minute > 59) {
            throw unreadable(typed, "minutes go from 00 to 59", twelveHourClock);
        }
        if (pm != null) {
            if (hour < 1 || hour > 12) {
                throw unreadable(typed, hour > 12 ? hour + " is a 24-hour time: drop the " + (pm ? "PM" : "AM")
                        + " or write " + (hour - 12) + ":" + two(minute) + " PM" : "with AM or PM the hour goes from 1"
                        + " to 12 (12:30 AM is half past midnight)", twelveHourClock);
            }
            return LocalTime.of(hour % 12 + (pm ? 12 : 0), minute);
        }
        if (hour > 23) {
            throw unreadable(typed, "hours go from 0 to 23", twelveHourClock);
        }
        if (twelveHourClock && hour >= 1 && hour <= 12 && !leadingZero) {
            throw new UnreadableTimeException("\"" + typed + "\" needs AM or PM: " + hour + ":" + two(minute)
                    + " AM or " + hour + ":" + two(minute) + " PM?");
        }
        return LocalTime.of(hour, minute);
    }

    /** @return an example of a time to type: "4:30 PM", or "16:30" on a 24-hour clock */
    public static String example(boolean twelveHourClock) {
        return twelveHourClock ? "4:30 PM" : "16:30";
    }

    private static UnreadableTimeException unreadable(String typed, String why, boolean twelveHourClock) {
        return new UnreadableTimeException("\"" + typed + "\" is not a time of day: " + why + ". Type a time like "
                + example(twelveHourClock) + ".");
    }

    private static String two(int minute) {
        return minute < 10 ? "0" + minute : String.valueOf(minute);
    }
}
