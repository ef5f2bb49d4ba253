-- Read model of problem clues (projection "clues", rebuildable from the store): the lists of open and overdue clues
-- across a jurisdiction's subtree, by receiver, which the confidential clue roles read.
CREATE TABLE clues (
    clue_id        TEXT        PRIMARY KEY,
    inspection_id  TEXT        NOT NULL,
    jurisdiction   TEXT        NOT NULL,
    organisation_id TEXT       NOT NULL,
    category       TEXT        NOT NULL,
    receiver       TEXT        NOT NULL,
    receiver_unit  TEXT,
    summary        TEXT        NOT NULL,
    handed_over_on DATE        NOT NULL,
    due_on         DATE        NOT NULL,
    status         TEXT        NOT NULL,
    acknowledged_on DATE,
    disposition    TEXT,
    disposed_on    DATE,
    late           BOOLEAN,
    version        INTEGER     NOT NULL,
    handed_over_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX clues_by_jurisdiction ON clues (jurisdiction text_pattern_ops, handed_over_at, clue_id);
CREATE INDEX clues_open_by_due ON clues (due_on) WHERE status <> 'DISPOSED';
