package com.tutordesk.session;

import java.time.LocalDate;
import java.util.List;

/**
 * What a "this and following" change did to a series: the sessions it changed (with what an undo
 * needs) and those it left alone, with why — invoiced and paid sessions are never changed by a
 * series edit (domain.md "Schedule").
 *
 * @param changed the sessions changed, in series order
 * @param skipped the sessions left as they were, in series order
 */
public record SeriesChange(List<Rescheduled> changed, List<Skipped> skipped) {

    /**
     * A session a series change left alone.
     *
     * @param sessionId the session
     * @param date      its business-local date
     * @param reason    e.g. "it is on invoice INV-000123 — cancel invoice INV-000123 first"
     */
    public record Skipped(long sessionId, LocalDate date, String reason) {
    }
}
