package com.tutordesk.mail;

import java.util.List;
import java.util.Objects;

/**
 * An email to send, as the sending module writes it. The sender name is the business's email
 * sender name from the settings; the sender address is {@code tutordesk.mail.from}.
 *
 * @param reference   the record this email is about (see {@link MailReference})
 * @param to          recipient addresses, 1 to {@value #MAX_RECIPIENTS}
 * @param subject     subject line, one line of at most {@value #SUBJECT_MAX_LENGTH} characters
 * @param textBody    plain-text body (every email has one)
 * @param htmlBody    HTML alternative, or {@code null}; build it with {@link HtmlEmail} so that user
 *                    text is escaped
 * @param attachments files to attach, possibly none
 */
public record OutgoingEmail(MailReference reference, List<String> to, String subject, String textBody,
        String htmlBody, List<EmailAttachment> attachments) {

    public static final int MAX_RECIPIENTS = 10;
    public static final int SUBJECT_MAX_LENGTH = 255;
    public static final int BODY_MAX_LENGTH = 1_000_000;
    public static final int MAX_ATTACHMENTS = 10;
    /** Total attachment size in bytes (10 MiB): what common mail servers accept. */
    public static final int ATTACHMENTS_MAX_BYTES = 10 * 1024 * 1024;

    public OutgoingEmail {
        Objects.requireNonNull(reference, "reference");
        to = List.copyOf(Objects.requireNonNull(to, "to"));
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** An email with a plain-text and an HTML body (e.g. from {@link HtmlEmail#build()}) and no attachment. */
    public static OutgoingEmail of(MailReference reference, String to, String subject, EmailBody body) {
        return new OutgoingEmail(reference, List.of(to), subject, body.text(), body.html(), List.of());
    }

    /** @return a copy with these attachments added */
    public OutgoingEmail withAttachments(EmailAttachment... more) {
        List<EmailAttachment> all = new java.util.ArrayList<>(attachments);
        all.addAll(List.of(more));
        return new OutgoingEmail(reference, to, subject, textBody, htmlBody, all);
    }
}
