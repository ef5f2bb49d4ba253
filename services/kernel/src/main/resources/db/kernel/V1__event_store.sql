-- The event store: the service's source of truth. Append-only; one row per event.
-- (stream_id, version) is unique, so two concurrent appends to one aggregate cannot both succeed.
CREATE TABLE events (
    global_position BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id        UUID        NOT NULL UNIQUE,
    stream_id       TEXT        NOT NULL,
    stream_type     TEXT        NOT NULL,
    version         INTEGER     NOT NULL CHECK (version > 0),
    event_type      TEXT        NOT NULL,
    jurisdiction    TEXT        NOT NULL,
    payload         JSONB       NOT NULL,
    metadata        JSONB       NOT NULL DEFAULT '{}'::jsonb,
    occurred_at     TIMESTAMPTZ NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT events_stream_version UNIQUE (stream_id, version)
);
