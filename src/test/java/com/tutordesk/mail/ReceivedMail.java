package com.tutordesk.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A received email taken apart for assertions: sender, subject, text and HTML parts, attachments. */
public record ReceivedMail(String fromName, String fromAddress, List<String> to, String subject, String messageId,
        String text, String html, Map<String, byte[]> attachments, Map<String, String> attachmentTypes) {

    public static ReceivedMail of(MimeMessage message) {
        try {
            InternetAddress from = (InternetAddress) message.getFrom()[0];
            List<String> to = new ArrayList<>();
            for (var address : message.getAllRecipients()) {
                to.add(((InternetAddress) address).getAddress());
            }
            Parts parts = new Parts();
            parts.walk(message);
            return new ReceivedMail(from.getPersonal(), from.getAddress(), to, message.getSubject(),
                    message.getMessageID(), parts.text, parts.html, parts.attachments, parts.types);
        } catch (Exception e) {
            throw new IllegalStateException("Could not read a received email", e);
        }
    }

    private static final class Parts {
        String text;
        String html;
        final Map<String, byte[]> attachments = new LinkedHashMap<>();
        final Map<String, String> types = new LinkedHashMap<>();

        void walk(Part part) throws Exception {
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                try (InputStream in = part.getInputStream()) {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    in.transferTo(bytes);
                    attachments.put(part.getFileName(), bytes.toByteArray());
                    types.put(part.getFileName(), part.getContentType());
                }
            } else if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    walk(child);
                }
            } else if (part.isMimeType("text/plain") && text == null) {
                text = (String) part.getContent();
            } else if (part.isMimeType("text/html") && html == null) {
                html = (String) part.getContent();
            }
        }
    }
}
