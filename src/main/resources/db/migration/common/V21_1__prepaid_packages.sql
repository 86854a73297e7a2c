-- Prepaid packages (issue 17; domain.md "Prepaid packages"). Runs unchanged on H2 (MySQL mode) and
-- MySQL 8.4 / MariaDB 11.4. Money is integer minor units, time is minutes.

-- What packages cover of a session, kept by the session module in the same transaction as its billing
-- state: the minutes taken from packages, the minutes still billable after them (only meaningful when
-- some are prepaid), the part of the client amount the packages cover (so that the billable part is
-- client_amount_minor - prepaid_amount_minor, rounded once from the billable minutes), and whether the
-- session draws on packages at all (it completed while hours were available, or a person chose
-- "Apply package"): a package paid later never covers older sessions by itself.
ALTER TABLE tutoring_sessions ADD COLUMN prepaid_minutes INT NOT NULL DEFAULT 0;
ALTER TABLE tutoring_sessions ADD COLUMN remainder_minutes INT NOT NULL DEFAULT 0;
ALTER TABLE tutoring_sessions ADD COLUMN prepaid_amount_minor BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tutoring_sessions ADD COLUMN draws_on_packages BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE tutoring_sessions DROP CONSTRAINT ck_sessions_billing_state;
ALTER TABLE tutoring_sessions ADD CONSTRAINT ck_sessions_billing_state
    CHECK (billing_state IN ('UNBILLED', 'INVOICED', 'PAID', 'PREPAID'));
ALTER TABLE tutoring_sessions ADD CONSTRAINT ck_sessions_prepaid
    CHECK (prepaid_minutes >= 0 AND remainder_minutes >= 0 AND prepaid_amount_minor >= 0
           AND prepaid_amount_minor <= client_amount_minor);

-- A package is sold as its own invoice line: an invoice_adjustments row that names the engagement and
-- the minutes bought (its amount is the price, never below zero; a free package is allowed).
ALTER TABLE invoice_adjustments ADD COLUMN package_engagement_id BIGINT;
ALTER TABLE invoice_adjustments ADD COLUMN package_minutes INT;
ALTER TABLE invoice_adjustments DROP CONSTRAINT ck_invoice_adjustments_amount;
ALTER TABLE invoice_adjustments ADD CONSTRAINT ck_invoice_adjustments_amount
    CHECK (amount_minor <> 0 OR package_minutes IS NOT NULL);
ALTER TABLE invoice_adjustments ADD CONSTRAINT ck_invoice_adjustments_package
    CHECK ((package_engagement_id IS NULL AND package_minutes IS NULL)
           OR (package_engagement_id IS NOT NULL AND package_minutes > 0 AND MOD(package_minutes, 15) = 0
               AND amount_minor >= 0));
ALTER TABLE invoice_adjustments ADD CONSTRAINT fk_invoice_adjustments_package_engagement
    FOREIGN KEY (package_engagement_id) REFERENCES engagements (id);

-- A package whose invoice is paid: its hours are available from paid_at, oldest first. Awaiting
-- payment is the package line of a draft or open invoice (no row here yet). Used up is derived
-- (minutes_used = minutes_bought); REFUNDED keeps the used minutes and records the unused value.
CREATE TABLE prepaid_packages (
    id                      BIGINT AUTO_INCREMENT PRIMARY KEY,
    invoice_id              BIGINT       NOT NULL,
    invoice_line_id         BIGINT       NOT NULL,
    client_id               BIGINT       NOT NULL,
    engagement_id           BIGINT       NOT NULL,
    minutes_bought          INT          NOT NULL,
    minutes_used            INT          NOT NULL DEFAULT 0,
    price_minor             BIGINT       NOT NULL,
    currency                VARCHAR(3)   NOT NULL,
    memo                    VARCHAR(200) NOT NULL,
    state                   VARCHAR(16)  NOT NULL,
    paid_at                 DATETIME(6)  NOT NULL,
    refunded_at             DATETIME(6),
    refunded_minutes        INT          NOT NULL DEFAULT 0,
    refunded_minor          BIGINT       NOT NULL DEFAULT 0,
    low_balance_emailed_at  DATETIME(6),
    version                 BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_prepaid_packages_line UNIQUE (invoice_line_id),
    CONSTRAINT fk_prepaid_packages_line FOREIGN KEY (invoice_line_id) REFERENCES invoice_adjustments (id),
    CONSTRAINT fk_prepaid_packages_engagement FOREIGN KEY (engagement_id) REFERENCES engagements (id),
    CONSTRAINT ck_prepaid_packages_state CHECK (state IN ('ACTIVE', 'REFUNDED')),
    CONSTRAINT ck_prepaid_packages_minutes CHECK (minutes_bought > 0 AND minutes_used >= 0
        AND minutes_used + refunded_minutes <= minutes_bought),
    CONSTRAINT ck_prepaid_packages_price CHECK (price_minor >= 0 AND refunded_minor >= 0 AND refunded_minor <= price_minor)
);
CREATE INDEX ix_prepaid_packages_engagement ON prepaid_packages (engagement_id, state, paid_at, id);
CREATE INDEX ix_prepaid_packages_client ON prepaid_packages (client_id);
CREATE INDEX ix_prepaid_packages_invoice ON prepaid_packages (invoice_id);

-- Which session used how many minutes of which package. No cascade from sessions: a session is
-- deleted only after its minutes were given back.
CREATE TABLE prepaid_usages (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    package_id  BIGINT      NOT NULL,
    session_id  BIGINT      NOT NULL,
    minutes     INT         NOT NULL,
    used_at     DATETIME(6) NOT NULL,
    CONSTRAINT fk_prepaid_usages_package FOREIGN KEY (package_id) REFERENCES prepaid_packages (id) ON DELETE CASCADE,
    CONSTRAINT fk_prepaid_usages_session FOREIGN KEY (session_id) REFERENCES tutoring_sessions (id),
    CONSTRAINT uq_prepaid_usages UNIQUE (package_id, session_id),
    CONSTRAINT ck_prepaid_usages_minutes CHECK (minutes > 0)
);
CREATE INDEX ix_prepaid_usages_session ON prepaid_usages (session_id);
