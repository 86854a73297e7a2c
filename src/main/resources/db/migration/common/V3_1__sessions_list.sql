-- Sessions list: report state (none / written / sent) and indexes for its filters.
-- report_sent_at is set when a session report is emailed to the billing contact (last send);
-- report_edited_after_send marks a report changed after it went out.
ALTER TABLE tutoring_sessions ADD COLUMN report_sent_at DATETIME(6);
ALTER TABLE tutoring_sessions ADD COLUMN report_edited_after_send BOOLEAN NOT NULL DEFAULT FALSE;

CREATE INDEX ix_sessions_subject_start ON tutoring_sessions (subject_id, starts_at);
-- Covers date-ordered paging and the admins' footer sums over a date range without reading rows.
CREATE INDEX ix_sessions_start_amounts ON tutoring_sessions (starts_at, client_amount_minor, tutor_earnings_minor);
DROP INDEX ix_sessions_starts_at ON tutoring_sessions;
