-- Invoices (billing module): numbered when issued, gapless per business; lines copy the sessions'
-- stored client amounts; adjustments are signed minor units; manual payments close an invoice.
-- Runs unchanged on H2 (MySQL mode) and MySQL 8.4 / MariaDB 11.4. Limits match the entities' constants.

-- The one numbering counter of the business: the issuing transaction locks this row
-- (SELECT … FOR UPDATE), so two issues at the same moment get consecutive numbers, and a rolled-back
-- issue gives its number back (no gaps).
CREATE TABLE invoice_counters (
    id          BIGINT NOT NULL PRIMARY KEY,
    last_number BIGINT NOT NULL,
    CONSTRAINT ck_invoice_counters_single_row CHECK (id = 1),
    CONSTRAINT ck_invoice_counters_last CHECK (last_number >= 0)
);
INSERT INTO invoice_counters (id, last_number) VALUES (1, 0);

CREATE TABLE invoices (
    id                      BIGINT AUTO_INCREMENT PRIMARY KEY,
    number                  VARCHAR(20),
    client_id               BIGINT       NOT NULL,
    state                   VARCHAR(16)  NOT NULL,
    currency                VARCHAR(3)   NOT NULL,
    issue_date              DATE,
    due_date                DATE         NOT NULL,
    lines_total_minor       BIGINT       NOT NULL,
    adjustments_total_minor BIGINT       NOT NULL,
    total_minor             BIGINT       NOT NULL,
    bill_to_name            VARCHAR(120) NOT NULL,
    bill_to_email           VARCHAR(254) NOT NULL,
    bill_to_address         VARCHAR(500),
    send_on                 DATE,
    send_problem            VARCHAR(500),
    issued_at               DATETIME(6),
    paid_at                 DATETIME(6),
    cancelled_at            DATETIME(6),
    created_by_user_id      BIGINT,
    created_at              DATETIME(6)  NOT NULL,
    updated_at              DATETIME(6)  NOT NULL,
    version                 BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_invoices_number UNIQUE (number),
    CONSTRAINT fk_invoices_client FOREIGN KEY (client_id) REFERENCES clients (id),
    CONSTRAINT fk_invoices_created_by FOREIGN KEY (created_by_user_id) REFERENCES users (id),
    CONSTRAINT ck_invoices_state CHECK (state IN ('DRAFT', 'OPEN', 'PAID', 'CANCELLED')),
    CONSTRAINT ck_invoices_numbered CHECK ((state = 'DRAFT') = (number IS NULL)),
    CONSTRAINT ck_invoices_issue_date CHECK ((state = 'DRAFT') = (issue_date IS NULL)),
    CONSTRAINT ck_invoices_due_after_issue CHECK (issue_date IS NULL OR due_date >= issue_date),
    CONSTRAINT ck_invoices_total CHECK (total_minor >= 0 AND total_minor = lines_total_minor + adjustments_total_minor),
    CONSTRAINT ck_invoices_paid CHECK ((state = 'PAID') = (paid_at IS NOT NULL)),
    CONSTRAINT ck_invoices_cancelled CHECK ((state = 'CANCELLED') = (cancelled_at IS NOT NULL)),
    CONSTRAINT ck_invoices_send_on CHECK (send_on IS NULL OR state = 'DRAFT')
);
CREATE INDEX ix_invoices_state_due ON invoices (state, due_date);
CREATE INDEX ix_invoices_client ON invoices (client_id, created_at);
CREATE INDEX ix_invoices_issue_date ON invoices (issue_date, id);

-- One line per session. active_session_id equals session_id while the invoice is not cancelled and
-- is NULL once it is: the unique index makes "a session is on at most one non-cancelled invoice" a
-- rule of the database (MySQL and H2 allow many NULLs), and its foreign key keeps an invoiced
-- session from being deleted.
CREATE TABLE invoice_lines (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    invoice_id        BIGINT       NOT NULL,
    position          INT          NOT NULL,
    session_id        BIGINT       NOT NULL,
    active_session_id BIGINT,
    session_starts_at DATETIME(6)  NOT NULL,
    student_name      VARCHAR(120) NOT NULL,
    subject_name      VARCHAR(80)  NOT NULL,
    tutor_id          BIGINT       NOT NULL,
    tutor_name        VARCHAR(120) NOT NULL,
    duration_minutes  INT          NOT NULL,
    late_cancelled    BOOLEAN      NOT NULL DEFAULT FALSE,
    rate_minor        BIGINT       NOT NULL,
    amount_minor      BIGINT       NOT NULL,
    CONSTRAINT fk_invoice_lines_invoice FOREIGN KEY (invoice_id) REFERENCES invoices (id) ON DELETE CASCADE,
    CONSTRAINT fk_invoice_lines_active_session FOREIGN KEY (active_session_id) REFERENCES tutoring_sessions (id),
    CONSTRAINT uq_invoice_lines_active_session UNIQUE (active_session_id),
    CONSTRAINT uq_invoice_lines_position UNIQUE (invoice_id, position),
    CONSTRAINT ck_invoice_lines_active CHECK (active_session_id IS NULL OR active_session_id = session_id),
    CONSTRAINT ck_invoice_lines_amount CHECK (amount_minor >= 0),
    CONSTRAINT ck_invoice_lines_rate CHECK (rate_minor >= 0)
);
CREATE INDEX ix_invoice_lines_session ON invoice_lines (session_id);
CREATE INDEX ix_invoice_lines_tutor ON invoice_lines (tutor_id, invoice_id);

CREATE TABLE invoice_adjustments (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    invoice_id   BIGINT       NOT NULL,
    position     INT          NOT NULL,
    memo         VARCHAR(200) NOT NULL,
    amount_minor BIGINT       NOT NULL,
    CONSTRAINT fk_invoice_adjustments_invoice FOREIGN KEY (invoice_id) REFERENCES invoices (id) ON DELETE CASCADE,
    CONSTRAINT uq_invoice_adjustments_position UNIQUE (invoice_id, position),
    CONSTRAINT ck_invoice_adjustments_amount CHECK (amount_minor <> 0),
    CONSTRAINT ck_invoice_adjustments_memo CHECK (CHAR_LENGTH(TRIM(memo)) > 0)
);

-- Payments received for an invoice. Manual ones (cash, cheque, bank transfer, other) today; CARD is
-- reserved for the card-payments issue.
CREATE TABLE invoice_payments (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    invoice_id          BIGINT       NOT NULL,
    method              VARCHAR(20)  NOT NULL,
    amount_minor        BIGINT       NOT NULL,
    paid_on             DATE         NOT NULL,
    reference           VARCHAR(120),
    recorded_by_user_id BIGINT,
    recorded_at         DATETIME(6)  NOT NULL,
    CONSTRAINT fk_invoice_payments_invoice FOREIGN KEY (invoice_id) REFERENCES invoices (id),
    CONSTRAINT fk_invoice_payments_recorded_by FOREIGN KEY (recorded_by_user_id) REFERENCES users (id),
    CONSTRAINT ck_invoice_payments_method CHECK (method IN ('CASH', 'CHEQUE', 'BANK_TRANSFER', 'OTHER', 'CARD')),
    CONSTRAINT ck_invoice_payments_amount CHECK (amount_minor >= 0)
);
CREATE INDEX ix_invoice_payments_invoice ON invoice_payments (invoice_id);

-- The Payments page sums the billable unbilled sessions (per client): this index answers it without
-- reading the rows, and only its UNBILLED, billable part (completed, late-cancelled, or scheduled and
-- ended) is scanned.
CREATE INDEX ix_sessions_unbilled ON tutoring_sessions (billing_state, status, ends_at, client_id, tutor_id,
                                                        client_amount_minor);
