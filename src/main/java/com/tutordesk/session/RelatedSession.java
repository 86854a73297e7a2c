package com.tutordesk.session;

import java.time.Instant;

/**
 * A session as listed on a tutor's, client's or engagement's page. What the viewer may not see is
 * {@code null} (client amounts for tutors without Enhanced Access, domain.md "Roles").
 *
 * @param id                 session id
 * @param engagementId       its engagement
 * @param startsAt           start, UTC instant (show in the business zone)
 * @param endsAt             end, UTC instant
 * @param durationMinutes    duration in minutes
 * @param status             status as of now
 * @param billingState       billing state as people see it ({@link BillingState#of}) once read
 *                           through {@link #asOf}
 * @param tutorName          tutor
 * @param studentName        student
 * @param clientName         client
 * @param subjectName        subject
 * @param clientAmountMinor  what the client is charged (minor units), or {@code null} when hidden
 * @param tutorEarningsMinor what the tutor earns (minor units)
 */
public record RelatedSession(long id, long engagementId, Instant startsAt, Instant endsAt, int durationMinutes,
        SessionStatus status, BillingState billingState, String tutorName, String studentName, String clientName,
        String subjectName, Long clientAmountMinor, long tutorEarningsMinor) {

    RelatedSession asOf(Instant now, boolean showClientAmount) {
        SessionStatus statusNow = status.asOf(endsAt, now);
        return new RelatedSession(id, engagementId, startsAt, endsAt, durationMinutes, statusNow,
                BillingState.of(billingState, statusNow, clientAmountMinor == null ? 0 : clientAmountMinor), tutorName,
                studentName, clientName, subjectName,
                showClientAmount ? clientAmountMinor : null, tutorEarningsMinor);
    }
}
