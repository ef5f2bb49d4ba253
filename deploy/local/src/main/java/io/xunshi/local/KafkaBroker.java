package io.xunshi.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Uuid;

import io.xunshi.kafka.LocalKafkaSecurity;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one JVM), run as a separate process
 * on a directory that keeps everything across restarts: {@code server.properties} (rewritten on every
 * start, so changed ports apply), {@code cluster.id}, the topic data in {@code logs/}, and
 * {@code kafka.pid} while it runs.
 */
final class KafkaBroker {

    /** The administrator's client settings, in the secrets directory. */
    static final String ADMIN_CLIENT_FILE = "kafka-admin.properties";

    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(3);
    private static final long RETRY_MILLIS = 250;

    private final ChildProcess process;
    private final String bootstrapServers;
    private final String internalBootstrapServers;
    private final LocalKafkaSecurity security;

    private KafkaBroker(ChildProcess process, String bootstrapServers, String internalBootstrapServers,
            LocalKafkaSecurity security) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
        this.internalBootstrapServers = internalBootstrapServers;
        this.security = security;
    }

    static PidFile pidFile(Path directory) {
        return new PidFile(directory.resolve("kafka.pid"));
    }

    /**
     * Formats the storage if this is the directory's first start, then starts the broker without waiting
     * for it; see {@link #awaitReady}.
     *
     * @param maxHeap the broker JVM's -Xmx value, e.g. "1g"
     */
    static KafkaBroker start(Path directory, int port, int internalPort, int controllerPort,
            LocalKafkaSecurity security,
            BrokerClasspath classpath, String maxHeap, Path logFile) {
        Path config = directory.resolve("server.properties");
        try {
            Files.createDirectories(directory);
            // It holds the administrator's password (the PLAIN listeners' JAAS lines): its owner's only.
            Files.deleteIfExists(config);
            Files.writeString(Files.createFile(config,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
                    serverProperties(directory.resolve("logs"), port, internalPort, controllerPort, security));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + config, e);
        }
        formatOnce(directory, config, classpath, logFile);
        List<String> command = List.of(Processes.java(), "-Xmx" + maxHeap, "-XX:+UseG1GC",
                "-XX:MaxGCPauseMillis=20", "-Djava.awt.headless=true",
                // the broker logs through slf4j-simple to stderr, which goes to its log file
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS",
                "-cp", classpath.value(), "kafka.Kafka", config.toString());
        ChildProcess process = ChildProcess.start("kafka", command, Map.of(), directory, logFile, pidFile(directory));
        return new KafkaBroker(process, "127.0.0.1:" + port, "127.0.0.1:" + internalPort, security);
    }

    private static String serverProperties(Path logDirectory, int port, int internalPort, int controllerPort,
            LocalKafkaSecurity security) {
        String controller = "127.0.0.1:" + controllerPort;
        StringBuilder text = new StringBuilder(String.join("\n",
                "# Written by the Xunshi local launcher on every start; edits here are overwritten.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=" + controller,
                "log.dirs=" + logDirectory.toAbsolutePath(),
                "num.partitions=1",
                "# one broker: every internal topic has a single replica",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "# the topics hold the platform's events, which must never expire",
                "log.retention.ms=-1",
                "group.initial.rebalance.delay.ms=0",
                "# listeners, SCRAM-SHA-512 authentication and ACL authorization as in the cluster",
                "# (io.xunshi.kafka.LocalKafkaSecurity, deploy/kubernetes/kafka-users.yaml)",
                ""));
        Properties secured = security.brokerProperties("127.0.0.1", port, internalPort, controllerPort);
        secured.stringPropertyNames().stream().sorted()
                .forEach(key -> text.append(key).append('=').append(escape(secured.getProperty(key))).append('\n'));
        return text.toString();
    }

    /** A value as java.util.Properties reads it back: backslashes doubled. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\");
    }

    /** KRaft needs formatted storage; the cluster id is kept so the same id is used if it is ever formatted again. */
    private static void formatOnce(Path directory, Path config, BrokerClasspath classpath, Path logFile) {
        if (Files.exists(directory.resolve("logs/meta.properties"))) {
            return;
        }
        List<String> command = List.of(Processes.java(), "-Xmx256m", "-cp", classpath.value(),
                "kafka.tools.StorageTool", "format", "--standalone", "--cluster-id", clusterId(directory),
                "--config", config.toString());
        try {
            Files.createDirectories(logFile.getParent());
            Process format = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(logFile.toFile())).start();
            format.getOutputStream().close();
            if (!format.waitFor(FORMAT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                format.destroyForcibly();
                throw LaunchException.failure(LogFiles.report("Formatting Kafka's storage timed out.", logFile));
            }
            if (format.exitValue() != 0) {
                throw LaunchException.failure(LogFiles.report(
                        "Formatting Kafka's storage failed (exit code " + format.exitValue() + ").", logFile));
            }
        } catch (IOException e) {
            throw LaunchException.failure("cannot format Kafka's storage: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LaunchException.failure("interrupted while formatting Kafka's storage");
        }
    }

    private static String clusterId(Path directory) {
        Path file = directory.resolve("cluster.id");
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            String id = Uuid.randomUuid().toString();
            Files.writeString(file, id + "\n");
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    /**
     * Waits until the broker answers, failing early if its process exits or {@code check} throws (the
     * platform uses it to abandon the wait when asked to stop).
     */
    void awaitReady(Instant deadline, Runnable check) {
        boolean ready = awaitAnswer(internalBootstrapServers, security.administrator(), deadline, () -> {
            if (!process.isAlive()) {
                throw LaunchException.failure(LogFiles.report(
                        "Kafka failed to start: " + process.exitDescription() + ".", process.logFile()));
            }
            check.run();
        });
        if (!ready) {
            throw LaunchException.failure(LogFiles.report("Kafka did not become ready in time.", process.logFile()));
        }
    }

    /**
     * Whether a broker at {@code bootstrapServers} reports a live node before {@code deadline};
     * {@code check} runs before every attempt and may throw to give up.
     */
    static boolean awaitAnswer(String bootstrapServers, Map<String, String> credentials, Instant deadline,
            Runnable check) {
        Properties config = new Properties();
        config.putAll(credentials);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ATTEMPT_TIMEOUT.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ATTEMPT_TIMEOUT.toMillis());
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        Admin admin;
        try {
            admin = Admin.create(config);
        } catch (KafkaException e) {
            Throwable reason = e.getCause() != null ? e.getCause() : e;
            throw LaunchException.failure("Cannot use the Kafka bootstrap servers " + bootstrapServers + ": "
                    + reason.getMessage());
        }
        try {
            while (Instant.now().isBefore(deadline)) {
                check.run();
                try {
                    if (!admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) ATTEMPT_TIMEOUT.toMillis()))
                            .nodes().get().isEmpty()) {
                        return true;
                    }
                } catch (ExecutionException notYet) {
                    // the broker is not up yet: try again
                }
                Thread.sleep(RETRY_MILLIS);
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LaunchException.failure("interrupted while waiting for Kafka at " + bootstrapServers);
        } finally {
            admin.close(Duration.ofSeconds(2));
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * Gives the principals their credentials, creates the declared topics and grants the ACLs (a no-op for what
     * exists already), then writes the administrator's client settings for operators' tools.
     */
    void provision(Duration timeout, LocalSecrets secrets) {
        try {
            security.provision(internalBootstrapServers, 1, timeout);
        } catch (IllegalStateException e) {
            throw LaunchException.failure(LogFiles.report(e.getMessage(), process.logFile()));
        }
        StringBuilder admin = new StringBuilder("# The Kafka administrator's client settings (kafka-console-consumer"
                + " --consumer.config, Admin clients). Keep them secret.\n");
        admin.append("bootstrap.servers=").append(bootstrapServers).append('\n');
        security.credentials(LocalKafkaSecurity.ADMIN)
                .forEach((key, value) -> admin.append(key).append('=').append(escape(value)).append('\n'));
        secrets.write(ADMIN_CLIENT_FILE, admin.toString());
        for (String partner : partners()) {
            StringBuilder client = new StringBuilder("# The client settings of the partner principal " + partner
                    + " (docs/adr/0027): it may write only its own topic and read the dead letters of its"
                    + " reports. For trying a partner's publishing locally (kafka-console-producer"
                    + " --producer.config). Keep them secret.\n");
            client.append("bootstrap.servers=").append(bootstrapServers).append('\n');
            security.credentials(partner)
                    .forEach((key, value) -> client.append(key).append('=').append(escape(value)).append('\n'));
            secrets.write(partnerClientFile(partner), client.toString());
        }
    }

    /** The declared principals that are not one of the services': the partners', e.g. {@code xunshi-discipline}. */
    List<String> partners() {
        java.util.Set<String> services = new java.util.HashSet<>();
        for (Service service : Service.values()) {
            services.add("xunshi-" + service.id());
        }
        return security.access().users().keySet().stream().filter(user -> !services.contains(user)).toList();
    }

    /** Where a partner principal's client settings are, in the secrets directory: {@code kafka-xunshi-discipline.properties}. */
    static String partnerClientFile(String principal) {
        return "kafka-" + principal + ".properties";
    }

    ChildProcess process() {
        return process;
    }

    void stop() {
        process.stop();
    }
}
