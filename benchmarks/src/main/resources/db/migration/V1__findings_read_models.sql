-- Read models the projection-rebuild scenario rebuilds: the findings list, one row per finding, kept from
-- the store (findings) and from the service's topic (findings_from_topic).
CREATE TABLE findings (
    finding_id   uuid PRIMARY KEY,
    stream_id    text        NOT NULL,
    version      integer     NOT NULL,
    jurisdiction text        NOT NULL,
    category     text        NOT NULL,
    severity     text        NOT NULL,
    title        text        NOT NULL,
    due_date     date        NOT NULL
);

CREATE TABLE findings_from_topic (LIKE findings INCLUDING ALL);
