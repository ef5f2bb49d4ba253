package io.xunshi.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * The benchmark program: starts PostgreSQL and Kafka (see {@link Infrastructure}), boots the kernel in a
 * Quarkus command-mode application against them, runs every {@link Scenario} in order, prints each
 * scenario's table, and writes the Markdown report to the path given as first argument.
 *
 * <pre>benchmarks/run</pre>
 *
 * <p>{@code -Dxunshi.benchmarks.only=RelayThroughputScenario} (in {@code JAVA_OPTS} for {@code benchmarks/run})
 * runs only the scenarios named, and then replaces only their sections of the report (adding those it lacks). A
 * full run rewrites the report but keeps the sections of labelled measurements it did not repeat (a title with
 * " — label", e.g. a baseline taken before a change; {@code -Dxunshi.benchmarks.rest.label=…}).
 */
@QuarkusMain
public class Benchmarks {

    private static final String LOAD_AT_START = "xunshi.benchmarks.load-at-start";
    private static final String STARTED_AT = "xunshi.benchmarks.started-at";
    /** Runs only the scenarios named (simple class names, comma-separated), e.g. to compare a setting. */
    private static final String ONLY = "xunshi.benchmarks.only";

    public static void main(String... args) {
        if (args.length != 1) {
            System.err.println("usage: Benchmarks <report.md>");
            System.exit(2);
        }
        System.setProperty(LOAD_AT_START, Machine.loadAverage());
        System.setProperty(STARTED_AT, Instant.now().toString());
        Infrastructure infrastructure = Infrastructure.start();
        infrastructure.config().forEach(System::setProperty);
        Quarkus.run(Run.class, (exitCode, failure) -> {
            infrastructure.close();
            if (failure != null) {
                failure.printStackTrace();
            }
            System.exit(failure != null && exitCode == 0 ? 1 : exitCode);
        }, args);
    }

    /** The run itself, once Quarkus has started: scenarios in order, then the report. */
    public static class Run implements QuarkusApplication {

        @Inject
        Instance<Scenario> scenarios;
        @Inject
        Pool pool;
        @Inject
        BenchKafka kafka;

        @Override
        public int run(String... args) throws Exception {
            RawEvents.createTable(pool);
            kafka.createTopics();
            List<Scenario> ordered = new ArrayList<>();
            String only = System.getProperty(ONLY, "");
            scenarios.forEach(s -> {
                if (only.isBlank() || List.of(only.split(",")).contains(s.getClass().getSimpleName())) {
                    ordered.add(s);
                }
            });
            ordered.sort(Comparator.comparingInt(Scenario::order));
            List<Report.Section> sections = new ArrayList<>();
            for (Scenario scenario : ordered) {
                System.out.println("Running " + scenario.getClass().getSimpleName() + " …");
                Conditions.Reading before = Conditions.Reading.now();
                ScenarioResult result = scenario.run();
                Report.Section section = new Report.Section(result, before.until(Conditions.Reading.now()));
                System.out.println(section.markdown());
                sections.add(section);
            }
            Path report = Path.of(args[0]);
            String existing = Files.exists(report) ? Files.readString(report) : "";
            Files.writeString(report, only.isBlank()
                    ? Report.markdown(machine(), sections) + Report.labelledSections(existing, sections)
                    : Report.merge(existing, sections));
            System.out.println("Report written to " + report.toAbsolutePath());
            return 0;
        }

        private Machine machine() {
            Row pg = pool.query("SELECT current_setting('server_version') AS version,"
                    + " current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS sync,"
                    + " current_setting('wal_sync_method') AS method")
                    .execute().await().indefinitely().iterator().next();
            return new Machine(Runtime.getRuntime().availableProcessors(), Machine.totalMemory(), Machine.javaVersion(),
                    "PostgreSQL " + pg.getString("version") + (System.getenv("XUNSHI_DB_HOST") == null
                            ? " (own server on a temporary data directory)"
                            : " (external)"),
                    "fsync=" + pg.getString("fsync") + ", synchronous_commit=" + pg.getString("sync")
                            + ", wal_sync_method=" + pg.getString("method"),
                    Machine.kafkaVersion(System.getenv("KAFKA_BOOTSTRAP_SERVERS") == null),
                    System.getProperty(LOAD_AT_START), Machine.loadAverage(),
                    Instant.parse(System.getProperty(STARTED_AT)));
        }
    }
}
