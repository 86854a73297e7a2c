-- Prepaid packages' low-balance email (issue 17, optional): when what is left of a package falls below
-- this many hours, its client's billing contact gets one email (through the outbox), once per package.
-- NULL switches it off (the default).
CREATE TABLE prepaid_settings (
    id                  BIGINT NOT NULL PRIMARY KEY,
    low_balance_hours   INT,
    version             BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT ck_prepaid_settings_single_row CHECK (id = 1),
    CONSTRAINT ck_prepaid_settings_hours CHECK (low_balance_hours IS NULL OR low_balance_hours BETWEEN 1 AND 100)
);
INSERT INTO prepaid_settings (id, low_balance_hours, version) VALUES (1, NULL, 0);
