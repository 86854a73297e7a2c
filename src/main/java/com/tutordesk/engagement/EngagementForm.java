package com.tutordesk.engagement;

/**
 * A new engagement (domain.md "Engagement").
 *
 * @param tutorId                the tutor (a tutor with Enhanced Access: themself)
 * @param studentId              the student (and so the client)
 * @param subjectId              the subject (active)
 * @param clientRateMinor        client rate per hour, minor units of the business currency, 0–{@link Engagement#MAX_RATE_MINOR}
 * @param tutorWageMinor         tutor wage per hour, minor units, 0–{@link Engagement#MAX_RATE_MINOR}
 * @param defaultDurationMinutes default session length, {@link Engagement#MIN_DURATION_MINUTES}–{@link Engagement#MAX_DURATION_MINUTES}
 */
public record EngagementForm(Long tutorId, Long studentId, Long subjectId, Long clientRateMinor,
        Long tutorWageMinor, Integer defaultDurationMinutes) {
}
