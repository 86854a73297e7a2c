package com.tutordesk.billing;

import com.tutordesk.shared.InvalidFieldException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.Instant;

/**
 * Date rules of invoices, all in business-local dates (domain.md "Invoices", issue 7).
 */
public final class InvoiceDates {

    /** Furthest a due date or a scheduled send may lie ahead. */
    public static final int MAX_DAYS_AHEAD = 366;

    private InvoiceDates() {
    }

    /** @return the default due date: the issue date plus {@code dueDays} (domain.md: 14 days) */
    public static LocalDate defaultDueDate(LocalDate issueDate, int dueDays) {
        return issueDate.plusDays(dueDays);
    }

    /**
     * Checks the dates of a new invoice.
     *
     * @param today   business-local today
     * @param sendOn  the date of a scheduled send, or {@code null} when the invoice is issued today
     *                (sent now, or kept as a draft)
     * @param dueDate the due date
     * @throws InvalidFieldException naming the field ("dueDate", "sendOn"): a missing due date, a due
     *         date before the issue (send) date, a send date that is not after today, or either too far ahead
     */
    public static void check(LocalDate today, LocalDate sendOn, LocalDate dueDate) {
        if (dueDate == null) {
            throw new InvalidFieldException("dueDate", "Due date is required");
        }
        if (sendOn != null) {
            if (!sendOn.isAfter(today)) {
                throw new InvalidFieldException("sendOn", "Send date must be after today; choose Send now to send today");
            }
            if (sendOn.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
                throw new InvalidFieldException("sendOn", "Send date must be within a year");
            }
            if (dueDate.isBefore(sendOn)) {
                throw new InvalidFieldException("dueDate", "Due date must not be before the send date (" + sendOn + ")");
            }
        } else if (dueDate.isBefore(today)) {
            throw new InvalidFieldException("dueDate", "Due date must not be before the issue date (today, " + today + ")");
        }
        if (dueDate.isAfter(today.plusDays(2L * MAX_DAYS_AHEAD))) {
            throw new InvalidFieldException("dueDate", "Due date must be within two years");
        }
    }

    /**
     * @return the instant a scheduled send runs: {@code sendHour}:00 on {@code sendOn} in the
     *         business zone (a time in a DST gap moves forward, as the wall clock does)
     */
    public static Instant sendInstant(LocalDate sendOn, int sendHour, ZoneId zone) {
        return LocalDateTime.of(sendOn, LocalTime.of(sendHour, 0)).atZone(zone).toInstant();
    }

    /** @return whether an open invoice due on {@code dueDate} is overdue on {@code today} */
    public static boolean overdue(LocalDate dueDate, LocalDate today) {
        return dueDate.isBefore(today);
    }
}
