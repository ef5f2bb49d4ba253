package io.xunshi.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged platform, started the way an operator starts it on one machine: the local launcher
 * ({@code deploy/local}, what {@code ./xunshi run --no-build} runs) in a process of its own, which starts
 * PostgreSQL, a KRaft Kafka broker and the four services as separate processes on free ports, with a fresh
 * data directory. Tokens come from the launcher's {@code token} command, signed with the key it generated.
 */
final class LocalPlatform implements AutoCloseable {

    static final List<String> SERVICES = List.of("planning", "inspection", "rectification", "coordination");
    private static final Duration STARTUP = Duration.ofMinutes(5);
    private static final String UP = "Xunshi is up after";

    private final Path repository;
    private final Path dataDir;
    private final Path launcherLog;
    private final Process launcher;
    private final Map<String, URI> services;
    private final int kafkaPort;
    private final int postgresPort;

    private LocalPlatform(Path repository, Path dataDir, Path launcherLog, Process launcher, Map<String, URI> services,
            int kafkaPort, int postgresPort) {
        this.repository = repository;
        this.dataDir = dataDir;
        this.launcherLog = launcherLog;
        this.launcher = launcher;
        this.services = services;
        this.kafkaPort = kafkaPort;
        this.postgresPort = postgresPort;
    }

    /** Starts everything and returns once the launcher reports every service ready. */
    static LocalPlatform start() throws IOException, InterruptedException {
        return start(Map.of());
    }

    /**
     * As {@link #start()}, with these variables added to the launcher's environment, which the services inherit
     * (e.g. {@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT}, {@code QUARKUS_LOG_CONSOLE_JSON_ENABLED}).
     */
    static LocalPlatform start(Map<String, String> environment) throws IOException, InterruptedException {
        Path repository = Path.of(System.getProperty("xunshi.repository", "../..")).toAbsolutePath().normalize();
        Path dataDir = Files.createTempDirectory("xunshi-e2e-");
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-launcher.log");
        Map<String, URI> services = new LinkedHashMap<>();
        List<String> command = new ArrayList<>(List.of(java(), "-jar", launcherJar(repository).toString(), "run",
                "--data-dir", dataDir.toString()));
        List<Integer> ports = freePorts(SERVICES.size() + 4);
        for (int i = 0; i < SERVICES.size(); i++) {
            String service = SERVICES.get(i);
            services.put(service, URI.create("http://127.0.0.1:" + ports.get(i)));
            command.add("--" + service + "-port");
            command.add(Integer.toString(ports.get(i)));
        }
        int next = SERVICES.size();
        command.addAll(List.of("--kafka-port", Integer.toString(ports.get(next)), "--kafka-controller-port",
                Integer.toString(ports.get(next + 1)), "--pg-port", Integer.toString(ports.get(next + 2)),
                "--kafka-internal-port", Integer.toString(ports.get(next + 3)), "--kafka-heap", "512m",
                "--ready-timeout", Long.toString(STARTUP.toSeconds())));
        ProcessBuilder builder = new ProcessBuilder(command).directory(repository.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        LocalPlatform platform = new LocalPlatform(repository, dataDir, log, process, services, ports.get(next),
                ports.get(next + 2));
        platform.awaitUp();
        return platform;
    }

    URI service(String name) {
        return services.get(name);
    }

    /** The service's management interface (health, metrics): its HTTP port + 1000, as the launcher sets it. */
    URI management(String name) {
        URI api = services.get(name);
        return URI.create("http://127.0.0.1:" + (api.getPort() + 1000));
    }

    /** The data directory the launcher runs on: PID files, logs, supervision status. */
    Path dataDir() {
        return dataDir;
    }

    String kafkaBootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    /**
     * The Kafka administrator's client settings the launcher wrote for operators (bootstrap servers and SCRAM
     * credentials): the broker takes no client without them.
     */
    java.util.Properties kafkaAdminConfig() throws IOException {
        java.util.Properties config = new java.util.Properties();
        try (java.io.Reader in = Files.newBufferedReader(dataDir.resolve("secrets/kafka-admin.properties"))) {
            config.load(in);
        }
        return config;
    }

    /**
     * The client settings the launcher wrote for a partner principal, e.g. {@code xunshi-discipline}: the partner's
     * own systems publish with them.
     */
    java.util.Properties kafkaPartnerConfig(String principal) throws IOException {
        java.util.Properties config = new java.util.Properties();
        try (java.io.Reader in = Files
                .newBufferedReader(dataDir.resolve("secrets/kafka-" + principal + ".properties"))) {
            config.load(in);
        }
        return config;
    }

    /** The platform's database, as the services use it (user and password {@code xunshi}). */
    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/xunshi";
    }

    /** The launcher's console output so far. */
    String launcherOutput() {
        return tail(launcherLog, 10_000);
    }

    /** A development bearer token for a caller with this role in this jurisdiction. */
    String token(String role, String jurisdiction) {
        return token(role, jurisdiction, null);
    }

    /** A token of a caller acting for an organisation (its {@code organisation} claim), or for none when null. */
    String token(String role, String jurisdiction, String organisation) {
        return token(role, jurisdiction, organisation, null);
    }

    /** A token of a named caller ({@code sub}; the launcher's default, role@jurisdiction, when null). */
    String tokenFor(String subject, String role, String jurisdiction) {
        return token(role, jurisdiction, null, subject);
    }

    private String token(String role, String jurisdiction, String organisation, String subject) {
        try {
            List<String> command = new ArrayList<>(List.of(java(), "-jar", launcherJar(repository).toString(),
                    "token", "--role", role, "--jurisdiction", jurisdiction, "--data-dir", dataDir.toString()));
            if (organisation != null) {
                command.addAll(List.of("--organisation", organisation));
            }
            if (subject != null) {
                command.addAll(List.of("--subject", subject));
            }
            Process token = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(token.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!token.waitFor(1, TimeUnit.MINUTES) || token.exitValue() != 0 || out.isEmpty()) {
                throw new IllegalStateException("the launcher could not mint a token for " + role + "@" + jurisdiction);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every line a service has logged so far (its console output, which the launcher writes to a file). */
    List<String> serviceLog(String service) {
        try {
            return Files.readAllLines(dataDir.resolve("logs").resolve(service + ".log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@code xunshi verify} printed and its exit code. */
    record Verification(int exitCode, String output) {
    }

    /** Runs {@code xunshi verify} against every service, as an auditor at the Centre. */
    Verification verify() {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", launcherJarOrFail(), "verify", "--data-dir",
                dataDir.toString()));
        services.forEach((service, uri) -> {
            command.add("--" + service + "-port");
            command.add(Integer.toString(uri.getPort()));
        });
        try {
            Process verify = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!verify.waitFor(2, TimeUnit.MINUTES)) {
                verify.destroyForcibly();
                throw new IllegalStateException("xunshi verify did not finish: " + out);
            }
            return new Verification(verify.exitValue(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String launcherJarOrFail() {
        try {
            return launcherJar(repository).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The launcher's output and the tail of every service's log, for a failure message. */
    String diagnostics() {
        StringBuilder text = new StringBuilder("launcher output:\n").append(tail(launcherLog, 40));
        Path logs = dataDir.resolve("logs");
        if (Files.isDirectory(logs)) {
            try (Stream<Path> files = Files.list(logs)) {
                files.sorted().forEach(file -> text.append("\n--- ").append(file.getFileName()).append(" ---\n")
                        .append(tail(file, 30)));
            } catch (IOException e) {
                text.append("\n(cannot list ").append(logs).append(": ").append(e.getMessage()).append(')');
            }
        }
        return text.toString();
    }

    /** Stops the launcher as Ctrl-C would (it stops every process it started) and removes the data. */
    @Override
    public void close() throws InterruptedException, IOException {
        launcher.destroy();
        if (!launcher.waitFor(90, TimeUnit.SECONDS)) {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException("the launcher did not stop within 90 s\n" + diagnostics());
        }
        deleteRecursively(dataDir);
        Files.deleteIfExists(launcherLog);
    }

    private void awaitUp() throws InterruptedException {
        long deadline = System.nanoTime() + STARTUP.plusSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (tail(launcherLog, 200).contains(UP)) {
                return;
            }
            if (!launcher.isAlive()) {
                throw new IllegalStateException(
                        "the launcher exited with " + launcher.exitValue() + "\n" + diagnostics());
            }
            Thread.sleep(250);
        }
        launcher.destroy();
        throw new IllegalStateException("the platform was not up within " + STARTUP + "\n" + diagnostics());
    }

    private static Path launcherJar(Path repository) throws IOException {
        Path target = repository.resolve("deploy/local/target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches("xunshi-local-.*\\.jar"))
                    .filter(f -> !f.getFileName().toString().endsWith("-sources.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no launcher jar in " + target
                            + "; the end-to-end test runs in ./mvnw verify, after the launcher is packaged"));
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * {@code count} distinct free ports: all sockets are held open until every port is chosen, since the
     * system may hand out a port again as soon as its socket is closed.
     */
    private static List<Integer> freePorts(int count) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            // A service's management interface listens 1000 above its HTTP port: that one must be free too.
            while (ports.size() < count) {
                ServerSocket socket = new ServerSocket(0);
                held.add(socket);
                int port = socket.getLocalPort();
                if (port + 1000 > 65535) {
                    continue;
                }
                try {
                    held.add(new ServerSocket(port + 1000));
                } catch (IOException taken) {
                    continue;
                }
                ports.add(port);
            }
            return ports;
        } finally {
            for (ServerSocket socket : held) {
                socket.close();
            }
        }
    }

    private static String tail(Path file, int lines) {
        try {
            if (!Files.exists(file)) {
                return "(no " + file + ")";
            }
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
