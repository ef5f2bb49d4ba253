-- Idempotency records expire (xunshi.idempotency.retention): the purge deletes the oldest first, by this index.
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
