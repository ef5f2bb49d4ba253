-- Read model of the rectification cases (projection "rectification-cases", rebuildable from the store):
-- what the case list filters and pages through. A case itself is read from its stream.
CREATE TABLE rectification_cases (
    case_id                   TEXT        PRIMARY KEY,
    inspection_id             TEXT        NOT NULL,
    round_id                  TEXT,
    plan_id                   TEXT,
    jurisdiction              TEXT        NOT NULL,
    organisation_id           TEXT        NOT NULL,
    organisation_name         TEXT,
    organisation_jurisdiction TEXT,
    organisation_location     TEXT        NOT NULL,
    first_responsible         TEXT        NOT NULL,
    feedback_on               DATE        NOT NULL,
    report_due                DATE        NOT NULL,
    status                    TEXT        NOT NULL,
    tasks_total               INTEGER     NOT NULL,
    tasks_closed              INTEGER     NOT NULL DEFAULT 0,
    report_submitted_on       DATE,
    report_on_time            BOOLEAN,
    outcome                   TEXT,
    evaluated_on              DATE,
    version                   INTEGER     NOT NULL,
    opened_at                 TIMESTAMPTZ NOT NULL
);

-- Lists page through (opened_at, case_id), narrowed by the caller's subtree of the inspecting jurisdiction
-- or of the organisation's location, and by inspection and status.
CREATE INDEX rectification_cases_by_opening ON rectification_cases (opened_at, case_id);
CREATE INDEX rectification_cases_by_jurisdiction ON rectification_cases (jurisdiction text_pattern_ops, opened_at);
CREATE INDEX rectification_cases_by_location ON rectification_cases (organisation_location text_pattern_ops, opened_at);
CREATE INDEX rectification_cases_by_inspection ON rectification_cases (inspection_id);
