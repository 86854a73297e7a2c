-- Card payments with Stripe (payment module, issue 8). Runs unchanged on H2 (MySQL mode) and
-- MySQL 8.4 / MariaDB 11.4. Limits match the entities' constants.

-- The card on file of a client (domain.md "Client"): the Stripe customer, the saved payment method
-- (an id, not card data) and the card summary shown to people — brand, last 4 and expiry, never more.
ALTER TABLE clients ADD COLUMN stripe_customer_id VARCHAR(255);
ALTER TABLE clients ADD COLUMN stripe_payment_method_id VARCHAR(255);
ALTER TABLE clients ADD COLUMN card_brand VARCHAR(20);
ALTER TABLE clients ADD COLUMN card_last4 VARCHAR(4);
ALTER TABLE clients ADD COLUMN card_exp_month INT;
ALTER TABLE clients ADD COLUMN card_exp_year INT;
ALTER TABLE clients ADD CONSTRAINT ck_clients_card CHECK (
    (stripe_payment_method_id IS NULL AND card_brand IS NULL AND card_last4 IS NULL AND card_exp_month IS NULL
        AND card_exp_year IS NULL)
    OR (stripe_payment_method_id IS NOT NULL AND stripe_customer_id IS NOT NULL AND card_brand IS NOT NULL
        AND card_last4 IS NOT NULL AND CHAR_LENGTH(card_last4) = 4 AND card_exp_month BETWEEN 1 AND 12
        AND card_exp_year BETWEEN 2000 AND 2200));

-- Lets a payment attempt point at "invoice N while it is OPEN" (see fk_payment_attempts_in_flight).
ALTER TABLE invoices ADD CONSTRAINT uq_invoices_id_state UNIQUE (id, state);

-- Every try to collect an invoice by card: an off-session charge of the saved card, or a hosted
-- Checkout page opened through the invoice's Pay now link. The row, with its idempotency key
-- invoice-{id}-attempt-{n} and the exact parameters, is committed BEFORE Stripe is called, so a
-- retry after a timeout or a crash sends the same key and parameters and Stripe never charges twice.
--
-- While an attempt is in flight (PENDING) in_flight_invoice_id = invoice_id and in_flight_state =
-- 'OPEN'; both are NULL once it has an outcome. The unique index allows one attempt in flight per
-- invoice, and the foreign key to invoices (id, state) both refuses an attempt on an invoice that is
-- not open and refuses to move the invoice out of OPEN (paid by hand, cancelled) while a charge is in
-- flight: "never charge an invoice that is paid, cancelled or being charged" is a rule of the database.
CREATE TABLE payment_attempts (
    id                       BIGINT AUTO_INCREMENT PRIMARY KEY,
    invoice_id               BIGINT        NOT NULL,
    attempt_number           INT           NOT NULL,
    kind                     VARCHAR(16)   NOT NULL,
    idempotency_key          VARCHAR(100)  NOT NULL,
    amount_minor             BIGINT        NOT NULL,
    currency                 VARCHAR(3)    NOT NULL,
    stripe_customer_id       VARCHAR(255),
    stripe_payment_method_id VARCHAR(255),
    card_label               VARCHAR(60),
    status                   VARCHAR(24)   NOT NULL,
    in_flight_invoice_id     BIGINT,
    in_flight_state          VARCHAR(16),
    requested_via            VARCHAR(24)   NOT NULL,
    requested_by_user_id     BIGINT,
    sending_until            DATETIME(6),
    sends                    INT           NOT NULL DEFAULT 0,
    stripe_payment_intent_id VARCHAR(255),
    stripe_charge_id         VARCHAR(255),
    stripe_checkout_id       VARCHAR(255),
    checkout_url             VARCHAR(2000),
    checkout_expires_at      DATETIME(6),
    failure_code             VARCHAR(60),
    failure_reason           VARCHAR(500),
    created_at               DATETIME(6)   NOT NULL,
    finished_at              DATETIME(6),
    version                  BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT uq_payment_attempts_key UNIQUE (idempotency_key),
    CONSTRAINT uq_payment_attempts_number UNIQUE (invoice_id, attempt_number),
    CONSTRAINT uq_payment_attempts_in_flight UNIQUE (in_flight_invoice_id),
    CONSTRAINT uq_payment_attempts_intent UNIQUE (stripe_payment_intent_id),
    CONSTRAINT uq_payment_attempts_checkout UNIQUE (stripe_checkout_id),
    CONSTRAINT fk_payment_attempts_invoice FOREIGN KEY (invoice_id) REFERENCES invoices (id),
    CONSTRAINT fk_payment_attempts_in_flight FOREIGN KEY (in_flight_invoice_id, in_flight_state)
        REFERENCES invoices (id, state),
    CONSTRAINT fk_payment_attempts_user FOREIGN KEY (requested_by_user_id) REFERENCES users (id),
    CONSTRAINT ck_payment_attempts_kind CHECK (kind IN ('OFF_SESSION', 'CHECKOUT')),
    CONSTRAINT ck_payment_attempts_status CHECK (status IN ('PENDING', 'SUCCEEDED', 'DECLINED',
        'AUTHENTICATION_REQUIRED', 'FAILED', 'EXPIRED')),
    CONSTRAINT ck_payment_attempts_in_flight CHECK (
        (status = 'PENDING' AND in_flight_invoice_id = invoice_id AND in_flight_state = 'OPEN')
        OR (status <> 'PENDING' AND in_flight_invoice_id IS NULL AND in_flight_state IS NULL)),
    CONSTRAINT ck_payment_attempts_amount CHECK (amount_minor > 0),
    CONSTRAINT ck_payment_attempts_number CHECK (attempt_number > 0)
);
CREATE INDEX ix_payment_attempts_status ON payment_attempts (status, sending_until);

-- Refunds of a succeeded card payment, full or partial, with the reason given. Key
-- invoice-{id}-refund-{n}, committed before Stripe is called, like the attempts.
CREATE TABLE payment_refunds (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    attempt_id           BIGINT        NOT NULL,
    invoice_id           BIGINT        NOT NULL,
    refund_number        INT           NOT NULL,
    idempotency_key      VARCHAR(100)  NOT NULL,
    amount_minor         BIGINT        NOT NULL,
    reason               VARCHAR(500)  NOT NULL,
    status               VARCHAR(16)   NOT NULL,
    stripe_refund_id     VARCHAR(255),
    failure_reason       VARCHAR(500),
    requested_by_user_id BIGINT,
    created_at           DATETIME(6)   NOT NULL,
    finished_at          DATETIME(6),
    CONSTRAINT uq_payment_refunds_key UNIQUE (idempotency_key),
    CONSTRAINT uq_payment_refunds_number UNIQUE (invoice_id, refund_number),
    CONSTRAINT uq_payment_refunds_stripe UNIQUE (stripe_refund_id),
    CONSTRAINT fk_payment_refunds_attempt FOREIGN KEY (attempt_id) REFERENCES payment_attempts (id),
    CONSTRAINT fk_payment_refunds_invoice FOREIGN KEY (invoice_id) REFERENCES invoices (id),
    CONSTRAINT fk_payment_refunds_user FOREIGN KEY (requested_by_user_id) REFERENCES users (id),
    CONSTRAINT ck_payment_refunds_status CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED')),
    CONSTRAINT ck_payment_refunds_amount CHECK (amount_minor > 0)
);
CREATE INDEX ix_payment_refunds_attempt ON payment_refunds (attempt_id);

-- Hosted Checkout pages in setup mode (a client saving a card), so that a second click on the same
-- emailed link reuses the page instead of opening another.
CREATE TABLE card_setups (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    client_id          BIGINT        NOT NULL,
    setup_number       INT           NOT NULL,
    idempotency_key    VARCHAR(100)  NOT NULL,
    stripe_customer_id VARCHAR(255)  NOT NULL,
    stripe_checkout_id VARCHAR(255),
    checkout_url       VARCHAR(2000),
    expires_at         DATETIME(6),
    completed_at       DATETIME(6),
    created_at         DATETIME(6)   NOT NULL,
    CONSTRAINT uq_card_setups_key UNIQUE (idempotency_key),
    CONSTRAINT uq_card_setups_number UNIQUE (client_id, setup_number),
    CONSTRAINT uq_card_setups_checkout UNIQUE (stripe_checkout_id),
    CONSTRAINT fk_card_setups_client FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE CASCADE
);

-- Webhook events from Stripe: each event id is stored once (the primary key) when it arrives, and
-- processed_at is set in the same transaction as the event's effect, so a replayed event does
-- nothing twice.
CREATE TABLE stripe_events (
    id            VARCHAR(255)  NOT NULL PRIMARY KEY,
    type          VARCHAR(100)  NOT NULL,
    object_id     VARCHAR(255),
    received_at   DATETIME(6)   NOT NULL,
    processed_at  DATETIME(6),
    outcome       VARCHAR(500),
    tries         INT           NOT NULL DEFAULT 0,
    last_error    VARCHAR(500)
);
CREATE INDEX ix_stripe_events_pending ON stripe_events (processed_at, received_at);
