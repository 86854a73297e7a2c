-- Overdue reminders (issue 15, domain.md "Billing runs and reminders"): an email with the Pay now
-- link a set number of days after the due date (default 3), then every 7 days, at most 3 times.
-- The settings row, the clients an admin switched reminders off for, and one row per reminder sent:
-- uq_invoice_reminders_number lets exactly one node send reminder n of an invoice (two nodes racing:
-- the second insert fails and its transaction, email included, rolls back).
CREATE TABLE billing_settings (
    id                       BIGINT  NOT NULL PRIMARY KEY,
    overdue_reminders        BOOLEAN NOT NULL,
    overdue_first_after_days INT     NOT NULL,
    version                  BIGINT  NOT NULL DEFAULT 0,
    CONSTRAINT ck_billing_settings_single_row CHECK (id = 1),
    CONSTRAINT ck_billing_settings_days CHECK (overdue_first_after_days BETWEEN 1 AND 60)
);
INSERT INTO billing_settings (id, overdue_reminders, overdue_first_after_days, version) VALUES (1, TRUE, 3, 0);

CREATE TABLE overdue_reminder_opt_outs (
    client_id        BIGINT      NOT NULL PRIMARY KEY,
    by_user_id       BIGINT,
    created_at       DATETIME(6) NOT NULL,
    CONSTRAINT fk_overdue_opt_outs_client FOREIGN KEY (client_id) REFERENCES clients (id),
    CONSTRAINT fk_overdue_opt_outs_user FOREIGN KEY (by_user_id) REFERENCES users (id)
);

CREATE TABLE invoice_reminders (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    invoice_id      BIGINT      NOT NULL,
    reminder_number INT         NOT NULL,
    sent_on         DATE        NOT NULL,
    sent_at         DATETIME(6) NOT NULL,
    mail_message_id BIGINT      NOT NULL,
    CONSTRAINT fk_invoice_reminders_invoice FOREIGN KEY (invoice_id) REFERENCES invoices (id),
    CONSTRAINT uq_invoice_reminders_number UNIQUE (invoice_id, reminder_number),
    CONSTRAINT ck_invoice_reminders_number CHECK (reminder_number BETWEEN 1 AND 3)
);
