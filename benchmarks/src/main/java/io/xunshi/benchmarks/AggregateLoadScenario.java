package io.xunshi.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.xunshi.kernel.aggregate.AggregateRepository;
import io.xunshi.kernel.aggregate.EventCodec;
import io.xunshi.kernel.domain.Decider;
import io.xunshi.kernel.eventstore.EventStore;
import io.xunshi.kernel.eventstore.ExpectedVersion;

/**
 * A command on an aggregate with a long history: {@link AggregateRepository#handle} (load, decide, append at the
 * loaded version) on streams of {@value #SHORT} and {@value #LONG} events of about 700 bytes, with the
 * repository's verified in-memory cache of folded states (ADR 0015) and without it (every load reads and folds
 * the whole stream). One client, {@value #COMMANDS} commands per case after {@value #WARM_UP} of warm-up, each
 * case on a stream of its own. The "physical limit" of a cached figure is the same command without the cache;
 * the goal is that a command's cost does not grow with the history.
 */
@Singleton
public class AggregateLoadScenario implements Scenario {

    private static final int SHORT = 10;
    private static final int LONG = 1_000;
    private static final int COMMANDS = 100;
    private static final int WARM_UP = 20;

    /** A finding like {@link BenchEvents#payload}, decoded. */
    public record Recorded(long seq, long sentAtMicros, String findingId, String inspectionId, String category,
            String severity, String title, String description, String inspectedUnit, String recordedBy,
            String dueDate) {

        static final String TYPE = BenchEvents.TYPE;
        static final int VERSION = 1;
    }

    record Record(long seq) {
    }

    record Tally(int findings, long lastSeq, String lastSeverity) {
    }

    static final class Findings implements Decider<Record, Recorded, Tally> {

        @Override
        public Tally initialState() {
            return new Tally(0, 0, null);
        }

        @Override
        public List<Recorded> decide(Record command, Tally state) {
            var p = BenchEvents.payload(command.seq(), BenchEvents.nowMicros());
            return List.of(new Recorded(command.seq(), p.get("sentAtMicros").asLong(), UUID.randomUUID().toString(),
                    p.get("inspectionId").asText(), p.get("category").asText(), p.get("severity").asText(),
                    p.get("title").asText(), p.get("description").asText(), p.get("inspectedUnit").asText(),
                    p.get("recordedBy").asText(), p.get("dueDate").asText()));
        }

        @Override
        public Tally evolve(Tally state, Recorded event) {
            return new Tally(state.findings() + 1, event.seq(), event.severity());
        }
    }

    private final EventStore store;
    private final ObjectMapper json;

    @Inject
    public AggregateLoadScenario(EventStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    @Override
    public int order() {
        return 4;
    }

    private AggregateRepository<Record, Recorded, Tally> repository(int cachedStreams) {
        EventCodec<Recorded> codec = EventCodec.of(json, Recorded.class);
        return new AggregateRepository<>(store, json, BenchEvents.STREAM_TYPE, new Findings(), codec, Tally.class, 0,
                cachedStreams);
    }

    /** Latencies in nanoseconds of {@link #COMMANDS} commands on a fresh stream of {@code history} events. */
    private long[] measure(int history, boolean cached) {
        String stream = "bench-aggregate-" + UUID.randomUUID();
        for (int written = 0; written < history; written += 100) {
            int n = Math.min(100, history - written);
            store.append(stream, BenchEvents.STREAM_TYPE, BenchEvents.JURISDICTION,
                    written == 0 ? ExpectedVersion.NO_STREAM : written, BenchEvents.events(written + 1, n))
                    .await().indefinitely();
        }
        var repo = repository(cached ? 100 : 0);
        long[] latencies = new long[COMMANDS];
        for (int i = -WARM_UP; i < COMMANDS; i++) {
            long start = System.nanoTime();
            repo.handle(stream, BenchEvents.JURISDICTION, ExpectedVersion.ANY, new Record(history + WARM_UP + i + 1),
                    BenchEvents.METADATA).await().indefinitely();
            if (i >= 0) {
                latencies[i] = System.nanoTime() - start;
            }
        }
        return latencies;
    }

    private static double millis(long[] latencies, double percent) {
        return Percentiles.of(latencies, percent) / 1e6;
    }

    @Override
    public ScenarioResult run() {
        List<Figure> figures = new ArrayList<>();
        double[] cachedP50 = new double[2];
        int[] histories = { SHORT, LONG };
        for (int h = 0; h < histories.length; h++) {
            int history = histories[h];
            long[] without = measure(history, false);
            long[] with = measure(history, true);
            cachedP50[h] = millis(with, 50);
            String name = "command on a stream of " + history + " events (" + (history + WARM_UP + COMMANDS)
                    + " at the end), cached";
            figures.add(new Figure(name + ": latency p50", millis(with, 50), millis(without, 50), "ms", Goal.none()));
            figures.add(new Figure(name + ": latency p99", millis(with, 99), millis(without, 99), "ms", Goal.none()));
        }
        figures.add(Figure.withoutLimit("cached p50 on " + Format.number(LONG) + " events ÷ on " + SHORT + " events",
                cachedP50[1] / cachedP50[0], "×", Goal.maxValue(1.5, "×")));
        return new ScenarioResult("f. Aggregate loading: verified cache against a full fold",
                "`AggregateRepository.handle` (load, decide, append at the loaded version) on a stream of " + SHORT
                        + " and of " + Format.number(LONG)
                        + " events of about 700 bytes, with the repository's verified"
                        + " in-memory cache of folded states (ADR 0015) and, as the limit, without it (every load"
                        + " reads and decodes the whole stream). One client, " + COMMANDS + " commands per case after "
                        + WARM_UP + " of warm-up, each case on a stream of its own; a ratio below 1 is the cache being"
                        + " faster. Goal: with the cache, a command's cost does not grow with the history (p50 on "
                        + Format.number(LONG) + " events ≤ 1.5× the p50 on " + SHORT + ").",
                figures, "the cached command still grows with the stream: see the latencies above.");
    }
}
