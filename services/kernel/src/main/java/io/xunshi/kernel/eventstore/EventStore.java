package io.xunshi.kernel.eventstore;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import io.xunshi.kernel.domain.InvalidCommand;
import io.xunshi.kernel.domain.Texts;
import io.xunshi.kernel.privacy.PersonalDataInClear;
import io.xunshi.kernel.privacy.PersonalFields;
import io.xunshi.kernel.tracing.TraceContext;

/**
 * The service's event store in its own PostgreSQL schema: append with optimistic concurrency, read a
 * stream (whole, up to a version, or as of a time), read everything in one global order, and verify the
 * hash chains.
 *
 * <p>An append to an existing stream must be the first write of its transaction: the transaction id is
 * then taken when the events are inserted, after the previous version of the stream was committed, so a
 * stream's later events always carry a larger transaction id and the global order keeps each stream in
 * version order (docs/adr/0003-gap-free-global-order.md). Creating new streams ({@link ExpectedVersion#NO_STREAM})
 * is allowed after other writes, any number of times in one transaction: a new stream has no earlier
 * event to be ordered after, and every later append to it, being a first write that waits for it to be
 * committed, takes a larger transaction id. So a consumer can open one aggregate per item of an incoming
 * event, atomically with its inbox entry.
 */
@ApplicationScoped
public class EventStore {

    static final String COLUMNS = "global_position, tx_id::text AS tx, stream_id, version, stream_type, event_id,"
            + " event_type, type_version, jurisdiction, payload::text AS payload_json, metadata::text AS metadata_json,"
            + " occurred_at, recorded_at, prev_hash, hash";

    private static final String HEAD = "SELECT pg_current_xact_id_if_assigned()::text AS assigned, h.version, h.hash"
            + " FROM (SELECT 1) one LEFT JOIN LATERAL (SELECT version, hash FROM events WHERE stream_id = $1"
            + " ORDER BY version DESC LIMIT 1) h ON true";

    /**
     * An append at a known version in one statement: it reads the stream's head, checks the expected version
     * (and that an existing stream's append is its transaction's first write), chains the hashes in the
     * database — {@code sha256(prev || digest)}, the content digests coming from the client — and inserts
     * every event in version order. No row back means the check failed; {@link #HEAD} then says why. Payload
     * and metadata are sent as text and cast by PostgreSQL: a Java string bound to a jsonb parameter would
     * be stored as one JSON string value, not as the object it spells.
     */
    private static final String APPEND = "WITH RECURSIVE head AS MATERIALIZED ("
            + "SELECT pg_current_xact_id_if_assigned() IS NOT NULL AS written, h.version, h.hash"
            + " FROM (SELECT 1) one LEFT JOIN LATERAL (SELECT version, hash FROM events WHERE stream_id = $1"
            + " ORDER BY version DESC LIMIT 1) h ON true),"
            + " input AS (SELECT * FROM unnest($5::uuid[], $6::text[], $7::int[], $8::text[], $9::text[],"
            + " $10::timestamptz[], $11::bytea[]) WITH ORDINALITY AS i(event_id, event_type, type_version, payload,"
            + " metadata, occurred_at, digest, n)),"
            + " chain(n, prev_hash, hash) AS (SELECT i.n, head.hash, sha256(coalesce(head.hash, ''::bytea) || i.digest)"
            + " FROM head, input i WHERE i.n = 1"
            + " UNION ALL SELECT i.n, c.hash, sha256(c.hash || i.digest) FROM chain c JOIN input i ON i.n = c.n + 1)"
            + " INSERT INTO events (stream_id, version, stream_type, event_id, event_type, type_version, jurisdiction,"
            + " payload, metadata, occurred_at, prev_hash, hash, traceparent, tracestate)"
            + " SELECT $1, $4 + i.n::int, $2, i.event_id, i.event_type, i.type_version, $3, i.payload::jsonb,"
            + " i.metadata::jsonb, i.occurred_at, c.prev_hash, c.hash, $12::text, $13::text"
            + " FROM input i JOIN chain c ON c.n = i.n CROSS JOIN head"
            + " WHERE coalesce(head.version, 0) = $4 AND ($4 = 0 OR NOT head.written) ORDER BY i.n"
            + " RETURNING version, global_position, tx_id::text AS tx, recorded_at, prev_hash, hash";

    /** Below the oldest running transaction, every transaction has ended: the order there is final. */
    static final String SETTLED = "tx_id < pg_snapshot_xmin(pg_current_snapshot())";

    private final Pool pool;
    private final ObjectMapper json;
    private final Upcasters upcasters;
    private final Counter appended;
    private final Counter conflicts;
    private final int maxPayloadBytes;

    /**
     * @param maxPayloadBytes the largest payload an event may have, in bytes of its JSON in UTF-8: below what
     *        the relay's producer sends ({@code kafka.max.request.size}) and the topics keep
     *        ({@code max.message.bytes}), less room for the key and the CloudEvents headers, so that every
     *        event stored can also be published
     */
    @Inject
    public EventStore(Pool pool, ObjectMapper json, Upcasters upcasters, MeterRegistry metrics,
            @ConfigProperty(name = "xunshi.events.max-payload-bytes", defaultValue = "1000000") int maxPayloadBytes) {
        this.pool = pool;
        this.maxPayloadBytes = maxPayloadBytes;
        this.json = json;
        this.upcasters = upcasters;
        this.appended = Counter.builder("xunshi.eventstore.appended").description("Events appended")
                .register(metrics);
        this.conflicts = Counter.builder("xunshi.eventstore.conflicts")
                .description("Appends refused because the stream had moved on").register(metrics);
    }

    public Pool pool() {
        return pool;
    }

    /**
     * Appends events to a stream in a transaction of its own; all of them or none. The events keep the trace
     * context current when this is called ({@link TraceContext#current()}), which the relay publishes with them.
     */
    public Uni<AppendResult> append(String streamId, String streamType, String jurisdiction, int expectedVersion,
            List<NewEvent> events) {
        requireEvents(streamId, events);
        TraceContext trace = TraceContext.current();
        if (expectedVersion == ExpectedVersion.ANY) {
            return pool.withTransaction(conn -> appendAtHead(conn, streamId, streamType, jurisdiction, events, trace));
        }
        // One statement, its own transaction: a single round trip.
        return appendAt(pool, streamId, streamType, jurisdiction, expectedVersion, events, trace);
    }

    /**
     * Appends within the caller's transaction, which must not have written anything yet unless the append
     * creates a new stream ({@code expectedVersion} {@link ExpectedVersion#NO_STREAM}); the caller's further
     * writes (an inbox entry, an idempotency record, more new streams) follow it.
     */
    public Uni<AppendResult> append(SqlConnection conn, String streamId, String streamType, String jurisdiction,
            int expectedVersion, List<NewEvent> events) {
        requireEvents(streamId, events);
        TraceContext trace = TraceContext.current();
        if (expectedVersion != ExpectedVersion.ANY) {
            return appendAt(conn, streamId, streamType, jurisdiction, expectedVersion, events, trace);
        }
        return appendAtHead(conn, streamId, streamType, jurisdiction, events, trace);
    }

    /** At whatever version the stream is: reads it, then appends at that version. */
    private Uni<AppendResult> appendAtHead(SqlConnection conn, String streamId, String streamType,
            String jurisdiction, List<NewEvent> events, TraceContext trace) {
        return conn.preparedQuery(HEAD).execute(Tuple.of(streamId)).flatMap(head -> {
            Row row = head.iterator().next();
            if (row.getString("assigned") != null) {
                return Uni.createFrom().failure(firstWriteOnly(row.getString("assigned")));
            }
            Integer found = row.getInteger("version");
            return appendAt(conn, streamId, streamType, jurisdiction, found == null ? 0 : found, events, trace);
        });
    }

    private static void requireEvents(String streamId, List<NewEvent> events) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("nothing to append to " + streamId);
        }
    }

    /** An append at a known version, in one statement ({@link #APPEND}); see {@link #append(SqlConnection, String, String, String, int, List)}. */
    private Uni<AppendResult> appendAt(SqlClient client, String streamId, String streamType, String jurisdiction,
            int expectedVersion, List<NewEvent> events, TraceContext trace) {
        int n = events.size();
        UUID[] ids = new UUID[n];
        String[] types = new String[n];
        Integer[] typeVersions = new Integer[n];
        String[] payloads = new String[n];
        String[] metadata = new String[n];
        OffsetDateTime[] occurred = new OffsetDateTime[n];
        io.vertx.core.buffer.Buffer[] digests = new io.vertx.core.buffer.Buffer[n];
        for (int i = 0; i < n; i++) {
            NewEvent e = events.get(i);
            ObjectNode meta = metadataJson(e.metadata());
            ids[i] = e.eventId();
            types[i] = e.type();
            typeVersions[i] = e.typeVersion();
            payloads[i] = e.payload().toString();
            int bytes = Texts.utf8Length(payloads[i]);
            if (bytes > maxPayloadBytes) {
                return Uni.createFrom().failure(new InvalidCommand("event-too-large", null, "the " + e.type()
                        + " this would append to " + streamId + " is " + bytes + " bytes, more than the "
                        + maxPayloadBytes + " an event may have: the shared log could not carry it"));
            }
            try {
                PersonalFields.requireSealed(e.type(), e.typeVersion(), streamId, e.payload());
            } catch (PersonalDataInClear clear) {
                return Uni.createFrom().failure(clear);
            }
            metadata[i] = meta.toString();
            occurred[i] = OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC);
            digests[i] = io.vertx.core.buffer.Buffer.buffer(HashChain.contentDigest(e.eventId(), streamId, streamType,
                    expectedVersion + i + 1, e.type(), e.typeVersion(), jurisdiction, e.occurredAt(), e.payload(),
                    meta));
        }
        Tuple params = Tuple.of(streamId, streamType, jurisdiction, expectedVersion).addValue(ids).addValue(types)
                .addValue(typeVersions).addValue(payloads).addValue(metadata).addValue(occurred).addValue(digests)
                .addValue(trace == null ? null : trace.traceparent())
                .addValue(trace == null ? null : trace.tracestate());
        return client.preparedQuery(APPEND).execute(params)
                .onFailure(EventStore::isStreamVersionTaken).transform(f -> {
                    conflicts.increment();
                    return new ConcurrencyConflict(streamId, expectedVersion, -1);
                })
                .flatMap(rows -> {
                    if (rows.rowCount() == 0) {
                        return refused(client, streamId, expectedVersion);
                    }
                    StoredEvent[] stored = new StoredEvent[n];
                    for (Row r : rows) {
                        int version = r.getInteger("version");
                        NewEvent e = events.get(version - expectedVersion - 1);
                        stored[version - expectedVersion - 1] = new StoredEvent(
                                new GlobalPosition(Long.parseLong(r.getString("tx")), r.getLong("global_position")),
                                e.eventId(), streamId, streamType, version, e.type(), e.typeVersion(), jurisdiction,
                                e.payload(), e.metadata(), e.occurredAt(),
                                r.getOffsetDateTime("recorded_at").toInstant(),
                                bytes(r, "prev_hash"), bytes(r, "hash"));
                    }
                    appended.increment(n);
                    return Uni.createFrom().item(new AppendResult(streamId, expectedVersion + n, List.of(stored)));
                });
    }

    /** Why an append at a known version inserted nothing: the stream is elsewhere, or the rule of first writes. */
    private Uni<AppendResult> refused(SqlClient client, String streamId, int expectedVersion) {
        return client.preparedQuery(HEAD).execute(Tuple.of(streamId)).flatMap(head -> {
            Row row = head.iterator().next();
            Integer found = row.getInteger("version");
            int current = found == null ? 0 : found;
            if (current == expectedVersion && row.getString("assigned") != null) {
                return Uni.createFrom().failure(firstWriteOnly(row.getString("assigned")));
            }
            conflicts.increment();
            return Uni.createFrom().failure(new ConcurrencyConflict(streamId, expectedVersion, current));
        });
    }

    private static IllegalStateException firstWriteOnly(String transaction) {
        return new IllegalStateException("an append to an existing stream must be the first write of its transaction"
                + " (transaction " + transaction + " has written already); only new streams can be created after"
                + " other writes");
    }

    private static boolean isStreamVersionTaken(Throwable failure) {
        return failure instanceof PgException pg && "23505".equals(pg.getSqlState())
                && "events_pkey".equals(pg.getConstraint());
    }

    /** The whole stream, oldest first, each event upcast to its current version. Empty if there is none. */
    public Uni<List<StoredEvent>> readStream(String streamId) {
        return readStream(streamId, Integer.MAX_VALUE);
    }

    /** The stream up to and including {@code maxVersion}. */
    public Uni<List<StoredEvent>> readStream(String streamId, int maxVersion) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM events WHERE stream_id = $1 AND version <= $2"
                + " ORDER BY version").execute(Tuple.of(streamId, maxVersion)).map(this::toEvents);
    }

    /** The events of a stream after {@code afterVersion} (e.g. the version of a snapshot), oldest first. */
    public Uni<List<StoredEvent>> readStreamAfter(String streamId, int afterVersion) {
        return readStreamAfter(pool, streamId, afterVersion);
    }

    /**
     * As {@link #readStreamAfter(String, int)}, through {@code client} — e.g. the connection of the transaction that
     * will append, so that a command does not hold one connection while it waits for another.
     */
    public Uni<List<StoredEvent>> readStreamAfter(SqlClient client, String streamId, int afterVersion) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM events WHERE stream_id = $1 AND version > $2"
                + " ORDER BY version").execute(Tuple.of(streamId, afterVersion)).map(this::toEvents);
    }

    /** The stream as it stood at {@code asOf}: the events recorded up to then. */
    public Uni<List<StoredEvent>> readStreamAsOf(String streamId, Instant asOf) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM events WHERE stream_id = $1 AND recorded_at <= $2"
                + " ORDER BY version").execute(Tuple.of(streamId, OffsetDateTime.ofInstant(asOf, ZoneOffset.UTC)))
                .map(this::toEvents);
    }

    /**
     * Up to {@code limit} events after {@code after} in the global order, among those whose transactions
     * have all ended; reading on from the last one returned never misses an event.
     */
    public Uni<List<StoredEvent>> readAll(GlobalPosition after, int limit) {
        return readAll(pool, after, limit);
    }

    public Uni<List<StoredEvent>> readAll(SqlClient client, GlobalPosition after, int limit) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM events WHERE (tx_id, global_position) >"
                + " ($1::text::xid8, $2) AND " + SETTLED + " ORDER BY tx_id, global_position LIMIT $3")
                .execute(Tuple.of(Long.toUnsignedString(after.txId()), after.position(), limit))
                .map(this::toEvents);
    }

    /**
     * As {@link #readAll(SqlClient, GlobalPosition, int)}, encoded for publishing: the payload as the stored
     * JSON text, parsed only where an upcaster changes the event, and of the metadata only the correlation and
     * causation ids, and the trace context of its append.
     */
    public Uni<List<EncodedEvent>> readAllEncoded(SqlClient client, GlobalPosition after, int limit) {
        return client.preparedQuery("SELECT global_position, tx_id::text AS tx, stream_id, version, stream_type,"
                + " event_id, event_type, type_version, jurisdiction, payload::text AS payload_json,"
                + " metadata->>'correlationId' AS correlation_id, metadata->>'causationId' AS causation_id, occurred_at,"
                + " recorded_at, hash, traceparent, tracestate"
                + " FROM events WHERE (tx_id, global_position) > ($1::text::xid8, $2) AND " + SETTLED
                + " ORDER BY tx_id, global_position LIMIT $3")
                .execute(Tuple.of(Long.toUnsignedString(after.txId()), after.position(), limit))
                .map(rows -> {
                    List<EncodedEvent> events = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        events.add(encoded(row));
                    }
                    return events;
                });
    }

    private EncodedEvent encoded(Row row) {
        GlobalPosition position = new GlobalPosition(Long.parseUnsignedLong(row.getString("tx")),
                row.getLong("global_position"));
        String type = row.getString("event_type");
        int typeVersion = row.getInteger("type_version");
        String payload = JsonText.compact(row.getString("payload_json"));
        String correlationId = row.getString("correlation_id");
        String causationId = row.getString("causation_id");
        Instant occurredAt = row.getOffsetDateTime("occurred_at").toInstant();
        Instant recordedAt = row.getOffsetDateTime("recorded_at").toInstant();
        TraceContext trace = TraceContext.of(row.getString("traceparent"), row.getString("tracestate"));
        if (upcasters.changes(type, typeVersion)) {
            StoredEvent current = upcasters.upcast(new StoredEvent(position, row.getUUID("event_id"),
                    row.getString("stream_id"), row.getString("stream_type"), row.getInteger("version"), type,
                    typeVersion, row.getString("jurisdiction"), parse(payload),
                    new EventMetadata(correlationId, causationId, null), occurredAt, recordedAt, null,
                    bytes(row, "hash")));
            return EncodedEvent.of(current).withTrace(trace);
        }
        return new EncodedEvent(position, row.getUUID("event_id"), row.getString("stream_id"),
                row.getString("stream_type"), row.getInteger("version"), type, typeVersion,
                row.getString("jurisdiction"), payload, correlationId, causationId, occurredAt, recordedAt,
                bytes(row, "hash"), trace);
    }

    /** Walks one stream's hash chain and names the first event that was altered, removed or reordered. */
    public Uni<ChainVerification> verifyStream(String streamId) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM events WHERE stream_id = $1 ORDER BY version")
                .execute(Tuple.of(streamId))
                .map(rows -> {
                    ChainVerifier verifier = new ChainVerifier();
                    for (Row row : rows) {
                        verifier.check(toRawEvent(row), metadataNode(row));
                        if (!verifier.result().isIntact()) {
                            break;
                        }
                    }
                    return verifier.result();
                });
    }

    /** Walks every stream's chain, stream by stream, in pages; stops at the first break. */
    public Uni<ChainVerification> verifyAll() {
        return verifyFrom(new ChainVerifier(), "", 0, 5_000);
    }

    private Uni<ChainVerification> verifyFrom(ChainVerifier verifier, String streamId, int version, int page) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM events WHERE (stream_id, version) > ($1, $2)"
                + " ORDER BY stream_id, version LIMIT $3").execute(Tuple.of(streamId, version, page))
                .flatMap(rows -> {
                    StoredEvent last = null;
                    for (Row row : rows) {
                        last = toRawEvent(row);
                        verifier.check(last, metadataNode(row));
                        if (!verifier.result().isIntact()) {
                            return Uni.createFrom().item(verifier.result());
                        }
                    }
                    if (rows.size() < page || last == null) {
                        return Uni.createFrom().item(verifier.result());
                    }
                    return verifyFrom(verifier, last.streamId(), last.version(), page);
                });
    }

    /**
     * Up to {@code limit} events exactly as stored (never upcast) after {@code (afterStream, afterVersion)} in
     * stream and version order, each with its stored metadata JSON: what the tamper verification walks.
     */
    public Uni<List<RawEvent>> readRaw(String afterStream, int afterVersion, int limit) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM events WHERE (stream_id, version) > ($1, $2)"
                + " ORDER BY stream_id, version LIMIT $3").execute(Tuple.of(afterStream, afterVersion, limit))
                .map(rows -> {
                    List<RawEvent> events = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        events.add(new RawEvent(toRawEvent(row), metadataNode(row)));
                    }
                    return events;
                });
    }

    List<StoredEvent> toEvents(RowSet<Row> rows) {
        List<StoredEvent> events = new ArrayList<>(rows.size());
        for (Row row : rows) {
            events.add(upcasters.upcast(toRawEvent(row)));
        }
        return events;
    }

    /** The event exactly as stored, before any upcasting: what the hash chain covers. */
    StoredEvent toRawEvent(Row row) {
        JsonNode metadata = metadataNode(row);
        return new StoredEvent(new GlobalPosition(Long.parseUnsignedLong(row.getString("tx")),
                row.getLong("global_position")), row.getUUID("event_id"), row.getString("stream_id"),
                row.getString("stream_type"), row.getInteger("version"), row.getString("event_type"),
                row.getInteger("type_version"), row.getString("jurisdiction"), parse(row.getString("payload_json")),
                new EventMetadata(text(metadata, "correlationId"), text(metadata, "causationId"),
                        text(metadata, "actor")),
                row.getOffsetDateTime("occurred_at").toInstant(), row.getOffsetDateTime("recorded_at").toInstant(),
                bytes(row, "prev_hash"), bytes(row, "hash"));
    }

    private JsonNode metadataNode(Row row) {
        return parse(row.getString("metadata_json"));
    }

    private ObjectNode metadataJson(EventMetadata metadata) {
        ObjectNode node = json.createObjectNode();
        if (metadata.correlationId() != null) {
            node.put("correlationId", metadata.correlationId());
        }
        if (metadata.causationId() != null) {
            node.put("causationId", metadata.causationId());
        }
        if (metadata.actor() != null) {
            node.put("actor", metadata.actor());
        }
        return node;
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON does not parse", e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static byte[] bytes(Row row, String column) {
        io.vertx.core.buffer.Buffer buffer = row.getBuffer(column) == null ? null : row.getBuffer(column).getDelegate();
        return buffer == null ? null : buffer.getBytes();
    }

    /** Checks events stream by stream, in version order. */
    private static final class ChainVerifier {

        private long checked;
        private String stream;
        private int expectedVersion;
        private byte[] prev;
        private ChainVerification broken;

        void check(StoredEvent e, JsonNode metadata) {
            if (broken != null) {
                return;
            }
            if (!e.streamId().equals(stream)) {
                stream = e.streamId();
                expectedVersion = 1;
                prev = null;
            }
            checked++;
            if (e.version() != expectedVersion) {
                broken = ChainVerification.broken(checked, stream, expectedVersion,
                        "version " + expectedVersion + " is missing (next stored is " + e.version() + ")");
                return;
            }
            if (!Arrays.equals(prev, e.prevHash())) {
                broken = ChainVerification.broken(checked, stream, e.version(),
                        "its previous-hash does not match the hash of version " + (e.version() - 1));
                return;
            }
            byte[] recomputed = HashChain.hash(prev, e, metadata);
            if (!Arrays.equals(recomputed, e.hash())) {
                broken = ChainVerification.broken(checked, stream, e.version(),
                        "its content does not match its hash (altered after it was written)");
                return;
            }
            prev = e.hash();
            expectedVersion++;
        }

        ChainVerification result() {
            return broken != null ? broken : ChainVerification.intact(checked);
        }
    }
}
