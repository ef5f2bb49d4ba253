-- Where each reader of another service's topic (a projection fed from Kafka) has got to, partition by
-- partition: the offset of the next record to read. Written in the same transaction as the reader's own
-- rows, so the rows and the offsets commit or roll back together; Kafka's own committed offsets are not used.
CREATE TABLE topic_offsets (
    consumer    TEXT        NOT NULL,
    topic       TEXT        NOT NULL,
    partition   INTEGER     NOT NULL CHECK (partition >= 0),
    next_offset BIGINT      NOT NULL CHECK (next_offset >= 0),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (consumer, topic, partition)
);
