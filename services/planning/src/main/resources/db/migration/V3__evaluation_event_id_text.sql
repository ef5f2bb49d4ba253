-- The evaluations are keyed by the CloudEvents id they arrived with, which is any non-empty string (kernel
-- migration V6 and docs/kernel.md), not only a UUID.
ALTER TABLE rectification_evaluations ALTER COLUMN event_id TYPE TEXT USING event_id::text;
