package io.xunshi.benchmarks;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * An open loop: requests are sent on a fixed schedule whatever the answers, and each one's latency is measured
 * from the time it was meant to be sent, not from when it was — so a server that falls behind shows its queue
 * as latency instead of slowing the client down (no coordinated omission). Requests of one tick go out
 * together: {@code burst} requests every {@code burst / rate} seconds (2 for two clients writing the same
 * aggregate at the same moment).
 */
final class OpenLoop {

    /** What one stream of requests got: latencies from the intended send time, statuses, achieved rate. */
    static final class Outcome {

        final Histogram latencyMicros = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(60), 3);
        final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        /** Why requests got no answer: the failure's class, e.g. HttpTimeoutException. */
        final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
        final LongAdder sent = new LongAdder();
        final AtomicLong lastAnswerNanos = new AtomicLong();
        long firstIntendedNanos;
        double targetRate;

        void record(long intendedNanos, int status) {
            long now = System.nanoTime();
            latencyMicros.recordValue(
                    Math.max(0, Math.min((now - intendedNanos) / 1000, latencyMicros.getHighestTrackableValue())));
            statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
            lastAnswerNanos.accumulateAndGet(now, Math::max);
        }

        long count(int status) {
            LongAdder adder = statuses.get(status);
            return adder == null ? 0 : adder.sum();
        }

        long answered() {
            return statuses.values().stream().mapToLong(LongAdder::sum).sum();
        }

        long successes() {
            return statuses.entrySet().stream().filter(e -> e.getKey() >= 200 && e.getKey() < 300)
                    .mapToLong(e -> e.getValue().sum()).sum();
        }

        /** Successful answers per second, from the first intended send to the last answer. */
        double achievedRate() {
            double seconds = (lastAnswerNanos.get() - firstIntendedNanos) / 1e9;
            return seconds <= 0 ? 0 : successes() / seconds;
        }

        double millis(double percentile) {
            return latencyMicros.getTotalCount() == 0
                    ? Double.NaN
                    : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
        }

        double maxMillis() {
            return latencyMicros.getTotalCount() == 0 ? Double.NaN : latencyMicros.getMaxValue() / 1000.0;
        }

        double share(int status) {
            long answered = answered();
            return answered == 0 ? 0 : 100.0 * count(status) / answered;
        }

        /** e.g. "201: 98.0 %, 409: 2.0 %" (status 0: no answer — a timeout or a refused connection). */
        String statusText() {
            long answered = answered();
            StringBuilder text = new StringBuilder();
            new TreeMap<>(statuses).forEach((status, n) -> text.append(text.length() == 0 ? "" : ", ")
                    .append(status == 0
                            ? "no answer (" + String.join(", ", new TreeMap<>(failures).keySet()) + ")"
                            : status.toString())
                    .append(": ")
                    .append(Format.number(100.0 * n.sum() / answered)).append(" %"));
            return text.toString();
        }
    }

    private OpenLoop() {
    }

    /**
     * Sends {@code rate} requests per second for {@code seconds}, {@code burst} at a time, the i-th built by
     * {@code request}; returns once every request was answered or timed out. Several loops may run at once,
     * each on its own thread.
     */
    static Outcome run(HttpClient client, double rate, double seconds, int burst, LongFunction<HttpRequest> request) {
        Outcome outcome = new Outcome();
        outcome.targetRate = rate;
        long ticks = Math.max(1, Math.round(rate * seconds / burst));
        long intervalNanos = Math.round(burst * 1e9 / rate);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        outcome.firstIntendedNanos = start;
        CompletableFuture<?>[] pending = new CompletableFuture<?>[(int) (ticks * burst)];
        long n = 0;
        for (long tick = 0; tick < ticks; tick++) {
            long intended = start + tick * intervalNanos;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            for (int b = 0; b < burst; b++) {
                HttpRequest r = request.apply(n);
                outcome.sent.increment();
                pending[(int) n++] = client.sendAsync(r, HttpResponse.BodyHandlers.discarding())
                        .handle((response, failure) -> {
                            if (failure != null) {
                                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                                outcome.failures.computeIfAbsent(cause.getClass().getSimpleName(), k -> new LongAdder())
                                        .increment();
                            }
                            outcome.record(intended, failure != null ? 0 : response.statusCode());
                            return null;
                        });
            }
        }
        CompletableFuture.allOf(pending).orTimeout(90, TimeUnit.SECONDS).exceptionally(t -> null).join();
        return outcome;
    }
}
