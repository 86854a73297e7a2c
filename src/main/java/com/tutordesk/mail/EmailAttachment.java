package com.tutordesk.mail;

import java.util.Objects;

/**
 * A file attached to an outgoing email, e.g. an invoice PDF.
 *
 * @param fileName    name the recipient sees, e.g. "INV-000123.pdf" (no path, at most
 *                    {@value #FILE_NAME_MAX_LENGTH} characters)
 * @param contentType MIME type, e.g. "application/pdf"
 * @param content     the file's bytes (kept as given; do not change the array afterwards)
 */
public record EmailAttachment(String fileName, String contentType, byte[] content) {

    public static final int FILE_NAME_MAX_LENGTH = 255;
    public static final int CONTENT_TYPE_MAX_LENGTH = 100;

    public EmailAttachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(content, "content");
    }

    /** @return the size in bytes */
    public int size() {
        return content.length;
    }
}
