-- Issue 12 (field fixes).
-- A manual payment recorded by mistake can be undone by an admin, with a reason: the payment row stays
-- (the invoice keeps its history) and says when, by whom and why it was undone.
ALTER TABLE invoice_payments ADD COLUMN undone_at DATETIME(6);
ALTER TABLE invoice_payments ADD COLUMN undone_by_user_id BIGINT;
ALTER TABLE invoice_payments ADD COLUMN undo_reason VARCHAR(500);
ALTER TABLE invoice_payments ADD CONSTRAINT fk_invoice_payments_undone_by FOREIGN KEY (undone_by_user_id)
    REFERENCES users (id);
ALTER TABLE invoice_payments ADD CONSTRAINT ck_invoice_payments_undone
    CHECK ((undone_at IS NULL AND undo_reason IS NULL) OR (undone_at IS NOT NULL AND undo_reason IS NOT NULL));

-- An email that should no longer go out (its invoice was cancelled or paid while it waited, or an
-- admin discarded it) is WITHDRAWN: kept in the outbox with the reason, never sent.
ALTER TABLE mail_messages DROP CONSTRAINT ck_mail_messages_state;
ALTER TABLE mail_messages ADD CONSTRAINT ck_mail_messages_state
    CHECK (state IN ('PENDING', 'SENDING', 'SENT', 'RETRYING', 'HELD', 'FAILED', 'WITHDRAWN'));
