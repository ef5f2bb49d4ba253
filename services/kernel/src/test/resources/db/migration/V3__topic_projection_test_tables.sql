-- Read model of the kernel tests' projection of another service's topic.
CREATE TABLE test_remote_findings (
    event_id     UUID        PRIMARY KEY,
    subject      TEXT        NOT NULL,
    jurisdiction TEXT,
    severity     TEXT        NOT NULL,
    occurred_at  TIMESTAMPTZ
);
