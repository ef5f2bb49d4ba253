-- CloudEvents makes an event's id unique within its source. The platform's own topics have one source each
-- (the owner's relay, which consumers check), so their inbox rows keep an empty source; a partner's topic is
-- written by the partner's own systems, whose ids may repeat from one system to the next, so its consumers key
-- the inbox on the ce_source too.
ALTER TABLE inbox ADD COLUMN source TEXT NOT NULL DEFAULT '';
ALTER TABLE inbox DROP CONSTRAINT inbox_pkey;
ALTER TABLE inbox ADD CONSTRAINT inbox_pkey PRIMARY KEY (consumer, source, event_id);
ALTER TABLE inbox ADD CONSTRAINT inbox_source_bounded CHECK (length(source) <= 1024);
