package io.xunshi.benchmarks;

import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

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

    /** One request of a loop: a GET when {@code body} is null, else a POST of that JSON. */
    record Call(URI uri, String token, String body) {

        static Call get(URI uri, String token) {
            return new Call(uri, token, null);
        }

        static Call post(URI uri, String token, String body) {
            return new Call(uri, token, body);
        }
    }

    /**
     * Sends the calls over Vert.x's HTTP/1.1 client: keep-alive connections, pooled, on event loops of their
     * own. It costs the shared cores a small part of what {@code java.net.http} does per request, which on this
     * machine was about as much CPU as the service answering it.
     */
    static final class Client implements AutoCloseable {

        private final HttpClient http;

        Client(Vertx vertx, int connections) {
            this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setConnectTimeout(5000),
                    new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
        }

        /** The answer's status once its body has been read; a failure when none came within 30 s. */
        CompletionStage<Integer> send(Call call) {
            String path = call.uri().getRawPath()
                    + (call.uri().getRawQuery() == null ? "" : "?" + call.uri().getRawQuery());
            RequestOptions options = new RequestOptions()
                    .setMethod(call.body() == null ? HttpMethod.GET : HttpMethod.POST)
                    .setHost(call.uri().getHost()).setPort(call.uri().getPort()).setURI(path).setIdleTimeout(30_000)
                    .putHeader("Authorization", "Bearer " + call.token());
            if (call.body() != null) {
                options.putHeader("Content-Type", "application/json");
            }
            return http.request(options)
                    .compose(request -> call.body() == null ? request.send() : request.send(Buffer.buffer(call.body())))
                    .compose((HttpClientResponse response) -> response.body().map(body -> response.statusCode()))
                    .toCompletionStage();
        }

        @Override
        public void close() {
            http.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    /**
     * Sends {@code rate} requests per second for {@code seconds}, {@code burst} at a time, the i-th built by
     * {@code request}; returns once every request was answered or timed out. Several loops may run at once,
     * each on its own thread.
     */
    static Outcome run(Client client, double rate, double seconds, int burst, LongFunction<Call> request) {
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
                Call call = request.apply(n);
                outcome.sent.increment();
                pending[(int) n++] = client.send(call).toCompletableFuture()
                        .handle((status, failure) -> {
                            if (failure != null) {
                                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                                outcome.failures.computeIfAbsent(cause.getClass().getSimpleName(), k -> new LongAdder())
                                        .increment();
                            }
                            outcome.record(intended, failure != null ? 0 : status);
                            return null;
                        });
            }
        }
        CompletableFuture.allOf(pending).orTimeout(90, TimeUnit.SECONDS).exceptionally(t -> null).join();
        return outcome;
    }
}
