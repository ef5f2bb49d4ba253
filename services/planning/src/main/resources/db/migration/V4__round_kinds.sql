-- Round kinds with their own rules (docs/adr/0030). The round register keeps a SPECIAL round's theme and sector and
-- the higher LINKED round a lower one names, so that linked rounds are listed together.
ALTER TABLE rounds
    ADD COLUMN theme           TEXT,
    ADD COLUMN sector          TEXT,
    ADD COLUMN linked_round_id TEXT;
CREATE INDEX rounds_by_linked_round ON rounds (linked_round_id) WHERE linked_round_id IS NOT NULL;

-- The targets of ELEVATED rounds (提级) with the lower level's plan whose universe holds each: an inspection of
-- such a round counts for that plan's coverage too. Written with the round's RoundScheduled.
CREATE TABLE elevated_targets (
    round_id        TEXT NOT NULL REFERENCES rounds (round_id),
    organisation_id TEXT NOT NULL,
    covered_plan_id TEXT NOT NULL REFERENCES plans (plan_id),
    PRIMARY KEY (round_id, organisation_id)
);
CREATE INDEX elevated_targets_by_plan ON elevated_targets (covered_plan_id, organisation_id);

-- Look-back candidates (回头看): organisations whose rectification was judged not effective, from
-- xunshi.rectification.events (LookBackCandidatePublished; topic projection "look-back-candidates"), one row per case.
CREATE TABLE look_back_candidates (
    case_id           TEXT PRIMARY KEY,
    inspection_id     TEXT NOT NULL,
    plan_id           TEXT NOT NULL,
    jurisdiction      TEXT NOT NULL,
    organisation_id   TEXT NOT NULL,
    organisation_name TEXT,
    evaluated_on      DATE NOT NULL,
    grade             TEXT
);
CREATE INDEX look_back_candidates_by_plan ON look_back_candidates (plan_id, evaluated_on, case_id);
