package com.tutordesk.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One outgoing email in the outbox. State changes after the insert are conditional UPDATE statements
 * in {@link MailMessageRepository} (claim, sent, retry…), so that two delivery passes never both
 * own a message.
 */
@Entity
@Table(name = "mail_messages")
class MailMessage {

    static final int SENDER_NAME_MAX_LENGTH = 120;
    static final int RECIPIENTS_MAX_LENGTH = 2600;
    static final int LAST_ERROR_MAX_LENGTH = 1000;
    static final String RECIPIENT_SEPARATOR = ", ";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "ref_type", nullable = false, length = MailReference.TYPE_MAX_LENGTH)
    private String refType;

    @Column(name = "ref_id", nullable = false)
    private long refId;

    @Column(name = "sender_name", nullable = false, length = SENDER_NAME_MAX_LENGTH)
    private String senderName;

    @Column(nullable = false, length = RECIPIENTS_MAX_LENGTH)
    private String recipients;

    @Column(nullable = false, length = OutgoingEmail.SUBJECT_MAX_LENGTH)
    private String subject;

    @Column(name = "text_body", nullable = false, columnDefinition = "mediumtext")
    private String textBody;

    @Column(name = "html_body", columnDefinition = "mediumtext")
    private String htmlBody;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private MailState state;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_error", length = LAST_ERROR_MAX_LENGTH)
    private String lastError;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "claimed_by", length = 100)
    private String claimedBy;

    @Column(name = "claimed_at")
    private Instant claimedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Version
    private long version;

    protected MailMessage() {
    }

    MailMessage(MailReference reference, String senderName, List<String> recipients, String subject, String textBody,
            String htmlBody, MailState state, String lastError, Instant now) {
        this.refType = reference.type();
        this.refId = reference.id();
        this.senderName = senderName;
        this.recipients = String.join(RECIPIENT_SEPARATOR, recipients);
        this.subject = subject;
        this.textBody = textBody;
        this.htmlBody = htmlBody;
        this.state = state;
        this.lastError = lastError;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    static List<String> splitRecipients(String recipients) {
        return Arrays.stream(recipients.split(RECIPIENT_SEPARATOR)).toList();
    }

    Long getId() {
        return id;
    }

    MailReference reference() {
        return new MailReference(refType, refId);
    }

    String getSenderName() {
        return senderName;
    }

    List<String> recipientList() {
        return splitRecipients(recipients);
    }

    String getSubject() {
        return subject;
    }

    String getTextBody() {
        return textBody;
    }

    String getHtmlBody() {
        return htmlBody;
    }

    MailState getState() {
        return state;
    }

    int getAttempts() {
        return attempts;
    }

    String getLastError() {
        return lastError;
    }

    Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getSentAt() {
        return sentAt;
    }
}
