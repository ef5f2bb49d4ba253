-- Read model of the organisations registered here (projection "organisations", rebuildable from the store).
CREATE TABLE organisations (
    organisation_id TEXT        PRIMARY KEY,
    name            TEXT        NOT NULL,
    kind            TEXT        NOT NULL,
    jurisdiction    TEXT        NOT NULL,
    location        TEXT        NOT NULL,
    version         INTEGER     NOT NULL,
    registered_at   TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);

-- Lists page through (registered_at, organisation_id); filters narrow by jurisdiction subtree and kind.
CREATE INDEX organisations_by_registration ON organisations (registered_at, organisation_id);
CREATE INDEX organisations_by_jurisdiction ON organisations (jurisdiction text_pattern_ops, registered_at);
