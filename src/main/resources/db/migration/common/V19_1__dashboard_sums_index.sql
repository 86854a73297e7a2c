-- Dashboard (issue 19): the month and week sums read delivered and charged sessions by status and
-- start; with the tutor, minutes and both amounts in the index they are read from it alone. It
-- starts with the columns of ix_sessions_status_start (status, starts_at, ends_at), which it replaces.
CREATE INDEX ix_sessions_status_start_sums ON tutoring_sessions (status, starts_at, ends_at, tutor_id,
    duration_minutes, client_amount_minor, tutor_earnings_minor);
DROP INDEX ix_sessions_status_start ON tutoring_sessions;
