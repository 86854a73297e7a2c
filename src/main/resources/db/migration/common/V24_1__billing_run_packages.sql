-- Prepaid package lines in a billing run (issue 17: "Create Invoice (and the billing run) can add a
-- package line"). The lines the admin added per client at the preview are kept with the run's client,
-- so that the db-scheduler job (on any node, after a restart) sells exactly them on that client's
-- invoice; the client's outcome is written in the same transaction as the invoice, so a resumed run
-- never sells a line twice. A client may be in a run for packages alone (session_count 0).
CREATE TABLE billing_run_packages (
    run_client_id  BIGINT       NOT NULL,
    position       INT          NOT NULL,
    engagement_id  BIGINT       NOT NULL,
    minutes        INT          NOT NULL,
    price_minor    BIGINT       NOT NULL,
    memo           VARCHAR(100),
    PRIMARY KEY (run_client_id, position),
    CONSTRAINT fk_billing_run_packages_client FOREIGN KEY (run_client_id) REFERENCES billing_run_clients (id),
    CONSTRAINT fk_billing_run_packages_engagement FOREIGN KEY (engagement_id) REFERENCES engagements (id),
    CONSTRAINT uq_billing_run_packages_engagement UNIQUE (run_client_id, engagement_id),
    CONSTRAINT ck_billing_run_packages_line CHECK (minutes > 0 AND MOD(minutes, 15) = 0 AND price_minor >= 0)
);
