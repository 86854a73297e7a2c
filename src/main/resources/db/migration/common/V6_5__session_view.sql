-- Session view (issue 5).
-- edited_version: the version a person's change (rating, report, note, edit, late cancellation)
-- gave the session. A save based on an older version is refused ("changed by X at T — reload");
-- automatic changes (a scheduled session turning completed, rates re-applied) do not count, so a
-- session that ends while its page is open can still be saved.
ALTER TABLE tutoring_sessions ADD COLUMN edited_version BIGINT NOT NULL DEFAULT 0;
-- The address the report was last sent to (report_sent_at says when).
ALTER TABLE tutoring_sessions ADD COLUMN report_sent_to VARCHAR(254);
-- What undoing a late cancellation restores: the status and the two amounts (minor units) before it.
ALTER TABLE tutoring_sessions ADD COLUMN pre_late_cancel_status VARCHAR(20);
ALTER TABLE tutoring_sessions ADD COLUMN pre_late_cancel_client_amount_minor BIGINT;
ALTER TABLE tutoring_sessions ADD COLUMN pre_late_cancel_tutor_earnings_minor BIGINT;
ALTER TABLE tutoring_sessions ADD CONSTRAINT ck_sessions_pre_late_cancel CHECK (
    (pre_late_cancel_status IS NULL AND pre_late_cancel_client_amount_minor IS NULL
        AND pre_late_cancel_tutor_earnings_minor IS NULL)
    OR (pre_late_cancel_status IN ('SCHEDULED', 'COMPLETED', 'CANCELLED')
        AND pre_late_cancel_client_amount_minor >= 0 AND pre_late_cancel_tutor_earnings_minor >= 0));
