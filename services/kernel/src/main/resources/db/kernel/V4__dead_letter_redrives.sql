-- What became of the dead letters an operator re-drove. The letters themselves stay on their dead-letter topics
-- in Kafka; a row here says that the letter at (consumer, partition, offset) of its topic was re-driven, when,
-- by whom, and with what outcome (REDRIVEN, ALREADY_HANDLED, FAILED). A FAILED letter may be re-driven again.
CREATE TABLE dead_letter_redrives (
    consumer    TEXT        NOT NULL,
    dlq_partition INTEGER   NOT NULL,
    dlq_offset  BIGINT      NOT NULL,
    event_id    TEXT,
    outcome     TEXT        NOT NULL CHECK (outcome IN ('REDRIVEN', 'ALREADY_HANDLED', 'FAILED')),
    detail      TEXT,
    redriven_by TEXT        NOT NULL,
    redriven_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (consumer, dlq_partition, dlq_offset)
);
