package com.tutordesk.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** A file attached to an outbox message; only the delivery pass reads its bytes (lists read name and size). */
@Entity
@Table(name = "mail_attachments")
class MailAttachment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "message_id", nullable = false)
    private long messageId;

    @Column(nullable = false)
    private int position;

    @Column(name = "file_name", nullable = false, length = EmailAttachment.FILE_NAME_MAX_LENGTH)
    private String fileName;

    @Column(name = "content_type", nullable = false, length = EmailAttachment.CONTENT_TYPE_MAX_LENGTH)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private int sizeBytes;

    // @Lob: H2 reports MEDIUMBLOB as a BLOB, MySQL by its name; both then match in schema validation.
    @Lob
    @Column(nullable = false, columnDefinition = "mediumblob")
    private byte[] content;

    protected MailAttachment() {
    }

    MailAttachment(long messageId, int position, EmailAttachment attachment) {
        this.messageId = messageId;
        this.position = position;
        this.fileName = attachment.fileName();
        this.contentType = attachment.contentType();
        this.sizeBytes = attachment.size();
        this.content = attachment.content();
    }

    EmailAttachment toAttachment() {
        return new EmailAttachment(fileName, contentType, content);
    }
}
