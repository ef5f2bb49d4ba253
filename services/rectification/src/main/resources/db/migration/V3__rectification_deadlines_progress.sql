-- Long-term tasks on the escalation lists (issue 13): a long-term task's row carries no due date until the
-- rectification report is submitted; from then on its next progress report is due every progress_days (the level's
-- period recorded with the report). Closed tasks stay as rows marked done, so that a closure the supervising office
-- rejects puts the task back on the lists. last_progress_on is a long-term task's latest progress day, from which,
-- once the report is in, its next progress report is due.
-- Deploy note: stop every rectification replica before this migration runs (it restarts the projection).
ALTER TABLE rectification_deadlines
    ALTER COLUMN due_on DROP NOT NULL,
    ALTER COLUMN warn_from DROP NOT NULL,
    ADD COLUMN done BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN last_progress_on DATE;

ALTER TABLE rectification_deadline_cases ADD COLUMN progress_days INTEGER, ADD COLUMN warn_days INTEGER NOT NULL DEFAULT 0;

-- The read model is rebuilt from the store with the new rows: empty it and start its projection from the beginning.
DELETE FROM rectification_deadlines;
DELETE FROM rectification_deadline_cases;
DO $$
BEGIN
    IF to_regclass('checkpoints') IS NOT NULL THEN
        UPDATE checkpoints SET tx_id = '0'::xid8, position = 0 WHERE name = 'rectification-deadlines';
    END IF;
END
$$;
