-- Planning's own views of coordination's events (topic projections "organisations" and "jurisdictions",
-- rebuildable from xunshi.coordination.events).
CREATE TABLE organisations (
    organisation_id TEXT    PRIMARY KEY,
    name            TEXT    NOT NULL,
    kind            TEXT    NOT NULL,
    jurisdiction    TEXT    NOT NULL,
    location        TEXT    NOT NULL,
    version         INTEGER NOT NULL
);
CREATE INDEX organisations_by_jurisdiction ON organisations (jurisdiction, organisation_id);

CREATE TABLE jurisdictions (
    code        TEXT    PRIMARY KEY,
    name        TEXT    NOT NULL,
    level       TEXT    NOT NULL,
    parent_code TEXT,
    version     INTEGER NOT NULL
);
CREATE INDEX jurisdictions_by_parent ON jurisdictions (parent_code, code);

-- The plan register: written in the transaction that appends WorkPlanIssued, so that the rule "one plan per
-- jurisdiction and term" holds under concurrency (see docs/adr/0007-plans-rounds-coverage.md). Plans do
-- not change after they are issued.
CREATE TABLE plans (
    plan_id        TEXT        PRIMARY KEY,
    jurisdiction   TEXT        NOT NULL,
    title          TEXT        NOT NULL,
    term_start     INTEGER     NOT NULL,
    term_end       INTEGER     NOT NULL,
    parent_plan_id TEXT        REFERENCES plans (plan_id),
    issued_at      TIMESTAMPTZ NOT NULL,
    UNIQUE (jurisdiction, term_start)
);
CREATE INDEX plans_by_jurisdiction ON plans (jurisdiction text_pattern_ops, issued_at, plan_id);
CREATE INDEX plans_by_parent ON plans (parent_plan_id, jurisdiction);

CREATE TABLE plan_universe (
    plan_id         TEXT    NOT NULL REFERENCES plans (plan_id),
    position        INTEGER NOT NULL,
    organisation_id TEXT    NOT NULL,
    PRIMARY KEY (plan_id, organisation_id)
);

-- The round register, written with the round's events (RoundScheduled, RoundLaunched).
CREATE TABLE rounds (
    round_id        TEXT        PRIMARY KEY,
    plan_id         TEXT        NOT NULL REFERENCES plans (plan_id),
    jurisdiction    TEXT        NOT NULL,
    kind            TEXT        NOT NULL,
    name            TEXT        NOT NULL,
    stationing_start DATE       NOT NULL,
    stationing_end  DATE        NOT NULL,
    assignments     JSONB       NOT NULL,
    status          TEXT        NOT NULL,
    launched_on     DATE,
    version         INTEGER     NOT NULL,
    scheduled_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX rounds_by_plan ON rounds (plan_id, scheduled_at, round_id);

-- Coverage: feedback given (xunshi.inspection.events, FeedbackGiven) and rectification evaluated
-- (xunshi.rectification.events, RectificationEvaluated), one row per inspection / per evaluation event.
CREATE TABLE feedback_given (
    inspection_id   TEXT PRIMARY KEY,
    plan_id         TEXT NOT NULL,
    round_id        TEXT,
    organisation_id TEXT NOT NULL,
    given_on        DATE NOT NULL
);
CREATE INDEX feedback_given_by_plan ON feedback_given (plan_id, organisation_id);

CREATE TABLE rectification_evaluations (
    event_id        UUID    PRIMARY KEY,
    case_id         TEXT    NOT NULL,
    case_version    INTEGER NOT NULL,
    inspection_id   TEXT    NOT NULL,
    plan_id         TEXT    NOT NULL,
    organisation_id TEXT    NOT NULL,
    outcome         TEXT    NOT NULL,
    evaluated_on    DATE    NOT NULL
);
CREATE INDEX rectification_evaluations_by_plan ON rectification_evaluations (plan_id, organisation_id);
