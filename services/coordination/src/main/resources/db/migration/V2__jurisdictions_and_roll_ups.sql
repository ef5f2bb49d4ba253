-- Read model of the jurisdiction tree (projection "jurisdictions", rebuildable from the store).
CREATE TABLE jurisdictions (
    code        TEXT    PRIMARY KEY,
    name        TEXT    NOT NULL,
    level       TEXT    NOT NULL,
    parent_code TEXT,
    source      TEXT,
    version     INTEGER NOT NULL
);

-- Children of a node, in code order (lists and child counts).
CREATE INDEX jurisdictions_by_parent ON jurisdictions (parent_code, code);

-- Inspections as the inspection service reports them (topic projection "inspection-roll-up"): keyed by the
-- inspection, counted by the inspecting jurisdiction. A row may exist before its opening arrived
-- (jurisdiction still null); it is counted once it has one.
CREATE TABLE roll_up_inspections (
    inspection_id TEXT    PRIMARY KEY,
    jurisdiction  TEXT,
    closed        BOOLEAN NOT NULL DEFAULT false
);

CREATE INDEX roll_up_inspections_by_jurisdiction ON roll_up_inspections (jurisdiction text_pattern_ops);

-- Rectification cases (topic projection "rectification-roll-up"), counted by the supervising jurisdiction.
-- The latest report submission and the latest evaluation are kept with the case's version at which they
-- happened, so that their order decides the case's state whatever order a batch applies them in.
CREATE TABLE roll_up_rectifications (
    case_id            TEXT    PRIMARY KEY,
    jurisdiction       TEXT,
    report_due         DATE,
    submitted_version  INTEGER,
    evaluated_version  INTEGER,
    outcome            TEXT
);

CREATE INDEX roll_up_rectifications_by_jurisdiction ON roll_up_rectifications (jurisdiction text_pattern_ops);
