package io.xunshi.benchmarks;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The physical limit of an append: the same rows (same columns, same payload and metadata JSON, a 32-byte
 * hash) inserted with plain INSERT statements into {@code raw_events}, a table created
 * {@code LIKE events INCLUDING ALL} — same identity, defaults, primary key and global-order index — in
 * the same database, through the same reactive pool. Nothing is read first and nothing is hashed.
 */
final class RawEvents {

    static final String TABLE = "raw_events";

    private static final String INSERT = "INSERT INTO " + TABLE + " (stream_id, version, stream_type, event_id,"
            + " event_type, type_version, jurisdiction, payload, metadata, occurred_at, prev_hash, hash)"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text::jsonb, $9::text::jsonb, $10, $11, $12)";
    private static final String METADATA_JSON = "{\"correlationId\":\"" + BenchEvents.METADATA.correlationId()
            + "\",\"causationId\":\"" + BenchEvents.METADATA.causationId() + "\",\"actor\":\""
            + BenchEvents.METADATA.actor() + "\"}";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Pool pool;

    RawEvents(Pool pool) {
        this.pool = pool;
    }

    static void createTable(Pool pool) {
        pool.query("CREATE TABLE IF NOT EXISTS " + TABLE + " (LIKE events INCLUDING ALL)").execute()
                .await().indefinitely();
    }

    /** One row as one autocommit statement. */
    void insertOne(String streamId, int version, long seq) {
        pool.preparedQuery(INSERT).execute(row(streamId, version, seq)).await().indefinitely();
    }

    /** {@code count} rows of one stream, from {@code firstVersion} on, in one transaction. */
    void insertInTransaction(String streamId, int firstVersion, long firstSeq, int count) {
        List<Tuple> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rows.add(row(streamId, firstVersion + i, firstSeq + i));
        }
        pool.withTransaction(conn -> conn.preparedQuery(INSERT).executeBatch(rows)).await().indefinitely();
    }

    private static Tuple row(String streamId, int version, long seq) {
        byte[] hash = new byte[32];
        RANDOM.nextBytes(hash);
        return Tuple.tuple(List.of(streamId, version, BenchEvents.STREAM_TYPE, UUID.randomUUID(), BenchEvents.TYPE, 1,
                BenchEvents.JURISDICTION, BenchEvents.payload(seq, BenchEvents.nowMicros()).toString(), METADATA_JSON,
                OffsetDateTime.now(ZoneOffset.UTC)))
                .addValue(version == 1 ? null : Buffer.buffer(hash))
                .addValue(Buffer.buffer(hash));
    }
}
