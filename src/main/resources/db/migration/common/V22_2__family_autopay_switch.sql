-- Client portal (issue 18): whether families may switch automatic payments on or off in the portal
-- (Settings → Card payments). Off until the business decides: autopay is an agreement with the office.
CREATE TABLE payment_settings (
    id                      BIGINT  NOT NULL PRIMARY KEY,
    families_switch_autopay BOOLEAN NOT NULL,
    version                 BIGINT  NOT NULL DEFAULT 0,
    CONSTRAINT ck_payment_settings_single_row CHECK (id = 1)
);
INSERT INTO payment_settings (id, families_switch_autopay, version) VALUES (1, FALSE, 0);
