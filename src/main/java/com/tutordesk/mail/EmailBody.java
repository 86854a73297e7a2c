package com.tutordesk.mail;

import java.util.Objects;

/**
 * The two bodies of one email: plain text (always) and its HTML alternative (may be {@code null}).
 * {@link HtmlEmail} makes both from the same content.
 */
public record EmailBody(String text, String html) {

    public EmailBody {
        Objects.requireNonNull(text, "text");
    }
}
