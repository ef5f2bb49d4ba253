-- Read model of what is due on each rectification case (projection "rectification-deadlines", rebuildable from the
-- store): every task with a due date, the rectification report and the head's report, until done. The signal lists
-- (green, yellow, red) are queries over it: red once today is after due_on, yellow from warn_from (the level's
-- configured days before due_on).
CREATE TABLE rectification_deadlines (
    case_id               TEXT    NOT NULL,
    item_id               TEXT    NOT NULL,
    kind                  TEXT    NOT NULL,
    inspection_id         TEXT    NOT NULL,
    jurisdiction          TEXT    NOT NULL,
    organisation_id       TEXT    NOT NULL,
    organisation_name     TEXT,
    organisation_location TEXT    NOT NULL,
    responsible           TEXT    NOT NULL,
    description           TEXT    NOT NULL,
    due_on                DATE    NOT NULL,
    warn_from             DATE    NOT NULL,
    PRIMARY KEY (case_id, item_id)
);

CREATE INDEX rectification_deadlines_by_due ON rectification_deadlines (due_on, case_id, item_id);
CREATE INDEX rectification_deadlines_by_jurisdiction ON rectification_deadlines (jurisdiction text_pattern_ops, due_on);

-- The cases the deadlines belong to: what every row of a case repeats, and the last case version the projection
-- applied, so that applying an event again changes nothing.
CREATE TABLE rectification_deadline_cases (
    case_id               TEXT    PRIMARY KEY,
    version               INTEGER NOT NULL,
    inspection_id         TEXT    NOT NULL,
    jurisdiction          TEXT    NOT NULL,
    organisation_id       TEXT    NOT NULL,
    organisation_name     TEXT,
    organisation_location TEXT    NOT NULL
);
