-- How many findings each feedback carried: a feedback without findings leaves nothing to rectify, so the
-- organisation counts as effectively covered without an evaluation. NULL for rows written before the
-- column existed, until the projection is rebuilt.
ALTER TABLE feedback_given ADD COLUMN findings INTEGER;
