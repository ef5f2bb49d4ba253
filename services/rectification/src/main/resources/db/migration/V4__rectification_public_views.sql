-- Read model of the published public views (projection "rectification-public-views", rebuildable from the store):
-- each case's public view as last published (Art. 32), exactly what PublicViewPublished discloses, for the public
-- list. Nothing internal is ever written here: the event carries only what the public view discloses.
CREATE TABLE rectification_public_views (
    case_id      TEXT    PRIMARY KEY,
    version      INTEGER NOT NULL,
    published_on DATE    NOT NULL,
    jurisdiction TEXT    NOT NULL,
    view         JSONB   NOT NULL
);

CREATE INDEX rectification_public_views_by_day ON rectification_public_views (published_on DESC, case_id DESC);
