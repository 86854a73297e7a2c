package com.tutordesk.session;

import java.time.LocalDate;

/**
 * One date of a weekly repeat, previewed before scheduling.
 *
 * @param date    business-local date
 * @param preview what would be recorded, or {@code null} when the time does not exist that day
 * @param problem why the date cannot be scheduled (e.g. a DST gap), or {@code null}
 */
public record WeeklyOccurrence(LocalDate date, LoggingPreview preview, String problem) {

    /** @return whether the date overlaps another session (the person may skip it) */
    public boolean conflicts() {
        return preview != null && !preview.conflicts().isEmpty();
    }

    /** @return whether the date can be scheduled at all */
    public boolean schedulable() {
        return problem == null;
    }
}
