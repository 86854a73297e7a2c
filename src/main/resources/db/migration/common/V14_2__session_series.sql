-- Session series (issue 14 "Series"): a repeat every 1–4 weeks. Each occurrence is an ordinary
-- session that knows its series and its position in it ("3 of 12"); the series keeps the pattern
-- (weekday and wall-clock time in the business zone) and how many occurrences it has.
CREATE TABLE session_series (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    engagement_id      BIGINT      NOT NULL,
    every_weeks        INT         NOT NULL,
    day_of_week        INT         NOT NULL,
    start_time         TIME        NOT NULL,
    time_zone          VARCHAR(64) NOT NULL,
    first_date         DATE        NOT NULL,
    occurrences        INT         NOT NULL,
    ended_after        DATE,
    created_by_user_id BIGINT,
    created_at         DATETIME(6) NOT NULL,
    version            BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT fk_series_engagement FOREIGN KEY (engagement_id) REFERENCES engagements (id),
    CONSTRAINT fk_series_created_by FOREIGN KEY (created_by_user_id) REFERENCES users (id),
    CONSTRAINT ck_series_every_weeks CHECK (every_weeks BETWEEN 1 AND 4),
    CONSTRAINT ck_series_day_of_week CHECK (day_of_week BETWEEN 1 AND 7),
    CONSTRAINT ck_series_occurrences CHECK (occurrences >= 0)
);

ALTER TABLE tutoring_sessions ADD COLUMN series_id BIGINT;
ALTER TABLE tutoring_sessions ADD COLUMN series_position INT;
ALTER TABLE tutoring_sessions ADD CONSTRAINT fk_sessions_series FOREIGN KEY (series_id) REFERENCES session_series (id);
ALTER TABLE tutoring_sessions ADD CONSTRAINT ck_sessions_series_position CHECK (
    (series_id IS NULL AND series_position IS NULL) OR (series_id IS NOT NULL AND series_position >= 1));
CREATE INDEX ix_sessions_series ON tutoring_sessions (series_id, series_position);
