-- Schedule (issue 14): reminder settings, what families were last told about each session, and
-- the private calendar-feed addresses.

-- One row: reminders on or off, and how many hours before a scheduled session they go out.
CREATE TABLE schedule_settings (
    id                    BIGINT  NOT NULL PRIMARY KEY,
    reminders_enabled     BOOLEAN NOT NULL DEFAULT TRUE,
    reminder_hours_before INT     NOT NULL DEFAULT 24,
    version               BIGINT  NOT NULL DEFAULT 0,
    CONSTRAINT ck_schedule_settings_single_row CHECK (id = 1),
    CONSTRAINT ck_schedule_settings_hours CHECK (reminder_hours_before BETWEEN 1 AND 168)
);
INSERT INTO schedule_settings (id, reminders_enabled, reminder_hours_before, version) VALUES (1, TRUE, 24, 0);

-- The last notice each session's family got (a reminder, "moved to …", or "cancelled"), for the
-- start it named. The primary key and the version make every notice go out once even when two
-- nodes run the reminder job at the same moment: the second insert or update of a row fails and
-- its email, enqueued in the same transaction, is rolled back. No foreign key: a deleted session
-- leaves its row, which nothing reads once its start has passed.
CREATE TABLE session_reminders (
    session_id         BIGINT      NOT NULL PRIMARY KEY,
    reminded_starts_at DATETIME(6) NOT NULL,
    last_notice        VARCHAR(16) NOT NULL,
    notices            INT         NOT NULL,
    updated_at         DATETIME(6) NOT NULL,
    version            BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT ck_session_reminders_notice CHECK (last_notice IN ('REMINDER', 'MOVED', 'CANCELLED'))
);
-- The job looks for notices whose start is still ahead (a moved or cancelled session after its reminder).
CREATE INDEX ix_session_reminders_start ON session_reminders (reminded_starts_at);

-- One private iCalendar address per login: a random secret of 43 URL-safe characters (256 bits).
-- Making a new one replaces the row, so the old address stops working at once.
CREATE TABLE calendar_feeds (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_id    BIGINT      NOT NULL,
    token      VARCHAR(64) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    CONSTRAINT uq_calendar_feeds_user UNIQUE (user_id),
    CONSTRAINT uq_calendar_feeds_token UNIQUE (token),
    CONSTRAINT fk_calendar_feeds_user FOREIGN KEY (user_id) REFERENCES users (id)
);
