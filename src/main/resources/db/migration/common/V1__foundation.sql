-- Foundation schema: settings, logins, people, engagements, tutoring sessions.
-- Runs unchanged on H2 (MySQL mode) and MySQL 8.4 / MariaDB 11.4. Money is integer minor units;
-- instants are UTC in DATETIME(6). Limits match the entities' constants.

CREATE TABLE business_settings (
    id                          BIGINT       NOT NULL PRIMARY KEY,
    name                        VARCHAR(120) NOT NULL,
    time_zone                   VARCHAR(64)  NOT NULL,
    currency                    VARCHAR(3)   NOT NULL,
    locale                      VARCHAR(35)  NOT NULL,
    late_cancel_window_hours    INT          NOT NULL DEFAULT 24,
    late_cancel_client_percent  INT          NOT NULL DEFAULT 100,
    late_cancel_tutor_percent   INT          NOT NULL DEFAULT 50,
    tutors_enhanced_access      BOOLEAN      NOT NULL DEFAULT FALSE,
    email_sender_name           VARCHAR(120),
    address                     VARCHAR(500),
    version                     BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT ck_settings_single_row CHECK (id = 1),
    CONSTRAINT ck_settings_name CHECK (CHAR_LENGTH(TRIM(name)) > 0),
    CONSTRAINT ck_settings_currency CHECK (CHAR_LENGTH(currency) = 3),
    CONSTRAINT ck_settings_window CHECK (late_cancel_window_hours BETWEEN 0 AND 720),
    CONSTRAINT ck_settings_client_percent CHECK (late_cancel_client_percent BETWEEN 0 AND 100),
    CONSTRAINT ck_settings_tutor_percent CHECK (late_cancel_tutor_percent BETWEEN 0 AND 100)
);

INSERT INTO business_settings (id, name, time_zone, currency, locale)
VALUES (1, 'My Tutoring Business', 'America/New_York', 'USD', 'en-US');

CREATE TABLE subjects (
    id      BIGINT AUTO_INCREMENT PRIMARY KEY,
    name    VARCHAR(80) NOT NULL,
    active  BOOLEAN     NOT NULL DEFAULT TRUE,
    version BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT uq_subjects_name UNIQUE (name),
    CONSTRAINT ck_subjects_name CHECK (CHAR_LENGTH(TRIM(name)) > 0)
);

CREATE TABLE tutors (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    name            VARCHAR(120) NOT NULL,
    email           VARCHAR(254) NOT NULL,
    phone           VARCHAR(40),
    active          BOOLEAN      NOT NULL DEFAULT TRUE,
    enhanced_access BOOLEAN,
    created_at      DATETIME(6)  NOT NULL,
    version         BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_tutors_email UNIQUE (email),
    CONSTRAINT ck_tutors_name CHECK (CHAR_LENGTH(TRIM(name)) > 0),
    CONSTRAINT ck_tutors_email CHECK (email LIKE '%_@_%')
);
CREATE INDEX ix_tutors_name ON tutors (name);

CREATE TABLE tutor_subjects (
    tutor_id   BIGINT NOT NULL,
    subject_id BIGINT NOT NULL,
    PRIMARY KEY (tutor_id, subject_id),
    CONSTRAINT fk_tutor_subjects_tutor FOREIGN KEY (tutor_id) REFERENCES tutors (id),
    CONSTRAINT fk_tutor_subjects_subject FOREIGN KEY (subject_id) REFERENCES subjects (id)
);

CREATE TABLE users (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    email                VARCHAR(254) NOT NULL,
    password_hash        VARCHAR(255) NOT NULL,
    display_name         VARCHAR(120) NOT NULL,
    role                 VARCHAR(16)  NOT NULL,
    tutor_id             BIGINT,
    enabled              BOOLEAN      NOT NULL DEFAULT TRUE,
    must_change_password BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at           DATETIME(6)  NOT NULL,
    last_login_at        DATETIME(6),
    version              BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_users_email UNIQUE (email),
    CONSTRAINT uq_users_tutor UNIQUE (tutor_id),
    CONSTRAINT fk_users_tutor FOREIGN KEY (tutor_id) REFERENCES tutors (id),
    CONSTRAINT ck_users_role CHECK (role IN ('ADMIN', 'TUTOR')),
    CONSTRAINT ck_users_tutor_link CHECK ((role = 'TUTOR' AND tutor_id IS NOT NULL)
                                       OR (role = 'ADMIN' AND tutor_id IS NULL)),
    CONSTRAINT ck_users_email CHECK (email LIKE '%_@_%')
);

CREATE TABLE login_throttle (
    email           VARCHAR(254) NOT NULL PRIMARY KEY,
    failed_attempts INT          NOT NULL,
    locked_until    DATETIME(6),
    last_failure_at DATETIME(6)  NOT NULL,
    CONSTRAINT ck_login_throttle_attempts CHECK (failed_attempts >= 0)
);

CREATE TABLE clients (
    id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
    name                  VARCHAR(120) NOT NULL,
    billing_contact_name  VARCHAR(120) NOT NULL,
    billing_contact_email VARCHAR(254) NOT NULL,
    billing_contact_phone VARCHAR(40),
    student_pays          BOOLEAN      NOT NULL DEFAULT FALSE,
    address               VARCHAR(500),
    autopay               BOOLEAN      NOT NULL DEFAULT FALSE,
    added_by_tutor_id     BIGINT,
    active                BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at            DATETIME(6)  NOT NULL,
    version               BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT fk_clients_added_by_tutor FOREIGN KEY (added_by_tutor_id) REFERENCES tutors (id),
    CONSTRAINT ck_clients_name CHECK (CHAR_LENGTH(TRIM(name)) > 0),
    CONSTRAINT ck_clients_contact_name CHECK (CHAR_LENGTH(TRIM(billing_contact_name)) > 0),
    CONSTRAINT ck_clients_contact_email CHECK (billing_contact_email LIKE '%_@_%')
);
CREATE INDEX ix_clients_name ON clients (name);

CREATE TABLE students (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    client_id   BIGINT       NOT NULL,
    name        VARCHAR(120) NOT NULL,
    grade_level VARCHAR(40),
    email       VARCHAR(254),
    notes       VARCHAR(2000),
    active      BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at  DATETIME(6)  NOT NULL,
    version     BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT fk_students_client FOREIGN KEY (client_id) REFERENCES clients (id),
    CONSTRAINT ck_students_name CHECK (CHAR_LENGTH(TRIM(name)) > 0)
);
CREATE INDEX ix_students_name ON students (name);

CREATE TABLE engagements (
    id                       BIGINT AUTO_INCREMENT PRIMARY KEY,
    tutor_id                 BIGINT      NOT NULL,
    student_id               BIGINT      NOT NULL,
    subject_id               BIGINT      NOT NULL,
    client_rate_minor        BIGINT      NOT NULL,
    tutor_wage_minor         BIGINT      NOT NULL,
    currency                 VARCHAR(3)  NOT NULL,
    default_duration_minutes INT         NOT NULL DEFAULT 60,
    active                   BOOLEAN     NOT NULL DEFAULT TRUE,
    created_by_user_id       BIGINT,
    created_at               DATETIME(6) NOT NULL,
    version                  BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT uq_engagements_tutor_student_subject UNIQUE (tutor_id, student_id, subject_id),
    CONSTRAINT fk_engagements_tutor FOREIGN KEY (tutor_id) REFERENCES tutors (id),
    CONSTRAINT fk_engagements_student FOREIGN KEY (student_id) REFERENCES students (id),
    CONSTRAINT fk_engagements_subject FOREIGN KEY (subject_id) REFERENCES subjects (id),
    CONSTRAINT fk_engagements_created_by FOREIGN KEY (created_by_user_id) REFERENCES users (id),
    CONSTRAINT ck_engagements_client_rate CHECK (client_rate_minor BETWEEN 0 AND 10000000),
    CONSTRAINT ck_engagements_tutor_wage CHECK (tutor_wage_minor BETWEEN 0 AND 10000000),
    CONSTRAINT ck_engagements_duration CHECK (default_duration_minutes BETWEEN 5 AND 600)
);
CREATE INDEX ix_engagements_student ON engagements (student_id);

CREATE TABLE tutoring_sessions (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    engagement_id        BIGINT      NOT NULL,
    tutor_id             BIGINT      NOT NULL,
    student_id           BIGINT      NOT NULL,
    client_id            BIGINT      NOT NULL,
    subject_id           BIGINT      NOT NULL,
    starts_at            DATETIME(6) NOT NULL,
    ends_at              DATETIME(6) NOT NULL,
    time_zone            VARCHAR(64) NOT NULL,
    duration_minutes     INT         NOT NULL,
    location             VARCHAR(200),
    status               VARCHAR(20) NOT NULL,
    rating               INT,
    report               TEXT,
    internal_note        TEXT,
    client_rate_minor    BIGINT      NOT NULL,
    tutor_wage_minor     BIGINT      NOT NULL,
    client_amount_minor  BIGINT      NOT NULL,
    tutor_earnings_minor BIGINT      NOT NULL,
    currency             VARCHAR(3)  NOT NULL,
    billing_state        VARCHAR(16) NOT NULL DEFAULT 'UNBILLED',
    created_by_user_id   BIGINT,
    created_at           DATETIME(6) NOT NULL,
    updated_at           DATETIME(6) NOT NULL,
    version              BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT fk_sessions_engagement FOREIGN KEY (engagement_id) REFERENCES engagements (id),
    CONSTRAINT fk_sessions_tutor FOREIGN KEY (tutor_id) REFERENCES tutors (id),
    CONSTRAINT fk_sessions_student FOREIGN KEY (student_id) REFERENCES students (id),
    CONSTRAINT fk_sessions_client FOREIGN KEY (client_id) REFERENCES clients (id),
    CONSTRAINT fk_sessions_subject FOREIGN KEY (subject_id) REFERENCES subjects (id),
    CONSTRAINT fk_sessions_created_by FOREIGN KEY (created_by_user_id) REFERENCES users (id),
    CONSTRAINT ck_sessions_status CHECK (status IN ('SCHEDULED', 'COMPLETED', 'CANCELLED', 'LATE_CANCELLED')),
    CONSTRAINT ck_sessions_billing_state CHECK (billing_state IN ('UNBILLED', 'INVOICED', 'PAID')),
    CONSTRAINT ck_sessions_rating CHECK (rating IS NULL OR rating BETWEEN 1 AND 5),
    CONSTRAINT ck_sessions_duration CHECK (duration_minutes BETWEEN 1 AND 600),
    CONSTRAINT ck_sessions_ends_after_start CHECK (ends_at > starts_at),
    CONSTRAINT ck_sessions_client_rate CHECK (client_rate_minor >= 0),
    CONSTRAINT ck_sessions_tutor_wage CHECK (tutor_wage_minor >= 0),
    CONSTRAINT ck_sessions_client_amount CHECK (client_amount_minor >= 0),
    CONSTRAINT ck_sessions_tutor_earnings CHECK (tutor_earnings_minor >= 0),
    CONSTRAINT ck_sessions_cancelled_free CHECK (status <> 'CANCELLED'
                                              OR (client_amount_minor = 0 AND tutor_earnings_minor = 0))
);
-- The sessions list sorts by start and filters by tutor or client within a date range.
CREATE INDEX ix_sessions_starts_at ON tutoring_sessions (starts_at);
CREATE INDEX ix_sessions_tutor_start ON tutoring_sessions (tutor_id, starts_at);
CREATE INDEX ix_sessions_client_start ON tutoring_sessions (client_id, starts_at);
CREATE INDEX ix_sessions_student_start ON tutoring_sessions (student_id, starts_at);
