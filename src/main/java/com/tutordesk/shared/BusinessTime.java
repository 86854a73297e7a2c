package com.tutordesk.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import java.util.Locale;

/**
 * Turns a wall-clock date and time entered in the business time zone into an instant, following
 * domain.md "Time": a local time that does not exist (spring-forward gap) is refused with a message
 * naming date, time and zone; an ambiguous one (fall-back overlap) takes the earlier offset and says
 * so.
 */
public final class BusinessTime {

    private BusinessTime() {
    }

    /**
     * A resolved start.
     *
     * @param start     the start in the zone, with the offset chosen
     * @param ambiguous whether the wall-clock time happens twice that day (the earlier one was taken)
     */
    public record Resolved(ZonedDateTime start, boolean ambiguous) {

        public Instant instant() {
            return start.toInstant();
        }

        public ZoneOffset offset() {
            return start.getOffset();
        }
    }

    /**
     * @param locale used to write the date and time in messages
     * @return the start; when the time happens twice, the earlier offset
     * @throws RuleViolationException when the time does not exist on that date in that zone
     */
    public static Resolved resolve(LocalDate date, LocalTime time, ZoneId zone, Locale locale) {
        LocalDateTime local = LocalDateTime.of(date, time);
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        if (offsets.isEmpty()) {
            ZoneOffsetTransition gap = zone.getRules().getTransition(local);
            throw new RuleViolationException(describe(date, time, locale) + " does not exist in " + zone.getId()
                    + ": clocks jump from " + formatTime(gap.getDateTimeBefore().toLocalTime(), locale) + " to "
                    + formatTime(gap.getDateTimeAfter().toLocalTime(), locale) + " that day. Choose another time.");
        }
        ZonedDateTime start = ZonedDateTime.ofLocal(local, zone, offsets.size() > 1 ? offsetBefore(offsets)
                : offsets.getFirst());
        return new Resolved(start, offsets.size() > 1);
    }

    /**
     * As {@link #resolve(LocalDate, LocalTime, ZoneId, Locale)}, for changing a start that is already
     * recorded: when the time happens twice and is the wall-clock time of {@code current}, the offset
     * of {@code current} is kept, so that saving an edit that leaves the time alone never moves a
     * session at the second 1:30 AM of a fall-back night to the first one.
     *
     * @param current the start recorded so far, or {@code null}
     * @throws RuleViolationException when the time does not exist on that date in that zone
     */
    public static Resolved resolve(LocalDate date, LocalTime time, ZoneId zone, Locale locale, Instant current) {
        Resolved resolved = resolve(date, time, zone, locale);
        if (resolved.ambiguous() && current != null) {
            ZonedDateTime recorded = current.atZone(zone);
            if (recorded.toLocalDateTime().equals(resolved.start().toLocalDateTime())) {
                return new Resolved(recorded, true);
            }
        }
        return resolved;
    }

    /**
     * @return e.g. "1:30 AM on Nov 1, 2026 happens twice in America/New_York; the first one
     *         (UTC−04:00) was taken"
     */
    public static String ambiguityNote(Resolved resolved, Locale locale) {
        boolean first = resolved.offset().equals(offsetBefore(resolved.start().getZone().getRules()
                .getValidOffsets(resolved.start().toLocalDateTime())));
        return describe(resolved.start().toLocalDate(), resolved.start().toLocalTime(), locale) + " happens twice in "
                + resolved.start().getZone().getId() + " (clocks go back that night); the " + (first ? "first" : "second")
                + " one, at UTC" + resolved.offset().getId().replace("Z", "+00:00") + ", was taken.";
    }

    private static ZoneOffset offsetBefore(List<ZoneOffset> offsets) {
        // Of two valid offsets the larger one (e.g. −04:00 over −05:00) maps to the earlier instant.
        return offsets.get(0).getTotalSeconds() > offsets.get(1).getTotalSeconds() ? offsets.get(0) : offsets.get(1);
    }

    private static String describe(LocalDate date, LocalTime time, Locale locale) {
        return formatTime(time, locale) + " on " + date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(locale));
    }

    private static String formatTime(LocalTime time, Locale locale) {
        return time.format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale));
    }
}
