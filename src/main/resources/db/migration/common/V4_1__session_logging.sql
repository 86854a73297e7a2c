-- Logging sessions: an idempotency key per submitted occurrence (a double click or a retried
-- request logs one session), and the history of every session (who did what, when).
ALTER TABLE tutoring_sessions ADD COLUMN request_key VARCHAR(80);
CREATE UNIQUE INDEX uq_sessions_request_key ON tutoring_sessions (request_key);
-- Conflict checks look for overlapping sessions of a tutor or a student around a start.
CREATE INDEX ix_sessions_student_end ON tutoring_sessions (student_id, ends_at);

-- Kept without a foreign key on purpose: the history of a deleted session stays readable.
CREATE TABLE session_history (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    session_id  BIGINT        NOT NULL,
    occurred_at DATETIME(6)   NOT NULL,
    user_id     BIGINT,
    user_name   VARCHAR(120)  NOT NULL,
    action      VARCHAR(40)   NOT NULL,
    details     VARCHAR(2000),
    CONSTRAINT ck_session_history_action CHECK (CHAR_LENGTH(action) > 0)
);
CREATE INDEX ix_session_history_session ON session_history (session_id, occurred_at);
