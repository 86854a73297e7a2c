package com.tutordesk.session;

import java.time.Instant;

/**
 * A session report as the signed-in person was typing it, kept on the server until they save it.
 *
 * @param text    the text (at most {@link TutoringSession#REPORT_MAX_LENGTH} characters)
 * @param savedAt when it was saved (UTC)
 */
public record ReportDraft(String text, Instant savedAt) {
}
