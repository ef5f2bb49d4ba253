package io.xunshi.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

import io.vertx.mutiny.sqlclient.Cursor;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.PreparedStatement;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.xunshi.kernel.eventstore.EventStore;
import io.xunshi.kernel.eventstore.GlobalPosition;
import io.xunshi.kernel.eventstore.StoredEvent;

/**
 * What bounds a projection rebuild, until projections exist to rebuild: reading every event of the store
 * in its global order with {@link EventStore#readAll} in pages of {@value #PAGE}, as a rebuild would,
 * against the physical limit of one ordered {@code SELECT} of the same rows and columns fetched through a
 * cursor in pages of the same size, without decoding anything; and reading the service's topic from the
 * beginning with a plain {@link KafkaConsumer}, the other source a rebuild could replay.
 */
@Singleton
public class StoreReadScenario implements Scenario {

    static final int PAGE = 500;
    private static final int REPETITIONS = 3;
    private static final Duration POLL = Duration.ofMillis(500);

    /** The columns {@link EventStore#readAll} reads, in its global order. */
    private static final String RAW_SELECT = "SELECT global_position, tx_id::text AS tx, stream_id, version,"
            + " stream_type, event_id, event_type, type_version, jurisdiction, payload::text AS payload_json,"
            + " metadata::text AS metadata_json, occurred_at, recorded_at, prev_hash, hash FROM events"
            + " ORDER BY tx_id, global_position";

    private final EventStore store;
    private final Pool pool;
    private final BenchKafka kafka;

    @Inject
    public StoreReadScenario(EventStore store, Pool pool, BenchKafka kafka) {
        this.store = store;
        this.pool = pool;
        this.kafka = kafka;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public ScenarioResult run() {
        double[] readAllRate = new double[REPETITIONS];
        double[] rawRate = new double[REPETITIONS];
        double[] topicRate = new double[REPETITIONS];
        long events = 0;
        long records = 0;
        for (int rep = 0; rep < REPETITIONS; rep++) {
            long start = System.nanoTime();
            events = readAll();
            readAllRate[rep] = events * 1e9 / (System.nanoTime() - start);
            start = System.nanoTime();
            long rows = rawSelect();
            rawRate[rep] = rows * 1e9 / (System.nanoTime() - start);
            if (rows != events) {
                throw new IllegalStateException("readAll returned " + events + " events but the table holds " + rows);
            }
            start = System.nanoTime();
            records = readTopic();
            topicRate[rep] = records * 1e9 / (System.nanoTime() - start);
        }
        List<Figure> figures = List.of(
                Figure.medianOf("`EventStore.readAll`, pages of " + PAGE, readAllRate, rawRate, "events/s",
                        Goal.none()),
                Figure.withoutLimit("Plain `KafkaConsumer`, topic from the beginning", Percentiles.median(topicRate),
                        "events/s", Goal.none()));
        return new ScenarioResult("d. Reading every event (what bounds a projection rebuild)",
                "The projection API is not available yet, so this measures the read side that bounds a rebuild."
                        + " All " + String.format("%,d", events) + " events the earlier scenarios left in the store,"
                        + " read in global order by `EventStore.readAll` in pages of " + PAGE + " (each page a query"
                        + " on the global-order index from the last position, every event decoded and its JSON"
                        + " parsed), against the physical limit: one `SELECT` of the same columns `ORDER BY tx_id,"
                        + " global_position` (the global order) through the same pool, fetched with a cursor " + PAGE
                        + " rows at a time, nothing decoded. Also the service's topic read from the beginning by a"
                        + " plain `KafkaConsumer` (" + String.format("%,d", records) + " records). The difference"
                        + " between the first two is what `readAll` adds: a query per page (planned, with a snapshot"
                        + " for the settled horizon, descending the index again) where the cursor continues one"
                        + " scan, and decoding every row into an event (payload and metadata JSON parsed, upcasters"
                        + " applied). Median of " + REPETITIONS + " runs each. No goal is set for these figures.",
                figures, "");
    }

    private long readAll() {
        long count = 0;
        GlobalPosition after = GlobalPosition.START;
        List<StoredEvent> page;
        do {
            page = store.readAll(after, PAGE).await().indefinitely();
            count += page.size();
            if (!page.isEmpty()) {
                after = page.get(page.size() - 1).position();
            }
        } while (page.size() == PAGE);
        return count;
    }

    private long rawSelect() {
        SqlConnection connection = pool.getConnection().await().indefinitely();
        try {
            connection.query("BEGIN").execute().await().indefinitely();
            PreparedStatement statement = connection.prepare(RAW_SELECT).await().indefinitely();
            Cursor cursor = statement.cursor();
            long count = 0;
            long bytes = 0;
            do {
                RowSet<Row> rows = cursor.read(PAGE).await().indefinitely();
                for (Row row : rows) {
                    bytes += row.getString("payload_json").length();
                    count++;
                }
            } while (cursor.hasMore());
            cursor.close().await().indefinitely();
            connection.query("COMMIT").execute().await().indefinitely();
            if (bytes == 0 && count > 0) {
                throw new IllegalStateException("the payloads read are empty");
            }
            return count;
        } finally {
            connection.close().await().indefinitely();
        }
    }

    /** Reads the service's topic from the beginning up to the end offsets it had when the read began. */
    private long readTopic() {
        try (KafkaConsumer<String, String> consumer = kafka.plainConsumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo p : consumer.partitionsFor(kafka.eventsTopic())) {
                partitions.add(new TopicPartition(p.topic(), p.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long expected = 0;
            for (TopicPartition partition : partitions) {
                expected += end.get(partition) - consumer.position(partition);
            }
            long count = 0;
            long bytes = 0;
            while (count < expected) {
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    bytes += record.value().length();
                    count++;
                }
            }
            if (bytes == 0 && count > 0) {
                throw new IllegalStateException("the records read are empty");
            }
            return count;
        }
    }
}
