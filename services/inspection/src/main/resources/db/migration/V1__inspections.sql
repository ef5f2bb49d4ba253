-- Read model of the inspections (projection "inspections", rebuildable from the store): what lists find
-- inspections by (round, plan, status) within a jurisdiction subtree.
CREATE TABLE inspections (
    inspection_id             TEXT        PRIMARY KEY,
    round_id                  TEXT        NOT NULL,
    plan_id                   TEXT        NOT NULL,
    jurisdiction              TEXT        NOT NULL,
    round_kind                TEXT        NOT NULL,
    team                      TEXT        NOT NULL,
    organisation_id           TEXT        NOT NULL,
    organisation_name         TEXT        NOT NULL,
    organisation_jurisdiction TEXT        NOT NULL,
    organisation_location     TEXT        NOT NULL,
    stationing_start          DATE        NOT NULL,
    stationing_end            DATE        NOT NULL,
    status                    TEXT        NOT NULL,
    findings                  INTEGER     NOT NULL,
    version                   INTEGER     NOT NULL,
    opened_at                 TIMESTAMPTZ NOT NULL,
    updated_at                TIMESTAMPTZ NOT NULL
);

-- Lists page through (opened_at, inspection_id) within a jurisdiction subtree; an agency system finds the
-- inspections a launched round opened by its round id.
CREATE INDEX inspections_by_opening ON inspections (opened_at, inspection_id);
CREATE INDEX inspections_by_jurisdiction ON inspections (jurisdiction text_pattern_ops, opened_at);
CREATE INDEX inspections_by_round ON inspections (round_id);
CREATE INDEX inspections_by_plan ON inspections (plan_id);
