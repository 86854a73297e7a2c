-- A session report as its writer was typing it, saved every few seconds (issue 13: a node that dies
-- loses seconds of typing, not the report). One draft per session and login; removed when the report
-- is saved. Runs unchanged on H2 and MySQL/MariaDB.
CREATE TABLE session_report_drafts (
    session_id  BIGINT      NOT NULL,
    user_id     BIGINT      NOT NULL,
    report_text MEDIUMTEXT  NOT NULL,
    saved_at    DATETIME(6) NOT NULL,
    PRIMARY KEY (session_id, user_id),
    CONSTRAINT fk_report_drafts_session FOREIGN KEY (session_id) REFERENCES tutoring_sessions (id) ON DELETE CASCADE,
    CONSTRAINT fk_report_drafts_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
