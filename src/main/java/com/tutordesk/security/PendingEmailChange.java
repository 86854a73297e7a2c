package com.tutordesk.security;

import java.time.Instant;

/**
 * A change of one's sign-in email waiting for its code.
 *
 * @param newEmail  the address the code was sent to
 * @param expiresAt when the code stops working (UTC)
 * @param delivery  what happened to the email with the code, when it was just requested; {@code null}
 *                  when read back later
 */
public record PendingEmailChange(String newEmail, Instant expiresAt, AccountEmails.Delivery delivery) {
}
