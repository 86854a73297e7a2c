package com.tutordesk.mail;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The business record an email is about, so that its module can ask "which emails exist for it":
 * e.g. {@code new MailReference("SESSION_REPORT", 123)} for the report of session 123, or
 * {@code ("INVOICE", 42)}. The type is chosen by the sending module.
 *
 * @param type upper-case letters, digits and underscores, starting with a letter, at most
 *             {@value #TYPE_MAX_LENGTH} characters
 * @param id   the record's id
 */
public record MailReference(String type, long id) {

    public static final int TYPE_MAX_LENGTH = 40;
    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Z0-9_]{0," + (TYPE_MAX_LENGTH - 1) + "}");

    /** @throws IllegalArgumentException when the type does not have the documented shape */
    public MailReference {
        Objects.requireNonNull(type, "type");
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("Reference type must be upper-case letters, digits and underscores"
                    + " (at most " + TYPE_MAX_LENGTH + "), e.g. SESSION_REPORT: " + type);
        }
    }

    /** @return e.g. "SESSION_REPORT #123" */
    @Override
    public String toString() {
        return type + " #" + id;
    }
}
