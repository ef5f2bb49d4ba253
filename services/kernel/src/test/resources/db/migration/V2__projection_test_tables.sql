-- Read models of the kernel tests' projections, kept the way a service keeps its own.
CREATE TABLE test_tallies (
    stream_id    TEXT    PRIMARY KEY,
    jurisdiction TEXT    NOT NULL,
    events       INTEGER NOT NULL,
    total        BIGINT  NOT NULL,
    last_version INTEGER NOT NULL
);

CREATE TABLE test_flaky (
    event_id  UUID    PRIMARY KEY,
    stream_id TEXT    NOT NULL,
    version   INTEGER NOT NULL
);
