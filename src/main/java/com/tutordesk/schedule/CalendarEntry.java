package com.tutordesk.schedule;

import com.tutordesk.session.BillingState;
import com.tutordesk.session.SessionStatus;
import java.time.Instant;

/**
 * One session as the calendar shows it: no amounts, no notes, no contact details.
 *
 * @param id          session id (its page is {@code /sessions/{id}})
 * @param version     session version when read (a move based on it is refused once someone changed it)
 * @param startsAt    start, UTC instant
 * @param endsAt      end, UTC instant
 * @param status      status as of the read (a scheduled session whose end has passed reads completed)
 * @param billing     billing state (an invoiced or paid session cannot be moved)
 * @param tutorId     tutor
 * @param tutorName   tutor's name
 * @param studentName student's name
 * @param subjectName subject
 */
public record CalendarEntry(long id, long version, Instant startsAt, Instant endsAt, SessionStatus status,
        BillingState billing, long tutorId, String tutorName, String studentName, String subjectName) {

    /**
     * @return whether the session can be moved (unbilled, or prepaid: it gives package minutes back or takes
     *         more, issue 17; domain.md "not when invoiced")
     */
    public boolean movable() {
        return billing == BillingState.UNBILLED || billing == BillingState.PREPAID;
    }

    /** @return whether it takes up the tutor's time (cancelled sessions do not; domain.md "Status") */
    public boolean occupies() {
        return !status.isCancelled();
    }
}
