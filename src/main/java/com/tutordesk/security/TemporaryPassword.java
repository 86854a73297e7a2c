package com.tutordesk.security;

/**
 * A password the app made up for a login (invite or reset). It is shown once to the admin, who
 * passes it on; the login must replace it at its next sign-in. It is never stored in clear.
 *
 * @param userId   the login
 * @param email    its sign-in email
 * @param password the temporary password, in clear, for showing once
 */
public record TemporaryPassword(long userId, String email, String password) {

    @Override
    public String toString() {
        return "TemporaryPassword[userId=" + userId + ", email=" + email + "]";
    }
}
