package com.tutordesk.session;

import java.time.Instant;

/**
 * One line of a session's history panel.
 *
 * @param id      history entry id (newer entries have larger ids)
 * @param at      when it happened, UTC instant
 * @param who     the person's name as it was then
 * @param action  what happened, e.g. "Report sent"
 * @param details e.g. "to parent@example.org", or {@code null}
 */
public record SessionHistoryLine(long id, Instant at, String who, String action, String details) {
}
