package io.xunshi.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * A closed-loop load: {@code clients} threads each call their operation again as soon as the last call
 * returned, for a fixed duration, and the latency of every call is kept. The same driver runs the platform
 * operation and its raw counterpart, so both pay the same client-side overhead.
 */
final class ClosedLoop {

    private ClosedLoop() {
    }

    /** The outcome of one run: operations completed, elapsed wall time, and every call's latency. */
    record Outcome(long operations, long elapsedNanos, long[] latencyNanos) {

        double operationsPerSecond() {
            return operations * 1e9 / elapsedNanos;
        }

        double latencyMillis(double percent) {
            return Percentiles.of(latencyNanos, percent) / 1e6;
        }
    }

    /**
     * Runs the operations that {@code clientOperation} makes for each client index, all clients at once.
     * An operation blocks until done and throws if it failed, which fails the run.
     */
    static Outcome run(int clients, Duration duration, IntFunction<Runnable> clientOperation)
            throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        long[] window = new long[2];
        List<Thread> threads = new ArrayList<>(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            Runnable operation = clientOperation.apply(client);
            Thread thread = new Thread(() -> {
                long[] mine = new long[4096];
                int n = 0;
                ready.countDown();
                try {
                    go.await();
                    long deadline = window[0] + duration.toNanos();
                    long now = System.nanoTime();
                    while (now < deadline && failure.get() == null) {
                        operation.run();
                        long end = System.nanoTime();
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = end - now;
                        now = end;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
                latencies[client] = mine;
                counts[client] = n;
            }, "bench-client-" + c);
            threads.add(thread);
            thread.start();
        }
        ready.await();
        window[0] = System.nanoTime();
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        window[1] = System.nanoTime();
        if (failure.get() != null) {
            throw failure.get();
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        return new Outcome(total, window[1] - window[0], all);
    }
}
