package io.xunshi.benchmarks;

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
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged platform as an operator runs it: the local launcher ({@code deploy/local}, what
 * {@code ./xunshi run --no-build} runs) in a process of its own, which starts PostgreSQL, a KRaft broker and the
 * four services as separate processes, here on free ports (never the defaults, so a platform someone else runs
 * on this machine is not disturbed) and with a fresh data directory. {@link #close()} stops the launcher as
 * Ctrl-C would, which stops everything it started; a shutdown hook does the same if this JVM is stopped first.
 */
final class PackagedPlatform implements AutoCloseable {

    static final List<String> SERVICES = List.of("planning", "inspection", "rectification", "coordination");
    private static final Duration STARTUP = Duration.ofMinutes(4);
    private static final String UP = "Xunshi is up after";

    private final Path repository;
    private final Path dataDir;
    private final Path log;
    private final Process launcher;
    private final Map<String, URI> services;
    private final Thread hook;

    private PackagedPlatform(Path repository, Path dataDir, Path log, Process launcher, Map<String, URI> services) {
        this.repository = repository;
        this.dataDir = dataDir;
        this.log = log;
        this.launcher = launcher;
        this.services = services;
        this.hook = new Thread(this::stopQuietly, "stop-packaged-platform");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Starts the platform from the packaged jars under {@code repository} and returns once all is ready. */
    static PackagedPlatform start(Path repository) throws IOException, InterruptedException {
        Path jar = launcherJar(repository);
        for (String service : SERVICES) {
            Path serviceJar = repository.resolve("services").resolve(service)
                    .resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.exists(serviceJar)) {
                throw new IllegalStateException("no packaged " + service + " service at " + serviceJar
                        + "; benchmarks/run packages the services before it runs");
            }
        }
        Path dataDir = Files.createTempDirectory("xunshi-bench-rest-");
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-launcher.log");
        Map<String, URI> services = new LinkedHashMap<>();
        List<String> command = new ArrayList<>(List.of(java(), "-jar", jar.toString(), "run", "--data-dir",
                dataDir.toString()));
        List<Integer> ports = freePorts(SERVICES.size() + 4);
        for (int i = 0; i < SERVICES.size(); i++) {
            services.put(SERVICES.get(i), URI.create("http://127.0.0.1:" + ports.get(i)));
            command.add("--" + SERVICES.get(i) + "-port");
            command.add(Integer.toString(ports.get(i)));
        }
        int next = SERVICES.size();
        command.addAll(List.of("--kafka-port", Integer.toString(ports.get(next)), "--kafka-controller-port",
                Integer.toString(ports.get(next + 1)), "--pg-port", Integer.toString(ports.get(next + 2)),
                "--kafka-internal-port", Integer.toString(ports.get(next + 3)), "--kafka-heap", "512m",
                "--ready-timeout", Long.toString(STARTUP.toSeconds())));
        Process process = new ProcessBuilder(command).directory(repository.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        PackagedPlatform platform = new PackagedPlatform(repository, dataDir, log, process, services);
        try {
            platform.awaitUp();
        } catch (RuntimeException | InterruptedException e) {
            platform.close();
            throw e;
        }
        return platform;
    }

    URI api(String service) {
        return services.get(service).resolve("/api/v1");
    }

    /** The operating-system process of a service, found among the launcher's descendants by its jar. */
    /**
     * Every process the launcher started and theirs, and PostgreSQL's server with its backends: the server
     * detaches from the launcher when it starts, so it is found by the PID in its {@code postmaster.pid}.
     */
    java.util.stream.Stream<ProcessHandle> descendants() {
        java.util.stream.Stream<ProcessHandle> postgres;
        try {
            long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid")).get(0)
                    .strip());
            postgres = ProcessHandle.of(pid).stream()
                    .flatMap(postmaster -> java.util.stream.Stream.concat(java.util.stream.Stream.of(postmaster),
                            postmaster.descendants()));
        } catch (IOException | RuntimeException e) {
            postgres = java.util.stream.Stream.empty();
        }
        return java.util.stream.Stream.concat(launcher.descendants(), postgres).distinct();
    }

    Optional<ProcessHandle> serviceProcess(String service) {
        String marker = "services/" + service + "/target/quarkus-app/quarkus-run.jar";
        return launcher.descendants().filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .findFirst();
    }

    /** A development bearer token, minted by the launcher with the key it generated for this data directory. */
    String token(String roles, String jurisdiction) {
        try {
            Process token = new ProcessBuilder(java(), "-jar", launcherJar(repository).toString(), "token", "--role",
                    roles, "--jurisdiction", jurisdiction, "--data-dir", dataDir.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(token.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!token.waitFor(1, TimeUnit.MINUTES) || token.exitValue() != 0 || out.isEmpty()) {
                throw new IllegalStateException(
                        "the launcher could not mint a token for " + roles + "@" + jurisdiction);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Lines of a service's log containing {@code text}. */
    List<String> serviceLogLines(String service, String text) {
        Path file = dataDir.resolve("logs").resolve(service + ".log");
        try {
            return Files.exists(file)
                    ? Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                            .filter(l -> l.contains(text)).toList()
                    : List.of();
        } catch (IOException e) {
            return List.of("(cannot read " + file + ": " + e.getMessage() + ")");
        }
    }

    String diagnostics() {
        return "launcher output:\n" + tail(log, 40);
    }

    @Override
    public void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs or has run
        }
    }

    private synchronized void stopQuietly() {
        if (launcher.isAlive()) {
            List<ProcessHandle> children = launcher.descendants().toList();
            launcher.destroy();
            try {
                if (!launcher.waitFor(90, TimeUnit.SECONDS)) {
                    children.forEach(ProcessHandle::destroyForcibly);
                    launcher.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                children.forEach(ProcessHandle::destroyForcibly);
                launcher.destroyForcibly();
            }
            children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
        try {
            deleteRecursively(dataDir);
            Files.deleteIfExists(log);
        } catch (IOException e) {
            System.err.println("could not remove " + dataDir + ": " + e.getMessage());
        }
    }

    private void awaitUp() throws InterruptedException {
        long deadline = System.nanoTime() + STARTUP.plusSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (tail(log, 200).contains(UP)) {
                return;
            }
            if (!launcher.isAlive()) {
                throw new IllegalStateException(
                        "the launcher exited with " + launcher.exitValue() + "\n" + diagnostics());
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the platform was not up within " + STARTUP + "\n" + diagnostics());
    }

    private static Path launcherJar(Path repository) throws IOException {
        Path target = repository.resolve("deploy/local/target");
        if (!Files.isDirectory(target)) {
            throw new IllegalStateException("no launcher in " + target + "; benchmarks/run packages it first");
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches("xunshi-local-.*\\.jar"))
                    .filter(f -> !f.getFileName().toString().endsWith("-sources.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no launcher jar in " + target));
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Distinct free ports: every socket is held open until all are chosen. */
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
