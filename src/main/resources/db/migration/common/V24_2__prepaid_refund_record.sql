-- "Refund unused hours" moves money (issue 17; domain.md "Prepaid packages": "refunding a paid one
-- removes its unused hours"). How the unused value went back is kept with the package: by card (a
-- Stripe refund under the invoice's card payment, its idempotency key in refund_reference and the
-- card's last four digits; refund_pending while Stripe processes it), or recorded by hand like "Mark
-- as paid" (cash, cheque, bank transfer, other; the date and a reference). No method: nothing to pay
-- back (a free package), or a refund recorded before this migration.
ALTER TABLE prepaid_packages ADD COLUMN refund_method VARCHAR(16);
ALTER TABLE prepaid_packages ADD COLUMN refund_date DATE;
ALTER TABLE prepaid_packages ADD COLUMN refund_reference VARCHAR(120);
ALTER TABLE prepaid_packages ADD COLUMN refund_card_last4 VARCHAR(4);
ALTER TABLE prepaid_packages ADD COLUMN refund_pending BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE prepaid_packages ADD COLUMN refunded_by_user_id BIGINT;
ALTER TABLE prepaid_packages ADD CONSTRAINT ck_prepaid_packages_refund_method
    CHECK (refund_method IS NULL OR refund_method IN ('CARD', 'CASH', 'CHEQUE', 'BANK_TRANSFER', 'OTHER'));
ALTER TABLE prepaid_packages ADD CONSTRAINT ck_prepaid_packages_refund_state
    CHECK (state = 'REFUNDED' OR (refund_method IS NULL AND refund_pending = FALSE));
ALTER TABLE prepaid_packages ADD CONSTRAINT fk_prepaid_packages_refunded_by
    FOREIGN KEY (refunded_by_user_id) REFERENCES users (id);
