-- Client history (issue 18, "contact details they may correct … changes are recorded on the client's
-- history"): one row per changed field of a client's details, whoever changed it — a staff member on
-- the client page (or an import), or the family in the portal. The staff member's name is kept as it
-- was, so the history still reads right after a login is renamed or removed (hence no foreign key).
-- The rows go with the client when a client without engagements is deleted.
CREATE TABLE client_changes (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    client_id   BIGINT       NOT NULL,
    changed_at  DATETIME(6)  NOT NULL,
    field       VARCHAR(20)  NOT NULL,
    old_value   VARCHAR(500),
    new_value   VARCHAR(500),
    by_family   BOOLEAN      NOT NULL,
    by_user_id  BIGINT,
    by_name     VARCHAR(120),
    CONSTRAINT fk_client_changes_client FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE CASCADE,
    CONSTRAINT ck_client_changes_field CHECK (field IN ('NAME', 'CONTACT_NAME', 'CONTACT_EMAIL', 'CONTACT_PHONE',
        'ADDRESS')),
    CONSTRAINT ck_client_changes_actor CHECK (by_family = TRUE OR by_name IS NOT NULL)
);
CREATE INDEX ix_client_changes_client ON client_changes (client_id, changed_at);

-- A family's request to change its billing (= portal sign-in) email: a one-time link to the new
-- address confirms it. As for invitations only the SHA-256 of the link's random token is kept; a new
-- request, or "Disable portal login", revokes the open ones.
CREATE TABLE client_email_changes (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    client_id   BIGINT       NOT NULL,
    new_email   VARCHAR(254) NOT NULL,
    token_hash  CHAR(64)     NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    expires_at  DATETIME(6)  NOT NULL,
    used_at     DATETIME(6),
    revoked_at  DATETIME(6),
    CONSTRAINT uq_client_email_changes_token UNIQUE (token_hash),
    CONSTRAINT fk_client_email_changes_client FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE CASCADE
);
CREATE INDEX ix_client_email_changes_client ON client_email_changes (client_id, created_at);
