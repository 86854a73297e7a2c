package com.tutordesk.security;

import java.time.Instant;

/**
 * A login as the office sees it (never its password hash).
 *
 * @param userId             login id
 * @param email              sign-in email
 * @param displayName        name shown in the app
 * @param role               ADMIN or TUTOR
 * @param tutorId            linked tutor for TUTOR logins, else {@code null}
 * @param enabled            whether it may sign in
 * @param mustChangePassword whether it still has a temporary password
 * @param createdAt          when it was created (UTC)
 * @param lastLoginAt        last successful sign-in (UTC), or {@code null} if never
 */
public record LoginSummary(long userId, String email, String displayName, Role role, Long tutorId, boolean enabled,
        boolean mustChangePassword, Instant createdAt, Instant lastLoginAt) {
}
