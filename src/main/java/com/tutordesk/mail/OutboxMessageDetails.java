package com.tutordesk.mail;

import java.util.List;

/**
 * One outbox message in full, for the admin's details view.
 *
 * @param message     the summary
 * @param senderName  the display name it is sent from
 * @param textBody    plain-text body
 * @param htmlBody    HTML body, or {@code null}
 * @param attachments names, types and sizes of the attached files (not their bytes)
 */
public record OutboxMessageDetails(OutboxMessage message, String senderName, String textBody, String htmlBody,
        List<AttachmentInfo> attachments) {

    /**
     * @param fileName    as the recipient sees it
     * @param contentType MIME type
     * @param sizeBytes   size in bytes
     */
    public record AttachmentInfo(String fileName, String contentType, int sizeBytes) {
    }
}
