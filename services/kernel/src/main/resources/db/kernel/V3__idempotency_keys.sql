-- Commands sent with an Idempotency-Key: the first result, kept so that a retry with the same key returns
-- it without doing the work again. Keys are scoped to the caller (the token's subject).
CREATE TABLE idempotency_keys (
    caller          TEXT        NOT NULL,
    idempotency_key TEXT        NOT NULL,
    request_hash    BYTEA       NOT NULL,
    status          INTEGER     NOT NULL,
    headers         JSONB       NOT NULL,
    body            TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (caller, idempotency_key)
);
