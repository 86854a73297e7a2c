package com.tutordesk.mail;

/**
 * Where an outgoing email is on its way out.
 *
 * <pre>
 * PENDING ──► SENDING ──► SENT
 *    ▲           │
 *    │           ├──► RETRYING ──► SENDING … (exponential back-off)
 *    │           └──► FAILED (after the last attempt, or a message the server can never take)
 *    └── admin "Retry now" (from HELD, RETRYING, FAILED)
 * PENDING/RETRYING ──► HELD while no mail server is configured; HELD is sent once one is.
 * PENDING/RETRYING/HELD/FAILED ──► WITHDRAWN (its reason no longer holds, or an admin discarded it)
 * </pre>
 */
public enum MailState {
    /** Committed and waiting for the next delivery pass. */
    PENDING("Pending"),
    /** Claimed by a delivery pass, which is talking to the mail server now. */
    SENDING("Sending"),
    /** Accepted by the mail server. */
    SENT("Sent"),
    /** An attempt failed (e.g. mail server unreachable); the next one is due at its next-attempt time. */
    RETRYING("Retrying"),
    /** No mail server is configured; sent once one is (after a restart) or on "Retry now". */
    HELD("Held"),
    /** Given up; only an admin's "Retry now" sends it again. */
    FAILED("Failed"),
    /**
     * Never to be sent (issue 12): what it said no longer holds (e.g. "withdrawn: invoice cancelled"
     * for a payment request) or an admin discarded it. Final.
     */
    WITHDRAWN("Withdrawn");

    private final String label;

    MailState(String label) {
        this.label = label;
    }

    /** @return a short label for people, e.g. "Retrying" */
    public String label() {
        return label;
    }

    /** @return whether an admin may ask for this message to be sent again now */
    public boolean retryable() {
        return this == HELD || this == FAILED || this == RETRYING;
    }

    /** @return whether the message may still be withdrawn or discarded: it is not sent and nobody is sending it */
    public boolean withdrawable() {
        return this == PENDING || this == HELD || this == FAILED || this == RETRYING;
    }
}
