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
import io.xunshi.kernel.projection.ProjectionRunner;
import io.xunshi.kernel.projection.RebuildReport;
import io.xunshi.kernel.projection.TopicProjectionRunner;

/**
 * Projection rebuilds: the findings list rebuilt from the store ({@link ProjectionRunner#rebuild}) and from
 * the service's topic ({@link TopicProjectionRunner#rebuild}), each against the physical limit of merely
 * reading the same events from the same source — one ordered {@code SELECT} fetched through a cursor, and a
 * plain {@link KafkaConsumer} from the beginning of the topic — in the same repetition. Also
 * {@link EventStore#readAll} against the same cursor, the read side of a rebuild from the store.
 */
@Singleton
public class RebuildScenario implements Scenario {

    static final int PAGE = 500;
    private static final int REPETITIONS = 3;
    private static final double GOAL = 50_000;
    private static final Duration POLL = Duration.ofMillis(500);

    /** The columns {@link EventStore#readAll} reads, in its global order. */
    private static final String RAW_SELECT = "SELECT global_position, tx_id::text AS tx, stream_id, version,"
            + " stream_type, event_id, event_type, type_version, jurisdiction, payload::text AS payload_json,"
            + " metadata::text AS metadata_json, occurred_at, recorded_at, prev_hash, hash FROM events"
            + " ORDER BY tx_id, global_position";

    private final EventStore store;
    private final Pool pool;
    private final BenchKafka kafka;
    private final ProjectionRunner projections;
    private final TopicProjectionRunner topicProjections;

    @Inject
    public RebuildScenario(EventStore store, Pool pool, BenchKafka kafka, ProjectionRunner projections,
            TopicProjectionRunner topicProjections) {
        this.store = store;
        this.pool = pool;
        this.kafka = kafka;
        this.projections = projections;
        this.topicProjections = topicProjections;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public ScenarioResult run() {
        double[] rebuildRate = new double[REPETITIONS];
        double[] readAllRate = new double[REPETITIONS];
        double[] rawRate = new double[REPETITIONS];
        double[] topicRebuildRate = new double[REPETITIONS];
        double[] topicRate = new double[REPETITIONS];
        long events = 0;
        long records = 0;
        for (int rep = 0; rep < REPETITIONS; rep++) {
            long start = System.nanoTime();
            long rows = rawSelect();
            rawRate[rep] = rows * 1e9 / (System.nanoTime() - start);
            vacuum("findings");
            RebuildReport rebuilt = projections.rebuild(FindingsProjection.NAME).await().indefinitely();
            rebuildRate[rep] = rebuilt.eventsPerSecond();
            expectRows("findings", rows);
            start = System.nanoTime();
            events = readAll();
            readAllRate[rep] = events * 1e9 / (System.nanoTime() - start);
            if (rows != events || rebuilt.events() != events) {
                throw new IllegalStateException("the table holds " + rows + " events, readAll returned " + events
                        + " and the rebuild read " + rebuilt.events());
            }
            start = System.nanoTime();
            records = readTopic();
            topicRate[rep] = records * 1e9 / (System.nanoTime() - start);
            vacuum("findings_from_topic");
            RebuildReport fromTopic = topicProjections.rebuild(FindingsFromTopicProjection.NAME).await().indefinitely();
            topicRebuildRate[rep] = fromTopic.eventsPerSecond();
            if (fromTopic.events() != records) {
                throw new IllegalStateException("the topic holds " + records + " records, the rebuild read "
                        + fromTopic.events());
            }
            expectRows("findings_from_topic", rows);
        }
        List<Figure> figures = List.of(
                Figure.medianOf("Rebuild from the store (`ProjectionRunner.rebuild`)", rebuildRate, rawRate,
                        "events/s", Goal.minValue(GOAL, "events/s")),
                Figure.medianOf("Rebuild from Kafka (`TopicProjectionRunner.rebuild`)", topicRebuildRate, topicRate,
                        "events/s", Goal.minValue(GOAL, "events/s")),
                Figure.medianOf("`EventStore.readAll`, pages of " + PAGE, readAllRate, rawRate, "events/s",
                        Goal.none()));
        return new ScenarioResult("d. Projection rebuild",
                "A findings list (one row per finding: id, stream, version, jurisdiction, category, severity,"
                        + " title, due date; one `INSERT … SELECT FROM unnest(<one array per column>) ON CONFLICT DO"
                        + " NOTHING` per page) is rebuilt from all " + String.format("%,d", events) + " events the"
                        + " earlier scenarios left in the store, and a second copy of it from the service's topic ("
                        + String.format("%,d", records) + " records, " + Infrastructure.PARTITIONS + " partitions),"
                        + " each in one transaction as the kernel does it: reset, replay (pages of 2,000 events from"
                        + " the store, each applied while the next is read on a second connection; polls of up to"
                        + " 2,000 records from Kafka, each applied while the next is fetched), checkpoint. Physical"
                        + " limit of each: only reading the same events from the same source"
                        + " in the same repetition, nothing written — one `SELECT` of the columns `readAll` reads,"
                        + " `ORDER BY tx_id, global_position` (the global order), fetched with a cursor " + PAGE
                        + " rows at a time, nothing decoded; and a plain `KafkaConsumer` reading the topic from the"
                        + " beginning. The third row is the read side of the store rebuild alone: `readAll` in pages"
                        + " of " + PAGE + " (a query per page on the global-order index, every event decoded and its"
                        + " JSON parsed) against the same cursor. After every rebuild the scenario checks that the"
                        + " table holds one row per event; before every rebuild the table is vacuumed, as autovacuum"
                        + " would have done between two rebuilds. Median of " + REPETITIONS
                        + " runs each; the goal is the"
                        + " issue's ≥ " + String.format("%,d", (long) GOAL) + " events/s.",
                figures, "A rebuild reads every event and writes one row for each, in one transaction: the"
                        + " PostgreSQL server does both the read and the insert (with its index maintenance and WAL)"
                        + " on the same two cores the benchmark, the broker and the decoder share.");
    }

    /**
     * Vacuums the table before a timed rebuild, as autovacuum would have between two rebuilds, which are
     * rare: otherwise each repetition would also wade through the rows the previous one deleted.
     */
    private void vacuum(String table) {
        pool.query("VACUUM (ANALYZE) " + table).execute().await().indefinitely();
    }

    private void expectRows(String table, long expected) {
        long rows = pool.query("SELECT count(*) AS n FROM " + table).execute().await().indefinitely()
                .iterator().next().getLong("n");
        if (rows != expected) {
            throw new IllegalStateException(table + " holds " + rows + " rows after the rebuild, not " + expected);
        }
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
