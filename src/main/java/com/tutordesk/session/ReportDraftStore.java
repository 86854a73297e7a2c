package com.tutordesk.session;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The {@code session_report_drafts} table: one draft per session and login. Instants as UTC wall time. */
@Component
class ReportDraftStore {

    private final JdbcTemplate jdbc;

    ReportDraftStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void save(long sessionId, long userId, String text, Instant at) {
        LocalDateTime savedAt = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
        int updated = jdbc.update("update session_report_drafts set report_text = ?, saved_at = ?"
                + " where session_id = ? and user_id = ?", text, savedAt, sessionId, userId);
        if (updated == 0) {
            try {
                jdbc.update("insert into session_report_drafts (session_id, user_id, report_text, saved_at)"
                        + " values (?, ?, ?, ?)", sessionId, userId, text, savedAt);
            } catch (DuplicateKeyException raced) {
                // The same person's other tab inserted it a moment ago: this text is the newer one.
                jdbc.update("update session_report_drafts set report_text = ?, saved_at = ?"
                        + " where session_id = ? and user_id = ?", text, savedAt, sessionId, userId);
            }
        }
    }

    Optional<ReportDraft> find(long sessionId, long userId) {
        return jdbc.query("select report_text, saved_at from session_report_drafts where session_id = ? and user_id = ?",
                (row, n) -> new ReportDraft(row.getString(1),
                        row.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC)), sessionId, userId)
                .stream().findFirst();
    }

    void delete(long sessionId, long userId) {
        jdbc.update("delete from session_report_drafts where session_id = ? and user_id = ?", sessionId, userId);
    }
}
