package com.tutordesk.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The hours of one or more business-local days as calendar rows, DST included (domain.md "Schedule":
 * DST days are 23 or 25 hours long). Each day is cut into real hours from its local midnight; an hour
 * is the row of its wall-clock hour, and the second 1 AM of a fall-back night is a row of its own.
 * Several days share the union of their rows, so that the days of a week line up by wall-clock time:
 * in a week with a fall-back night every day has a second "1 AM" row, which exists only on that
 * night; in a week with a spring-forward night the "2 AM" row does not exist on that day.
 *
 * <p>A session is placed by its own instant: the position of an instant is its row plus the fraction
 * of the hour since that row began, so a 1:30 AM session at UTC−4 and one at UTC−5 on the same
 * night sit an hour apart.
 */
public final class TimeAxis {

    /**
     * A row: a wall-clock hour and which time it is that day (0, or 1 for the repeated hour of a
     * fall-back night).
     */
    public record Row(int hour, int occurrence) implements Comparable<Row> {

        @Override
        public int compareTo(Row other) {
            return hour != other.hour ? Integer.compare(hour, other.hour) : Integer.compare(occurrence, other.occurrence);
        }
    }

    /** One real hour of a day: its row, its start and end (UTC instants) and its UTC offset. */
    public record Hour(Row row, Instant start, Instant end, ZoneOffset offset) {

        boolean contains(Instant instant) {
            return !instant.isBefore(start) && instant.isBefore(end);
        }
    }

    private final ZoneId zone;
    private final List<Row> rows;
    private final Map<LocalDate, List<Hour>> days;

    private TimeAxis(ZoneId zone, List<Row> rows, Map<LocalDate, List<Hour>> days) {
        this.zone = zone;
        this.rows = rows;
        this.days = days;
    }

    /** @return the rows of these business-local days in {@code zone} */
    public static TimeAxis of(List<LocalDate> dates, ZoneId zone) {
        Map<LocalDate, List<Hour>> days = new LinkedHashMap<>();
        TreeSet<Row> rows = new TreeSet<>();
        for (LocalDate date : dates) {
            List<Hour> hours = hours(date, zone);
            days.put(date, hours);
            hours.forEach(hour -> rows.add(hour.row()));
        }
        return new TimeAxis(zone, List.copyOf(rows), days);
    }

    /** @return the real hours of {@code date} in {@code zone}: 23, 24 or 25 of them */
    public static List<Hour> hours(LocalDate date, ZoneId zone) {
        ZonedDateTime start = date.atStartOfDay(zone);
        Instant end = date.plusDays(1).atStartOfDay(zone).toInstant();
        List<Hour> hours = new ArrayList<>();
        Map<Integer, Integer> seen = new LinkedHashMap<>();
        for (Instant t = start.toInstant(); t.isBefore(end); t = t.plus(Duration.ofHours(1))) {
            ZonedDateTime local = t.atZone(zone);
            int hour = local.getHour();
            int occurrence = seen.merge(hour, 1, Integer::sum) - 1;
            Instant next = t.plus(Duration.ofHours(1));
            hours.add(new Hour(new Row(hour, occurrence), t, next.isAfter(end) ? end : next, local.getOffset()));
        }
        return hours;
    }

    public ZoneId zone() {
        return zone;
    }

    /** @return the rows, in wall-clock order */
    public List<Row> rows() {
        return rows;
    }

    /** @return the real hours of one of the axis's days */
    public List<Hour> hoursOf(LocalDate date) {
        List<Hour> hours = days.get(date);
        if (hours == null) {
            throw new IllegalArgumentException(date + " is not a day of this axis");
        }
        return hours;
    }

    /** @return whether {@code row} is an hour that exists on {@code date} */
    public boolean exists(LocalDate date, Row row) {
        return hoursOf(date).stream().anyMatch(hour -> hour.row().equals(row));
    }

    /**
     * @return where {@code instant} is on {@code date}, in rows from the top (fractional): clamped to
     *         the day (0 before its midnight, the row after its last hour at or after its end)
     */
    public double position(LocalDate date, Instant instant) {
        List<Hour> hours = hoursOf(date);
        if (!instant.isAfter(hours.getFirst().start())) {
            return rows.indexOf(hours.getFirst().row());
        }
        for (Hour hour : hours) {
            if (hour.contains(instant)) {
                return rows.indexOf(hour.row())
                        + Duration.between(hour.start(), instant).toSeconds() / 3600.0;
            }
        }
        return rows.indexOf(hours.getLast().row()) + 1;
    }

    /**
     * @param position rows from the top (fractional), e.g. from where a person clicked or dropped
     * @param snapMinutes round the time within the hour to this many minutes (e.g. 15)
     * @return the instant at that place on {@code date}, or empty where the hour does not exist that
     *         day (the "2 AM" row of a spring-forward day) or outside the rows
     */
    public Optional<Instant> instantAt(LocalDate date, double position, int snapMinutes) {
        if (position < 0) {
            return Optional.empty();
        }
        int index = (int) Math.floor(position);
        int minutes = (int) Math.round((position - index) * 60 / snapMinutes) * snapMinutes;
        if (minutes >= 60) {
            index++;
            minutes = 0;
        }
        if (index >= rows.size()) {
            return Optional.empty();
        }
        Row row = rows.get(index);
        int inHour = minutes;
        return hoursOf(date).stream().filter(hour -> hour.row().equals(row)).findFirst()
                .map(hour -> hour.start().plus(Duration.ofMinutes(inHour)));
    }

    /** @return the business-local date and time of {@code instant} */
    public LocalDateTime local(Instant instant) {
        return instant.atZone(zone).toLocalDateTime();
    }
}
