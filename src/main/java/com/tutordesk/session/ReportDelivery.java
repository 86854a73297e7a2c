package com.tutordesk.session;

import com.tutordesk.mail.MailState;
import java.time.Instant;

/**
 * Where the latest email of a session's report is (from the email outbox).
 *
 * @param recipient the billing contact's address it went to
 * @param state     outbox state: PENDING/SENDING ("Sending…"), SENT, RETRYING, HELD, FAILED
 * @param reason    the outbox's explanation for people, e.g. "Not sent yet: Mail server unreachable:
 *                  Connection refused — will retry" or "held: no mail server configured"; empty when sent
 * @param queuedAt  when "Save and Send report" was pressed (UTC)
 * @param sentAt    when the mail server accepted it (UTC), or {@code null}
 */
public record ReportDelivery(String recipient, MailState state, String reason, Instant queuedAt, Instant sentAt) {

    /** @return whether the email is still on its way (the page keeps checking) */
    public boolean inFlight() {
        return state == MailState.PENDING || state == MailState.SENDING || state == MailState.RETRYING;
    }
}
