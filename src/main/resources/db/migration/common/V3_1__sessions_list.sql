-- Sessions list: report state (none / written / sent) and indexes for its filters.
-- report_sent_at is set when a session report is emailed to the billing contact (last send);
-- report_edited_after_send marks a report changed after it went out.
ALTER TABLE tutoring_sessions ADD COLUMN report_sent_at DATETIME(6);
ALTER TABLE tutoring_sessions ADD COLUMN report_edited_after_send BOOLEAN NOT NULL DEFAULT FALSE;

CREATE INDEX ix_sessions_subject_start ON tutoring_sessions (subject_id, starts_at);
-- Pages are ordered by (starts_at, id): this index gives that order without sorting, and also
-- covers the admins' footer sums, so counting and summing a date range never reads the rows.
CREATE INDEX ix_sessions_start_id_amounts ON tutoring_sessions (starts_at, id, client_amount_minor, tutor_earnings_minor);
DROP INDEX ix_sessions_starts_at ON tutoring_sessions;
-- Status filters ordered by date, and counting by status without reading rows.
CREATE INDEX ix_sessions_status_start ON tutoring_sessions (status, starts_at, ends_at);
