-- The W3C trace context of the request or record handling that appended each event, which the outbox relay
-- sends on as the CloudEvents distributed-tracing extension (ce_traceparent, ce_tracestate), so that one
-- command can be followed through the outbox, Kafka and the consumers of the other services. Operational
-- data, not a fact of the domain: the hash chain does not cover it, and events written before this migration
-- have none. See docs/adr/0012-traces-and-logs.md.
ALTER TABLE events ADD COLUMN traceparent TEXT, ADD COLUMN tracestate TEXT;
