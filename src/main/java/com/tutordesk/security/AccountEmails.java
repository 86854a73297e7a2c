package com.tutordesk.security;

/**
 * The emails about a person's own login. Implemented by the mail module (which may depend on
 * security, not the other way round); each method puts one email in the outbox inside the caller's
 * transaction, so it is sent iff the change commits.
 */
public interface AccountEmails {

    /** What happened to an email right after it was handed over. */
    enum Delivery {
        /** In the outbox, to be sent within seconds. */
        QUEUED,
        /** In the outbox, held: no mail server is configured. */
        HELD
    }

    /**
     * Sends the code that confirms a new sign-in email to that address.
     *
     * @param userId       the login (the email's reference)
     * @param to           the new address
     * @param displayName  the login's name, to greet
     * @param code         the six-digit code
     * @param validMinutes how long the code is valid, in minutes
     */
    Delivery sendEmailChangeCode(long userId, String to, String displayName, String code, long validMinutes);

    /**
     * Tells the owner of an address that someone asked to use it for another login, which was not
     * done because it already signs in to one (the person who asked is not told which it was).
     */
    Delivery sendAddressAlreadyUsed(long userId, String to, String displayName);

    /** Tells the old address that the login's sign-in email changed, and to which. */
    void sendEmailChanged(long userId, String oldAddress, String displayName, String newAddress);
}
