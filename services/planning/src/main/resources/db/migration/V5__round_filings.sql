-- A round's work plan filed with the level above (报备, docs/adr/0030): the register keeps where and when, and what
-- was filed, so that the higher office lists what its lower levels are running.
ALTER TABLE rounds
    ADD COLUMN filed_with TEXT,
    ADD COLUMN filed_on   DATE,
    ADD COLUMN work_plan  TEXT;
CREATE INDEX rounds_by_filed_with ON rounds (filed_with, filed_on, round_id) WHERE filed_with IS NOT NULL;
