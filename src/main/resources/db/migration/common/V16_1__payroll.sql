-- Payroll (issue 16): the pay period setting, and each tutor's pay for a period with the sessions
-- its approval locked, its adjustments and what happened to it. Runs unchanged on H2 (MySQL mode)
-- and MySQL 8.4 / MariaDB 11.4. Money is integer minor units; limits match the entities' constants.

-- The pay period setting lives with the business settings (one row). Existing businesses start
-- twice a month (1st–15th, 16th–end); the Settings page changes it.
ALTER TABLE business_settings ADD COLUMN pay_frequency VARCHAR(20) NOT NULL DEFAULT 'TWICE_A_MONTH';
ALTER TABLE business_settings ADD COLUMN pay_anchor DATE NOT NULL DEFAULT '2026-01-01';
ALTER TABLE business_settings ADD CONSTRAINT ck_settings_pay_frequency
    CHECK (pay_frequency IN ('WEEKLY', 'EVERY_TWO_WEEKS', 'TWICE_A_MONTH', 'MONTHLY'));

-- Whether a session's tutor pay is approved (it is on a tutor_pay_lines row), kept by the session
-- module and changed only through its payroll API in the approving or reopening transaction: the
-- index finds the few sessions not yet approved without reading the approved history.
ALTER TABLE tutoring_sessions ADD COLUMN pay_approved BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX ix_sessions_pay_open ON tutoring_sessions (pay_approved, starts_at);

-- One tutor's pay for one period. A row exists once the period has an adjustment or is approved;
-- without one, the tutor's period is open. The totals are those of the approval (zero while open):
-- an approved or paid row's totals equal the sum of its lines plus its adjustments.
CREATE TABLE tutor_pay (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    tutor_id            BIGINT       NOT NULL,
    period_start        DATE         NOT NULL,
    period_end          DATE         NOT NULL,
    state               VARCHAR(16)  NOT NULL,
    currency            VARCHAR(3)   NOT NULL,
    session_count       INT          NOT NULL DEFAULT 0,
    minutes             INT          NOT NULL DEFAULT 0,
    earnings_minor      BIGINT       NOT NULL DEFAULT 0,
    adjustments_minor   BIGINT       NOT NULL DEFAULT 0,
    total_minor         BIGINT       NOT NULL DEFAULT 0,
    approved_at         DATETIME(6),
    approved_by_user_id BIGINT,
    paid_on             DATE,
    paid_method         VARCHAR(20),
    paid_reference      VARCHAR(120),
    paid_at             DATETIME(6),
    paid_by_user_id     BIGINT,
    created_at          DATETIME(6)  NOT NULL,
    updated_at          DATETIME(6)  NOT NULL,
    version             BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_tutor_pay_period UNIQUE (tutor_id, period_start),
    CONSTRAINT fk_tutor_pay_tutor FOREIGN KEY (tutor_id) REFERENCES tutors (id),
    CONSTRAINT fk_tutor_pay_approved_by FOREIGN KEY (approved_by_user_id) REFERENCES users (id),
    CONSTRAINT fk_tutor_pay_paid_by FOREIGN KEY (paid_by_user_id) REFERENCES users (id),
    CONSTRAINT ck_tutor_pay_state CHECK (state IN ('OPEN', 'APPROVED', 'PAID')),
    CONSTRAINT ck_tutor_pay_dates CHECK (period_end >= period_start),
    CONSTRAINT ck_tutor_pay_approved CHECK ((state = 'OPEN') = (approved_at IS NULL)),
    CONSTRAINT ck_tutor_pay_paid CHECK ((state = 'PAID') = (paid_on IS NOT NULL AND paid_method IS NOT NULL
                                                            AND paid_at IS NOT NULL)),
    CONSTRAINT ck_tutor_pay_method CHECK (paid_method IS NULL
                                          OR paid_method IN ('BANK_TRANSFER', 'CHEQUE', 'CASH', 'OTHER')),
    CONSTRAINT ck_tutor_pay_counts CHECK (session_count >= 0 AND minutes >= 0 AND earnings_minor >= 0),
    CONSTRAINT ck_tutor_pay_total CHECK (total_minor = earnings_minor + adjustments_minor)
);
CREATE INDEX ix_tutor_pay_period ON tutor_pay (period_start, state);

-- The sessions an approval put into a tutor's pay, with what was approved. A session is in at most
-- one approved pay (unique session_id): this table is what locks its tutor earnings, and its
-- foreign key keeps such a session from being deleted. Reopening deletes the lines. A session
-- logged later with a date in an already approved period is approved in the next open period;
-- carried_from_* then names the period its date belongs to.
CREATE TABLE tutor_pay_lines (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    tutor_pay_id       BIGINT       NOT NULL,
    session_id         BIGINT       NOT NULL,
    session_starts_at  DATETIME(6)  NOT NULL,
    student_name       VARCHAR(120) NOT NULL,
    subject_name       VARCHAR(80)  NOT NULL,
    duration_minutes   INT          NOT NULL,
    late_cancelled     BOOLEAN      NOT NULL DEFAULT FALSE,
    tutor_wage_minor   BIGINT       NOT NULL,
    earnings_minor     BIGINT       NOT NULL,
    carried_from_start DATE,
    carried_from_end   DATE,
    CONSTRAINT fk_tutor_pay_lines_pay FOREIGN KEY (tutor_pay_id) REFERENCES tutor_pay (id),
    CONSTRAINT fk_tutor_pay_lines_session FOREIGN KEY (session_id) REFERENCES tutoring_sessions (id),
    CONSTRAINT uq_tutor_pay_lines_session UNIQUE (session_id),
    CONSTRAINT ck_tutor_pay_lines_amounts CHECK (earnings_minor >= 0 AND tutor_wage_minor >= 0
                                                 AND duration_minutes > 0),
    CONSTRAINT ck_tutor_pay_lines_carried CHECK ((carried_from_start IS NULL) = (carried_from_end IS NULL))
);
CREATE INDEX ix_tutor_pay_lines_pay ON tutor_pay_lines (tutor_pay_id, session_starts_at);

-- A period closed by its payroll run: recorded when an approval leaves no tutor's pay in it open.
-- A tutor with no pay at all in a closed period (nothing to pay at the time) gets a session logged
-- for it later carried into their next open period, as a tutor whose pay in it is approved does.
CREATE TABLE pay_period_closings (
    period_start      DATE        NOT NULL PRIMARY KEY,
    period_end        DATE        NOT NULL,
    closed_at         DATETIME(6) NOT NULL,
    closed_by_user_id BIGINT,
    CONSTRAINT fk_pay_period_closings_user FOREIGN KEY (closed_by_user_id) REFERENCES users (id),
    CONSTRAINT ck_pay_period_closings_dates CHECK (period_end >= period_start)
);

-- Bonus, deduction or reimbursement with a memo; the amount is positive, a deduction subtracts it.
CREATE TABLE tutor_pay_adjustments (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    tutor_pay_id       BIGINT       NOT NULL,
    kind               VARCHAR(16)  NOT NULL,
    amount_minor       BIGINT       NOT NULL,
    memo               VARCHAR(200) NOT NULL,
    created_at         DATETIME(6)  NOT NULL,
    created_by_user_id BIGINT,
    CONSTRAINT fk_tutor_pay_adjustments_pay FOREIGN KEY (tutor_pay_id) REFERENCES tutor_pay (id),
    CONSTRAINT fk_tutor_pay_adjustments_user FOREIGN KEY (created_by_user_id) REFERENCES users (id),
    CONSTRAINT ck_tutor_pay_adjustments_kind CHECK (kind IN ('BONUS', 'DEDUCTION', 'REIMBURSEMENT')),
    CONSTRAINT ck_tutor_pay_adjustments_amount CHECK (amount_minor > 0),
    CONSTRAINT ck_tutor_pay_adjustments_memo CHECK (CHAR_LENGTH(TRIM(memo)) > 0)
);
CREATE INDEX ix_tutor_pay_adjustments_pay ON tutor_pay_adjustments (tutor_pay_id);

-- What happened to a tutor's pay: approved, reopened (with the reason), paid.
CREATE TABLE tutor_pay_events (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    tutor_pay_id BIGINT       NOT NULL,
    action       VARCHAR(16)  NOT NULL,
    occurred_at  DATETIME(6)  NOT NULL,
    user_id      BIGINT,
    user_name    VARCHAR(120) NOT NULL,
    details      VARCHAR(600),
    CONSTRAINT fk_tutor_pay_events_pay FOREIGN KEY (tutor_pay_id) REFERENCES tutor_pay (id),
    CONSTRAINT ck_tutor_pay_events_action CHECK (action IN ('APPROVED', 'REOPENED', 'PAID'))
);
CREATE INDEX ix_tutor_pay_events_pay ON tutor_pay_events (tutor_pay_id, occurred_at);
