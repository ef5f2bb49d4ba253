-- Read model of the cadre pool (projection "cadres", rebuildable from the store): what the pool's list and the
-- suggested team draw candidates from. Recusal itself is decided on each candidate's own stream, not here.
CREATE TABLE cadres (
    cadre_id      TEXT        PRIMARY KEY,
    jurisdiction  TEXT        NOT NULL,
    name          TEXT        NOT NULL,
    account       TEXT        NOT NULL,
    rank          TEXT        NOT NULL,
    expertise     TEXT[]      NOT NULL,
    unit_id       TEXT        NOT NULL,
    unit_name     TEXT        NOT NULL,
    title         TEXT        NOT NULL,
    checks        TEXT[]      NOT NULL DEFAULT '{}',
    version       INTEGER     NOT NULL,
    registered_at TIMESTAMPTZ NOT NULL
);

-- Lists page through (registered_at, cadre_id) within a jurisdiction subtree; expertise is matched by overlap.
CREATE INDEX cadres_by_jurisdiction ON cadres (jurisdiction text_pattern_ops, registered_at, cadre_id);
CREATE INDEX cadres_by_expertise ON cadres USING gin (expertise);
