package com.tutordesk.security;

/**
 * Proof that a family confirmed a new email through the link sent to it (issue 18): only
 * {@link ClientSignInEmailService#confirm} makes one, after it has changed the portal login's
 * sign-in email, so a method that takes one (the people module's, which changes the billing email
 * to match) cannot be called without that confirmation.
 */
public final class ConfirmedEmailChange {

    private final long clientId;
    private final String oldSignInEmail;
    private final String newEmail;

    ConfirmedEmailChange(long clientId, String oldSignInEmail, String newEmail) {
        this.clientId = clientId;
        this.oldSignInEmail = oldSignInEmail;
        this.newEmail = newEmail;
    }

    /** @return the client whose login changed */
    public long clientId() {
        return clientId;
    }

    /** @return the address the login signed in with until now (stripped, lower case) */
    public String oldSignInEmail() {
        return oldSignInEmail;
    }

    /** @return the confirmed address, now the login's sign-in email (stripped, lower case) */
    public String newEmail() {
        return newEmail;
    }
}
