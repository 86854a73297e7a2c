-- Client portal (issue 18): a fourth role, CLIENT, one login per client (the billing contact), made
-- by an invitation whose one-time link sets the password. No foreign key to clients: a client
-- without engagements may still be deleted (its login then finds no family and sees nothing).
ALTER TABLE users ADD COLUMN client_id BIGINT;
ALTER TABLE users ADD CONSTRAINT uq_users_client UNIQUE (client_id);
ALTER TABLE users DROP CONSTRAINT ck_users_role;
ALTER TABLE users DROP CONSTRAINT ck_users_tutor_link;
ALTER TABLE users ADD CONSTRAINT ck_users_role CHECK (role IN ('ADMIN', 'TUTOR', 'CLIENT'));
ALTER TABLE users ADD CONSTRAINT ck_users_role_link CHECK (
       (role = 'TUTOR' AND tutor_id IS NOT NULL AND client_id IS NULL)
    OR (role = 'ADMIN' AND tutor_id IS NULL AND client_id IS NULL)
    OR (role = 'CLIENT' AND tutor_id IS NULL AND client_id IS NOT NULL));

-- Invitations: only the SHA-256 of the link's random token is kept, so a copy of the database
-- cannot be used to take over a family's login. A new invitation revokes the open ones.
CREATE TABLE portal_invitations (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    client_id          BIGINT       NOT NULL,
    email              VARCHAR(254) NOT NULL,
    display_name       VARCHAR(120) NOT NULL,
    token_hash         CHAR(64)     NOT NULL,
    created_at         DATETIME(6)  NOT NULL,
    expires_at         DATETIME(6)  NOT NULL,
    used_at            DATETIME(6),
    revoked_at         DATETIME(6),
    invited_by_user_id BIGINT,
    CONSTRAINT uq_portal_invitations_token UNIQUE (token_hash),
    CONSTRAINT fk_portal_invitations_by FOREIGN KEY (invited_by_user_id) REFERENCES users (id)
);
CREATE INDEX ix_portal_invitations_client ON portal_invitations (client_id, created_at);

-- The report exactly as it was last emailed: the portal shows what the family received, not a later
-- edit that was never sent. Reports edited since their last send cannot be recovered; they show once
-- sent again.
ALTER TABLE tutoring_sessions ADD COLUMN report_sent_text TEXT;
UPDATE tutoring_sessions SET report_sent_text = report
 WHERE report_sent_at IS NOT NULL AND report_edited_after_send = FALSE;
