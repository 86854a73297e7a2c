package com.tutordesk.payroll;

import com.tutordesk.settings.BusinessProfile;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * One pay period: business-local dates, both inclusive (domain.md "Payroll"). A session belongs to
 * the period its start falls in, read in the business zone: from {@link #from} (midnight starting
 * {@code start}) to {@link #to} (midnight ending {@code end}), so a session at 11:30 PM on the last
 * day is in it, and the period is as long in hours as its days are (23 or 25 hours on DST days).
 *
 * @param start first day
 * @param end   last day (not before {@code start})
 */
public record PayPeriod(LocalDate start, LocalDate end) {

    public PayPeriod {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("A pay period ends on or after its first day: " + start + " – " + end);
        }
    }

    /** @return the first instant of the period in {@code zone} (inclusive) */
    public Instant from(ZoneId zone) {
        return start.atStartOfDay(zone).toInstant();
    }

    /** @return the first instant after the period in {@code zone} (exclusive) */
    public Instant to(ZoneId zone) {
        return end.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** @return whether {@code date} is one of the period's days */
    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }

    /** @return whether the two periods share a day */
    public boolean overlaps(PayPeriod other) {
        return !other.end.isBefore(start) && !other.start.isAfter(end);
    }

    /** @return whether the period is over on {@code today} (business-local date) */
    public boolean hasEndedBy(LocalDate today) {
        return today.isAfter(end);
    }

    /** @return e.g. "Nov 16, 2026 – Nov 30, 2026" in the business locale */
    public String label(BusinessProfile profile) {
        return profile.formatDate(start) + " – " + profile.formatDate(end);
    }

    /** @return the number of days in the period */
    public long days() {
        return java.time.temporal.ChronoUnit.DAYS.between(start, end) + 1;
    }
}
