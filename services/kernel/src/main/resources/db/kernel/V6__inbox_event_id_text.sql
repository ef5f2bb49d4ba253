-- CloudEvents ids are any non-empty string, not only UUIDs: partner agencies publish with their own tools. The
-- inbox keys idempotent consumption by the ce_id as it arrived, so its event_id becomes text. The decoder
-- (CloudEventDecoder) dead-letters an id that is empty, longer than 256 characters or holds a control
-- character before it reaches the inbox; the check repeats the bound. The ids recorded so far are UUIDs and
-- keep their canonical lower-case text form, which is what ce_id carried.
ALTER TABLE inbox ALTER COLUMN event_id TYPE TEXT USING event_id::text;
ALTER TABLE inbox ADD CONSTRAINT inbox_event_id_bounded CHECK (length(event_id) BETWEEN 1 AND 256);
