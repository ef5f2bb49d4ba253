package io.xunshi.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link LatencyConsumer} in a JVM of its own, on this JVM's classpath, and collects what it prints.
 */
final class ConsumerProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final Map<String, List<long[]>> received = new ConcurrentHashMap<>();

    private ConsumerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
        Thread reader = new Thread(this::read, "bench-latency-consumer-output");
        reader.setDaemon(true);
        reader.start();
    }

    static ConsumerProcess start(String bootstrapServers, long countPerTopic, List<String> topics) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                "-cp", classpath(),
                LatencyConsumer.class.getName(), bootstrapServers, Long.toString(countPerTopic)));
        command.addAll(topics);
        Path log = Files.createTempFile("xunshi-bench-latency-consumer-", ".log");
        return new ConsumerProcess(new ProcessBuilder(command).redirectError(log.toFile()).start(), log);
    }

    /**
     * This JVM's classpath. Run from Quarkus' fast-jar layout, that is only {@code quarkus-run.jar}, whose
     * folder holds the application's jar in {@code app/} and its dependencies in {@code lib/main/}.
     */
    static String classpath() {
        String own = System.getProperty("java.class.path");
        if (!own.endsWith("quarkus-run.jar")) {
            return own;
        }
        Path layout = Path.of(own).toAbsolutePath().getParent();
        return layout.resolve("app") + File.separator + "*" + File.pathSeparator + layout.resolve("lib").resolve("main")
                + File.separator + "*";
    }

    void awaitReady(Duration timeout) throws InterruptedException {
        if (!ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the latency consumer did not get ready within " + timeout
                    + (process.isAlive() ? "" : "; it exited with " + process.exitValue()));
        }
    }

    /**
     * Waits until the records of {@code topic} with sequence numbers 0 to {@code count - 1} have been
     * received, or the timeout passes, and returns their latencies (µs) indexed by sequence number; -1 for
     * a record not received.
     */
    long[] latenciesMicrosBySeq(String topic, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<long[]> records = received.computeIfAbsent(topic, t -> new ArrayList<>());
        while (size(records) < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        long[] bySeq = new long[count];
        Arrays.fill(bySeq, -1);
        synchronized (records) {
            for (long[] record : records) {
                if (record[0] < count && bySeq[(int) record[0]] < 0) {
                    bySeq[(int) record[0]] = record[1];
                }
            }
        }
        return bySeq;
    }

    private static int size(List<long[]> records) {
        synchronized (records) {
            return records.size();
        }
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.equals("READY")) {
                    ready.countDown();
                    continue;
                }
                String[] fields = line.split(" ");
                List<long[]> records = received.computeIfAbsent(fields[0], t -> new ArrayList<>());
                synchronized (records) {
                    records.add(new long[]{ Long.parseLong(fields[1]), Long.parseLong(fields[2]) });
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the process to end, or ends it; keeps its error output only if it failed. */
    @Override
    public void close() throws InterruptedException, IOException {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        if (!process.isAlive() && process.exitValue() == 0) {
            Files.deleteIfExists(log);
        } else {
            System.err.println("The latency consumer failed; its output is in " + log);
        }
    }
}
