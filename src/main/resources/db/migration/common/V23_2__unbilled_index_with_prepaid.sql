-- Unbilled sums read client_amount_minor - prepaid_amount_minor since prepaid packages (V21_1); the
-- covering index of the Payments page's unbilled sums (V7_1) lacked the prepaid part, so every
-- matching session was read from the table (the clients-to-bill list measured 36 ms before packages,
-- 158 ms after, at a million sessions). The same index with the prepaid part replaces it.
CREATE INDEX ix_sessions_unbilled_prepaid ON tutoring_sessions (billing_state, status, ends_at, client_id, tutor_id,
                                                                client_amount_minor, prepaid_amount_minor);
DROP INDEX ix_sessions_unbilled ON tutoring_sessions;
