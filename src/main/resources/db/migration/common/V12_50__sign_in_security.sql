-- Issue 12 "Sign-in and sessions": runs unchanged on H2 (MySQL mode) and MySQL 8.4 / MariaDB 11.4.

-- Browsers in which a login has signed in before (OWASP "device cookies"): failed sign-ins by
-- strangers pause the login's email for every other browser, not for these. Only the SHA-256 of the
-- cookie's random token is stored. Each browser counts its own failures (same columns and meaning as
-- login_throttle: locked_until is the end of the current pause).
CREATE TABLE known_browsers (
    token_hash      VARCHAR(64) NOT NULL PRIMARY KEY,
    user_id         BIGINT      NOT NULL,
    created_at      DATETIME(6) NOT NULL,
    last_used_at    DATETIME(6) NOT NULL,
    failed_attempts INT         NOT NULL DEFAULT 0,
    locked_until    DATETIME(6),
    last_failure_at DATETIME(6),
    CONSTRAINT fk_known_browsers_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT ck_known_browsers_attempts CHECK (failed_attempts >= 0)
);

-- A change of one's sign-in email waiting for the code sent to the new address (at most one per
-- login). code_hash is NULL when the address already signs in to another login: the request looks
-- the same, but nothing can confirm it.
CREATE TABLE sign_in_email_changes (
    user_id      BIGINT       NOT NULL PRIMARY KEY,
    new_email    VARCHAR(254) NOT NULL,
    code_hash    VARCHAR(64),
    requested_at DATETIME(6)  NOT NULL,
    expires_at   DATETIME(6)  NOT NULL,
    wrong_codes  INT          NOT NULL DEFAULT 0,
    CONSTRAINT fk_email_changes_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT ck_email_changes_wrong CHECK (wrong_codes >= 0)
);
