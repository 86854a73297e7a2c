package com.tutordesk.session;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A session moved to another date or time (the calendar's drag and drop, or Reschedule), with what
 * an undo needs: the business-local date and time it had before, and its version now.
 *
 * @param sessionId the session
 * @param fromDate  business-local date before the move
 * @param fromTime  business-local start time before the move
 * @param toDate    business-local date after the move
 * @param toTime    business-local start time after the move
 * @param version   the session's version after the move (the undo's seen version)
 */
public record Rescheduled(long sessionId, LocalDate fromDate, LocalTime fromTime, LocalDate toDate, LocalTime toTime,
        long version) {
}
