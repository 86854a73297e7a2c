package com.tutordesk.mail;

import java.time.Instant;

/** A row of the outbox as one JPQL constructor expression reads it (no bodies, no attachments). */
record MessageRow(Long id, String refType, Long refId, String recipients, String subject, MailState state,
        Integer attempts, String lastError, Instant nextAttemptAt, Instant createdAt, Instant sentAt) {

    static final String SELECT = "select new com.tutordesk.mail.MessageRow(m.id, m.refType, m.refId, m.recipients,"
            + " m.subject, m.state, m.attempts, m.lastError, m.nextAttemptAt, m.createdAt, m.sentAt) from MailMessage m";

    OutboxMessage toMessage() {
        return new OutboxMessage(id, new MailReference(refType, refId), MailMessage.splitRecipients(recipients),
                subject, state, attempts, lastError, nextAttemptAt, createdAt, sentAt);
    }
}
