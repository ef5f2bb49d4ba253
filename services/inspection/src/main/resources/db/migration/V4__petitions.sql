-- Read model of petitions (projection "petitions", rebuildable from the store): the lists of an inspection's
-- petitions and of transfers whose answer is overdue. It holds no part of a reporter's identity, sealed or not:
-- only whether the petition was anonymous and whether its reporter was erased.
CREATE TABLE petitions (
    petition_id    TEXT        PRIMARY KEY,
    inspection_id  TEXT        NOT NULL,
    jurisdiction   TEXT        NOT NULL,
    channel        TEXT        NOT NULL,
    received_on    DATE        NOT NULL,
    summary        TEXT        NOT NULL,
    concerns       TEXT,
    anonymous      BOOLEAN     NOT NULL,
    status         TEXT        NOT NULL,
    scope          TEXT,
    department     TEXT,
    answer_due     DATE,
    answered_on    DATE,
    answered_late  BOOLEAN,
    reporter_erased BOOLEAN    NOT NULL DEFAULT FALSE,
    version        INTEGER     NOT NULL,
    received_at    TIMESTAMPTZ NOT NULL
);

CREATE INDEX petitions_by_jurisdiction ON petitions (jurisdiction text_pattern_ops, received_at, petition_id);
CREATE INDEX petitions_by_inspection ON petitions (inspection_id, received_at, petition_id);
CREATE INDEX petitions_awaiting_answer ON petitions (answer_due) WHERE status = 'TRANSFERRED';
