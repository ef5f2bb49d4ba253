package io.xunshi.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.vertx.mutiny.sqlclient.Pool;
import io.xunshi.kernel.eventstore.EventStore;

/**
 * Append throughput and latency: {@link EventStore#append} at a known version (one autocommit statement:
 * read the stream's head, check the version, chain the hashes, insert) against the raw INSERT of the same rows ({@link RawEvents}), with 1 and with 16
 * clients appending one event per transaction, and with 16 clients appending ten. Each client writes its
 * own streams, so no append waits on another's lock. The platform and the raw runs alternate, three
 * times each, and each figure is the median of the three.
 */
@Singleton
public class AppendScenario implements Scenario {

    private static final Duration WARM_UP = Duration.ofSeconds(1);
    private static final Duration MEASURE = Duration.ofSeconds(3);
    private static final int REPETITIONS = 3;
    private static final double GOAL = 0.7;

    private record Case(int clients, int eventsPerTransaction) {

        String label() {
            return eventsPerTransaction == 1
                    ? clients + (clients == 1 ? " client" : " clients") + ", 1 event per append"
                    : clients + (clients == 1 ? " client" : " clients") + ", " + eventsPerTransaction
                            + " events per append";
        }
    }

    private static final List<Case> CASES = List.of(new Case(1, 1), new Case(16, 1), new Case(16, 10));

    private final EventStore store;
    private final RawEvents raw;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);

    @Inject
    public AppendScenario(EventStore store, Pool pool) {
        this.store = store;
        this.raw = new RawEvents(pool);
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public ScenarioResult run() throws InterruptedException {
        List<Figure> figures = new ArrayList<>();
        for (Case c : CASES) {
            ClosedLoop.run(c.clients(), WARM_UP, client -> appender(c, "warm", client));
            ClosedLoop.run(c.clients(), WARM_UP, client -> rawInserter(c, "warm", client));
            double[] appendRate = new double[REPETITIONS];
            double[] rawRate = new double[REPETITIONS];
            double[] appendP50 = new double[REPETITIONS];
            double[] rawP50 = new double[REPETITIONS];
            double[] appendP99 = new double[REPETITIONS];
            double[] rawP99 = new double[REPETITIONS];
            for (int rep = 0; rep < REPETITIONS; rep++) {
                String tag = "r" + rep;
                ClosedLoop.Outcome append;
                ClosedLoop.Outcome plain;
                if (rep % 2 == 0) {
                    append = ClosedLoop.run(c.clients(), MEASURE, client -> appender(c, tag, client));
                    plain = ClosedLoop.run(c.clients(), MEASURE, client -> rawInserter(c, tag, client));
                } else {
                    plain = ClosedLoop.run(c.clients(), MEASURE, client -> rawInserter(c, tag, client));
                    append = ClosedLoop.run(c.clients(), MEASURE, client -> appender(c, tag, client));
                }
                appendRate[rep] = append.operationsPerSecond() * c.eventsPerTransaction();
                rawRate[rep] = plain.operationsPerSecond() * c.eventsPerTransaction();
                appendP50[rep] = append.latencyMillis(50);
                rawP50[rep] = plain.latencyMillis(50);
                appendP99[rep] = append.latencyMillis(99);
                rawP99[rep] = plain.latencyMillis(99);
            }
            figures.add(Figure.medianOf(c.label() + ": throughput", appendRate, rawRate, "events/s",
                    Goal.minRatio(GOAL)));
            figures.add(Figure.medianOf(c.label() + ": latency p50", appendP50, rawP50, "ms", Goal.none()));
            figures.add(Figure.medianOf(c.label() + ": latency p99", appendP99, rawP99, "ms", Goal.none()));
        }
        return new ScenarioResult("a. Append throughput and latency",
                "`EventStore.append` at a known version (one autocommit statement: read the stream's head, check the"
                        + " version, chain the hashes, insert)"
                        + " against the physical limit: a raw `INSERT` of the same rows — same columns, same ~"
                        + BenchEvents.payload(0, 0).toString().length() + "-byte JSON payload — into `"
                        + RawEvents.TABLE + "`, created `LIKE events INCLUDING ALL` in the same PostgreSQL, through"
                        + " the same reactive pool (16 connections): one autocommit statement per event, or ten rows"
                        + " in one transaction for the batched case. Closed loop: each client sends its next"
                        + " append when the last returns, each to streams of its own. Latency is per append (per"
                        + " transaction). " + MEASURE.toSeconds() + " s per run after a " + WARM_UP.toSeconds()
                        + " s warm-up; platform and raw runs alternate; median of " + REPETITIONS + " runs each."
                        + " Goal: append throughput ≥ " + GOAL + "× raw.",
                figures, shortfall());
    }

    private Runnable appender(Case c, String tag, int client) {
        String stream = "append-" + runId + "-" + c.clients() + "x" + c.eventsPerTransaction() + "-" + tag + "-"
                + client;
        int[] version = { 0 };
        return () -> {
            store.append(stream, BenchEvents.STREAM_TYPE, BenchEvents.JURISDICTION, version[0],
                    BenchEvents.events(version[0], c.eventsPerTransaction())).await().indefinitely();
            version[0] += c.eventsPerTransaction();
        };
    }

    private Runnable rawInserter(Case c, String tag, int client) {
        String stream = "raw-" + runId + "-" + c.clients() + "x" + c.eventsPerTransaction() + "-" + tag + "-" + client;
        int[] version = { 0 };
        return () -> {
            if (c.eventsPerTransaction() == 1) {
                raw.insertOne(stream, version[0] + 1, version[0]);
            } else {
                raw.insertInTransaction(stream, version[0] + 1, version[0], c.eventsPerTransaction());
            }
            version[0] += c.eventsPerTransaction();
        };
    }

    private static String shortfall() {
        return "An append at a known version is one statement, as a raw insert is, and pays the same round trip and"
                + " the same flush of the write-ahead log. What it adds is work: the client writes the canonical"
                + " JSON of every event and hashes it, and PostgreSQL reads the stream's head through the primary"
                + " key, chains the hashes (a recursive query and a SHA-256 per event) and checks the version before"
                + " it inserts. With one client that work adds to the latency of each round trip. With sixteen"
                + " clients the flushes are shared by group commit and the two processors become the limit, so"
                + " throughput follows the processor time spent per event, where the extra work counts in full; ten"
                + " events per append spread the head read and the statement over ten rows.";
    }
}
