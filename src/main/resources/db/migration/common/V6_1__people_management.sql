-- Issue 6: managing tutors, clients, students, subjects, engagements and logins from the app.
-- Runs unchanged on H2 (MySQL mode) and MySQL 8.4 / MariaDB 11.4.

-- Every change of an engagement's rates, with who made it and when (the first row records the
-- rates it was created with: old values NULL). Amounts are minor units per hour of `currency`.
CREATE TABLE engagement_rate_changes (
    id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
    engagement_id         BIGINT       NOT NULL,
    changed_at            DATETIME(6)  NOT NULL,
    changed_by_user_id    BIGINT,
    changed_by_name       VARCHAR(120) NOT NULL,
    old_client_rate_minor BIGINT,
    new_client_rate_minor BIGINT       NOT NULL,
    old_tutor_wage_minor  BIGINT,
    new_tutor_wage_minor  BIGINT       NOT NULL,
    currency              VARCHAR(3)   NOT NULL,
    applied_to_sessions   INT          NOT NULL DEFAULT 0,
    CONSTRAINT fk_rate_changes_engagement FOREIGN KEY (engagement_id) REFERENCES engagements (id),
    CONSTRAINT fk_rate_changes_user FOREIGN KEY (changed_by_user_id) REFERENCES users (id),
    CONSTRAINT ck_rate_changes_new_rate CHECK (new_client_rate_minor BETWEEN 0 AND 10000000),
    CONSTRAINT ck_rate_changes_new_wage CHECK (new_tutor_wage_minor BETWEEN 0 AND 10000000),
    CONSTRAINT ck_rate_changes_applied CHECK (applied_to_sessions >= 0)
);
CREATE INDEX ix_rate_changes_engagement ON engagement_rate_changes (engagement_id, changed_at);

-- Two students of one family with the same name would be indistinguishable in every message.
ALTER TABLE students ADD CONSTRAINT uq_students_client_name UNIQUE (client_id, name);

-- The tutor page lists a tutor's engagements; the client list of an Enhanced-Access tutor is
-- restricted to the clients they added.
CREATE INDEX ix_engagements_tutor ON engagements (tutor_id, active);
CREATE INDEX ix_clients_added_by ON clients (added_by_tutor_id, name);
-- Unbilled sessions of an engagement are counted and re-priced on a rate change.
CREATE INDEX ix_sessions_engagement_billing ON tutoring_sessions (engagement_id, billing_state);
