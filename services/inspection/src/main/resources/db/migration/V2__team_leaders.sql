-- Register of the leaders' authorisations (一次一授权): one row per cadre who leads a team that has not stood down.
-- Written in the transaction that forms the team (after its TeamFormed) and deleted in the one that stands it
-- down, so the primary key refuses a second team for a leader even when two are formed at once. Follows the
-- Team streams; rebuilt from them if ever lost (a leader per TeamFormed without a later TeamStoodDown).
CREATE TABLE team_leaders (
    cadre_id    TEXT        PRIMARY KEY,
    team_id     TEXT        NOT NULL UNIQUE,
    round_id    TEXT        NOT NULL,
    authorised  TIMESTAMPTZ NOT NULL DEFAULT now()
);
