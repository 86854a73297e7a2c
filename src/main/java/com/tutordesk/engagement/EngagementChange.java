package com.tutordesk.engagement;

/**
 * New rates and default length for an existing engagement (minor units per hour; minutes).
 * A tutor with Enhanced Access must send the wage unchanged (domain.md: they cannot change the
 * tutor wage after creation).
 */
public record EngagementChange(Long clientRateMinor, Long tutorWageMinor, Integer defaultDurationMinutes) {
}
