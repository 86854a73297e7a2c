-- The email outbox: a message is written in the same transaction as the business change that causes
-- it, then delivered by a background job with retries. Runs unchanged on H2 and MySQL/MariaDB.
-- MEDIUMTEXT/MEDIUMBLOB (16 MB on MySQL): HTML bodies of long invoices and PDF attachments outgrow
-- TEXT/BLOB's 64 KB. Limits match MailMessage's constants.
CREATE TABLE mail_messages (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    ref_type        VARCHAR(40)   NOT NULL,
    ref_id          BIGINT        NOT NULL,
    sender_name     VARCHAR(120)  NOT NULL,
    recipients      VARCHAR(2600) NOT NULL,
    subject         VARCHAR(255)  NOT NULL,
    text_body       MEDIUMTEXT    NOT NULL,
    html_body       MEDIUMTEXT,
    state           VARCHAR(16)   NOT NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    last_error      VARCHAR(1000),
    next_attempt_at DATETIME(6)   NOT NULL,
    claimed_by      VARCHAR(100),
    claimed_at      DATETIME(6),
    created_at      DATETIME(6)   NOT NULL,
    sent_at         DATETIME(6),
    version         BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT ck_mail_messages_state CHECK (state IN ('PENDING', 'SENDING', 'SENT', 'RETRYING', 'HELD', 'FAILED')),
    CONSTRAINT ck_mail_messages_attempts CHECK (attempts >= 0),
    CONSTRAINT ck_mail_messages_sent CHECK ((state = 'SENT') = (sent_at IS NOT NULL)),
    CONSTRAINT ck_mail_messages_subject CHECK (CHAR_LENGTH(TRIM(subject)) > 0)
);
CREATE INDEX ix_mail_messages_due ON mail_messages (state, next_attempt_at);
CREATE INDEX ix_mail_messages_ref ON mail_messages (ref_type, ref_id);
CREATE INDEX ix_mail_messages_created ON mail_messages (created_at, id);

CREATE TABLE mail_attachments (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    message_id   BIGINT       NOT NULL,
    position     INT          NOT NULL,
    file_name    VARCHAR(255) NOT NULL,
    content_type VARCHAR(100) NOT NULL,
    size_bytes   INT          NOT NULL,
    content      MEDIUMBLOB   NOT NULL,
    CONSTRAINT fk_mail_attachments_message FOREIGN KEY (message_id) REFERENCES mail_messages (id) ON DELETE CASCADE,
    CONSTRAINT uq_mail_attachments_position UNIQUE (message_id, position),
    CONSTRAINT ck_mail_attachments_size CHECK (size_bytes >= 0)
);
