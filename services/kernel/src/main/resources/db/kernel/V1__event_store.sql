-- The event store: the service's source of truth. Append-only: one row per event, never updated.
--
-- (stream_id, version) is the primary key, so two concurrent appends to one aggregate cannot both
-- succeed (optimistic concurrency). tx_id is the appending transaction's id; (tx_id, global_position)
-- is the store's global order, which readers and the outbox relay follow only below the oldest
-- running transaction (pg_snapshot_xmin), so a transaction that commits late is never skipped.
-- See docs/adr/0003-gap-free-global-order.md.
CREATE TABLE events (
    global_position BIGINT      GENERATED ALWAYS AS IDENTITY,
    tx_id           XID8        NOT NULL DEFAULT pg_current_xact_id(),
    stream_id       TEXT        NOT NULL,
    version         INTEGER     NOT NULL CHECK (version > 0),
    stream_type     TEXT        NOT NULL,
    event_id        UUID        NOT NULL,
    event_type      TEXT        NOT NULL,
    type_version    INTEGER     NOT NULL CHECK (type_version > 0),
    jurisdiction    TEXT        NOT NULL,
    payload         JSONB       NOT NULL,
    metadata        JSONB       NOT NULL,
    occurred_at     TIMESTAMPTZ NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    -- Tamper evidence: hash = SHA-256(prev_hash || SHA-256(canonical content)); prev_hash is NULL at version 1.
    prev_hash       BYTEA,
    hash            BYTEA       NOT NULL,
    CONSTRAINT events_pkey PRIMARY KEY (stream_id, version)
);

CREATE INDEX events_global_order ON events (tx_id, global_position);

-- Where each reader of the global order (the outbox relay, projections) has got to, written in the
-- same transaction as the reader's own effects.
CREATE TABLE checkpoints (
    name        TEXT        PRIMARY KEY,
    tx_id       XID8        NOT NULL DEFAULT '0'::xid8,
    position    BIGINT      NOT NULL DEFAULT 0,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);

-- Per-subject keys for personal data (crypto-shredding). Deleting a row erases that subject's data
-- wherever it was written — store, Kafka, projections — while the events themselves stay untouched.
CREATE TABLE subject_keys (
    subject_id  TEXT        PRIMARY KEY,
    key_bytes   BYTEA       NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);

-- Erasures are recorded (without the key) so that an erased subject is never given a fresh key.
CREATE TABLE subject_erasures (
    subject_id  TEXT        PRIMARY KEY,
    erased_at   TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    reason      TEXT        NOT NULL
);

-- Idempotent consumers: an event's id is recorded in the same transaction as its effect.
CREATE TABLE inbox (
    consumer     TEXT        NOT NULL,
    event_id     UUID        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (consumer, event_id)
);

-- Snapshots of long streams: the folded state at a version, a cache that can always be thrown away.
CREATE TABLE snapshots (
    stream_id   TEXT        PRIMARY KEY,
    version     INTEGER     NOT NULL,
    state       JSONB       NOT NULL,
    taken_at    TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);
