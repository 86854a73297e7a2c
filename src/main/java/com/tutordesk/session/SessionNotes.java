package com.tutordesk.session;

/**
 * What a person writes on a session: its rating, its report to the billing contact and the internal
 * note. Blank texts are stored as {@code null} ("no report").
 *
 * @param rating       1–5 stars, or {@code null} for none (clears a rating)
 * @param report       the session report, at most {@link TutoringSession#REPORT_MAX_LENGTH} characters;
 *                     plain text (any HTML in it is shown and emailed as text)
 * @param internalNote the internal note, at most {@link TutoringSession#INTERNAL_NOTE_MAX_LENGTH}
 *                     characters; never leaves the business
 */
public record SessionNotes(Integer rating, String report, String internalNote) {
}
