package com.tutordesk.mail;

import java.time.Instant;
import java.util.List;

/**
 * An outbox message as other modules and the outbox page see it (no bodies).
 *
 * @param id            outbox message id
 * @param reference     the record the email is about
 * @param recipients    recipient addresses
 * @param subject       subject line
 * @param state         where the message is
 * @param attempts      sending attempts so far (since the last "Retry now")
 * @param lastError     why the last attempt failed or the message is held; {@code null} when none
 * @param nextAttemptAt when a PENDING/RETRYING message is due (UTC)
 * @param createdAt     when it was enqueued (UTC; the commit of the business change)
 * @param sentAt        when the mail server accepted it (UTC), {@code null} unless SENT
 */
public record OutboxMessage(long id, MailReference reference, List<String> recipients, String subject,
        MailState state, int attempts, String lastError, Instant nextAttemptAt, Instant createdAt, Instant sentAt) {

    /** The reason shown for a held message (issue 5: "held: no mail server configured"). */
    public static final String HELD_NO_MAIL_SERVER = "held: no mail server configured";

    /**
     * @return what happened to an email just put in the outbox, for a toast or a history line (issue 12:
     *         never "sent" before it was): "queued for ann@example.org", or "held: no mail server
     *         configured (for ann@example.org)"
     */
    public String queuedText() {
        String to = String.join(", ", recipients);
        return switch (state) {
            case HELD -> reason() + " (for " + to + ")";
            case SENT -> "sent to " + to;
            case WITHDRAWN -> reason() + " (was for " + to + ")";
            default -> "queued for " + to;
        };
    }

    /**
     * @return a short explanation of the state for people, without times (views add them in the
     *         business zone): e.g. "held: no mail server configured", "Not sent yet: Connection
     *         refused — will retry", "Gave up after 10 attempts: …"; empty for SENT
     */
    public String reason() {
        return switch (state) {
            case PENDING -> "Waiting to be sent";
            case SENDING -> "Sending…";
            case SENT -> "";
            case RETRYING -> "Not sent yet: " + (lastError == null ? "mail server unreachable" : lastError)
                    + " — will retry";
            case HELD -> lastError == null ? HELD_NO_MAIL_SERVER : lastError;
            case FAILED -> "Gave up after " + attempts + (attempts == 1 ? " attempt" : " attempts")
                    + (lastError == null ? "" : ": " + lastError);
            case WITHDRAWN -> lastError == null ? "withdrawn" : lastError;
        };
    }
}
