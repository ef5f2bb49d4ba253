-- Every subject key is stored with the id of the master key that wrapped it (xunshi.privacy.master-key-id), so
-- that the master key can be rotated: keys wrapped under an older id still open while that id's key is
-- configured, and are rewrapped under the current one. Keys stored before ids existed were wrapped by the one
-- master key there was, which is the default id v1.
ALTER TABLE subject_keys ADD COLUMN master_key_id TEXT NOT NULL DEFAULT 'v1';
ALTER TABLE subject_keys ALTER COLUMN master_key_id DROP DEFAULT;
CREATE INDEX subject_keys_by_master_key ON subject_keys (master_key_id);
