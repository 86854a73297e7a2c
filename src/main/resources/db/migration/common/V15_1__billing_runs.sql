-- Billing runs (issue 15, domain.md "Billing runs and reminders"): "Invoice all clients" for a cut-off
-- date. A run keeps, per client, the sessions chosen at the preview (billing_run_sessions) and the
-- outcome its db-scheduler job reached. A client's outcome is written in the transaction that makes
-- its invoice, so an interrupted run picks up exactly the clients still PENDING; a second invoice for
-- a session is prevented by uq_invoice_lines_active_session (V7_1), reported as ALREADY_INVOICED.
CREATE TABLE billing_runs (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    cut_off            DATE        NOT NULL,
    tutor_id           BIGINT,
    subject_id         BIGINT,
    delivery           VARCHAR(16) NOT NULL,
    send_on            DATE,
    due_date           DATE        NOT NULL,
    started_by_user_id BIGINT      NOT NULL,
    started_at         DATETIME(6) NOT NULL,
    finished_at        DATETIME(6),
    CONSTRAINT fk_billing_runs_started_by FOREIGN KEY (started_by_user_id) REFERENCES users (id),
    CONSTRAINT ck_billing_runs_delivery CHECK (delivery IN ('SEND_NOW', 'SCHEDULE', 'DRAFT')),
    CONSTRAINT ck_billing_runs_send_on CHECK ((delivery = 'SCHEDULE') = (send_on IS NOT NULL))
);

CREATE TABLE billing_run_clients (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    run_id               BIGINT       NOT NULL,
    position             INT          NOT NULL,
    client_id            BIGINT       NOT NULL,
    client_name          VARCHAR(200) NOT NULL,
    session_count        INT          NOT NULL,
    total_minor          BIGINT       NOT NULL,
    autopay              BOOLEAN      NOT NULL,
    outcome              VARCHAR(20)  NOT NULL,
    invoice_id           BIGINT,
    message              VARCHAR(500),
    CONSTRAINT fk_billing_run_clients_run FOREIGN KEY (run_id) REFERENCES billing_runs (id),
    CONSTRAINT fk_billing_run_clients_client FOREIGN KEY (client_id) REFERENCES clients (id),
    CONSTRAINT fk_billing_run_clients_invoice FOREIGN KEY (invoice_id) REFERENCES invoices (id),
    CONSTRAINT uq_billing_run_clients_client UNIQUE (run_id, client_id),
    CONSTRAINT uq_billing_run_clients_position UNIQUE (run_id, position),
    CONSTRAINT ck_billing_run_clients_outcome CHECK (outcome IN
        ('PENDING', 'ISSUED', 'CHARGED', 'NOT_CHARGED', 'SCHEDULED', 'DRAFTED', 'ALREADY_INVOICED', 'FAILED'))
);

CREATE TABLE billing_run_sessions (
    run_client_id BIGINT NOT NULL,
    session_id    BIGINT NOT NULL,
    PRIMARY KEY (run_client_id, session_id),
    CONSTRAINT fk_billing_run_sessions_client FOREIGN KEY (run_client_id) REFERENCES billing_run_clients (id)
);
