package com.tutordesk.session;

import java.time.Instant;

/**
 * A session as billing sees it: what an invoice line copies (names, duration, the stored rate and
 * client amount — never recomputed) and what decides whether it may be billed.
 *
 * @param id                session id
 * @param clientId          client the session is billed to
 * @param tutorId           tutor who gave it
 * @param startsAt          start, UTC instant
 * @param endsAt            end, UTC instant
 * @param durationMinutes   duration in minutes; for a session prepaid packages cover in part, the minutes
 *                          left to bill (so that the line multiplies out to its amount)
 * @param status            status as of now (a scheduled session whose end has passed is completed)
 * @param billingState      billing state
 * @param studentName       student
 * @param subjectName       subject
 * @param tutorName         tutor
 * @param clientRateMinor   client rate per hour copied at logging, minor units
 * @param clientAmountMinor what is left to invoice: the client amount as stored on the session less the
 *                          part prepaid packages cover (issue 17), minor units
 * @param currency          ISO 4217 currency of the amounts
 */
public record BillableSession(long id, long clientId, long tutorId, Instant startsAt, Instant endsAt,
        int durationMinutes, SessionStatus status, BillingState billingState, String studentName, String subjectName,
        String tutorName, long clientRateMinor, long clientAmountMinor, String currency) {

    /**
     * Billable: {@link BillingState#UNBILLED} by the one rule ({@link BillingState#of}) — completed
     * (including scheduled sessions whose end has passed) or late-cancelled, with a client amount above
     * zero, and not yet on an invoice.
     */
    public boolean billable() {
        return BillingState.of(billingState, status, clientAmountMinor) == BillingState.UNBILLED;
    }

    BillableSession asOf(Instant now) {
        return new BillableSession(id, clientId, tutorId, startsAt, endsAt, durationMinutes, status.asOf(endsAt, now),
                billingState, studentName, subjectName, tutorName, clientRateMinor, clientAmountMinor, currency);
    }
}
