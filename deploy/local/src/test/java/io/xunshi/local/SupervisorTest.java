package io.xunshi.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's supervision of one process, with real processes: the stand-in service (a JVM answering
 * {@code /q/health/ready}, as {@link ServiceProcessTest} runs it) and, for the crash loop, a shell that exits
 * at once.
 */
class SupervisorTest {

    private static final Backoff FAST = new Backoff(Duration.ofMillis(200), Duration.ofMillis(800),
            Duration.ofMinutes(1));

    @TempDir
    Path data;

    private final StringWriter console = new StringWriter();
    private final PrintWriter out = new PrintWriter(console, true);
    private final List<Supervised> started = new CopyOnWriteArrayList<>();
    private Supervisor supervisor;

    @AfterEach
    void stopSupervisor() {
        if (supervisor != null) {
            supervisor.stop();
        }
        started.forEach(process -> assertThat(process.isAlive()).as("pid %d", process.pid()).isFalse());
    }

    @Test
    void aServiceKilledWithSigkillIsRestartedAndAnswersAgain() throws Exception {
        DataLayout layout = new DataLayout(data);
        int port = TestPorts.free();
        Path jar = standInJar();
        Supplier<Supervised> starter = record(() -> ServiceProcess.start(Service.PLANNING, jar, port, Map.of(),
                layout.service(Service.PLANNING), layout.log("planning"), layout.servicePid(Service.PLANNING))
                .process());
        supervisor = new Supervisor("planning", starter.get(), starter, FAST, out, layout.status("planning"));
        HttpClient http = HttpClient.newHttpClient();
        awaitTrue(() -> answers(http, port), Duration.ofSeconds(30));
        Supervised first = supervisor.current();

        ProcessHandle.of(first.pid()).orElseThrow().destroyForcibly(); // SIGKILL

        awaitTrue(() -> supervisor.restarts() == 1 && answers(http, port), Duration.ofSeconds(30));
        Supervised second = supervisor.current();
        assertThat(second.pid()).isNotEqualTo(first.pid());
        assertThat(second.isAlive()).isTrue();
        assertThat(layout.servicePid(Service.PLANNING).liveProcess().map(ProcessHandle::pid)).contains(second.pid());
        assertThat(console.toString())
                .contains("planning (pid " + first.pid() + ") exited (exit code 137, SIGKILL) after ")
                .contains("restarting it in 0.2 s")
                .contains("planning restarted (pid " + second.pid() + "), restart 1.");
        SupervisionStatus status = SupervisionStatus.read(layout.status("planning")).orElseThrow();
        assertThat(status.state()).isEqualTo(SupervisionStatus.State.UP);
        assertThat(status.pid()).isEqualTo(second.pid());
        assertThat(status.restarts()).isEqualTo(1);
        assertThat(status.describe()).startsWith("up, 1 restart, last exit: exit code 137, SIGKILL at ");
    }

    @Test
    void aProcessThatKeepsCrashingIsRestartedLaterAndLaterUpToTheMaximum() throws Exception {
        List<Instant> exits = new CopyOnWriteArrayList<>();
        List<Instant> starts = new CopyOnWriteArrayList<>();
        Supplier<Supervised> starter = () -> {
            starts.add(Instant.now());
            ChildProcess process = ChildProcess.start("crasher", List.of("/bin/sh", "-c", "sleep 0.05; exit 3"),
                    Map.of(), data, data.resolve("logs/crasher.log"), new PidFile(data.resolve("crasher.pid")));
            process.onExit().thenRun(() -> exits.add(Instant.now()));
            started.add(process);
            return process;
        };
        supervisor = new Supervisor("crasher", starter.get(), starter, FAST, out,
                data.resolve("status/crasher.status"));

        awaitTrue(() -> supervisor.restarts() >= 5, Duration.ofSeconds(30));
        supervisor.stop();

        assertThat(console.toString()).contains("crasher (pid " + started.get(0).pid() + ") exited (exit code 3)")
                .contains("restarting it in 0.2 s").contains("restarting it in 0.4 s")
                .contains("restarting it in 0.8 s")
                .doesNotContain("restarting it in 1.6 s");
        long[] expectedMillis = { 200, 400, 800, 800, 800 };
        for (int i = 0; i < expectedMillis.length; i++) {
            long waited = Duration.between(exits.get(i), starts.get(i + 1)).toMillis();
            assertThat(waited).as("wait before restart %d", i + 1).isGreaterThanOrEqualTo(expectedMillis[i] - 20);
        }
        SupervisionStatus status = SupervisionStatus.read(data.resolve("status/crasher.status")).orElseThrow();
        assertThat(status.restarts()).isGreaterThanOrEqualTo(5);
        assertThat(status.lastExit()).isEqualTo("exit code 3");
    }

    @Test
    void stopEndsTheProcessAndNoRestartFollows() throws Exception {
        Supplier<Supervised> starter = record(() -> ChildProcess.start("sleeper", List.of("sleep", "300"), Map.of(),
                data, data.resolve("logs/sleeper.log"), new PidFile(data.resolve("sleeper.pid"))));
        supervisor = new Supervisor("sleeper", starter.get(), starter, FAST, out,
                data.resolve("status/sleeper.status"));
        Supervised running = supervisor.current();

        supervisor.stop();

        assertThat(running.isAlive()).isFalse();
        Thread.sleep(FAST.max().toMillis() * 2);
        assertThat(started).hasSize(1);
        assertThat(supervisor.restarts()).isZero();
        assertThat(console.toString()).doesNotContain("restart");
    }

    @Test
    void aStopDuringTheBackOffStartsNothingMore() throws Exception {
        Backoff slow = new Backoff(Duration.ofSeconds(20), Duration.ofSeconds(20), Duration.ofMinutes(1));
        Supplier<Supervised> starter = record(() -> ChildProcess.start("crasher", List.of("/bin/sh", "-c", "exit 5"),
                Map.of(), data, data.resolve("logs/crasher.log"), new PidFile(data.resolve("crasher.pid"))));
        supervisor = new Supervisor("crasher", starter.get(), starter, slow, out,
                data.resolve("status/crasher.status"));
        awaitTrue(() -> SupervisionStatus.read(data.resolve("status/crasher.status"))
                .map(s -> s.state() == SupervisionStatus.State.RESTARTING).orElse(false), Duration.ofSeconds(10));
        Instant stopping = Instant.now();

        supervisor.stop();

        assertThat(Duration.between(stopping, Instant.now())).isLessThan(Duration.ofSeconds(5));
        assertThat(started).hasSize(1);
        assertThat(console.toString()).contains("exited (exit code 5)").contains("restarting it in 20.0 s")
                .doesNotContain("crasher restarted");
    }

    private Supplier<Supervised> record(Supplier<Supervised> starter) {
        return () -> {
            Supervised process = starter.get();
            started.add(process);
            return process;
        };
    }

    /** Whether the stand-in on {@code port} answers its readiness probe. */
    private static boolean answers(HttpClient http, int port) {
        HttpRequest request = HttpRequest
                .newBuilder(URI.create("http://127.0.0.1:" + ServiceProcess.managementPort(port) + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notAnswering) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void awaitTrue(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not true within " + timeout);
            }
            Thread.sleep(50);
        }
    }

    /** A jar like quarkus-run.jar whose main class is {@link StandInService}; see {@link ServiceProcessTest}. */
    private Path standInJar() throws Exception {
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.put(Attributes.Name.MAIN_CLASS, StandInService.class.getName());
        attributes.put(Attributes.Name.CLASS_PATH,
                StandInService.class.getProtectionDomain().getCodeSource().getLocation().toString());
        Path jar = data.resolve("stand-in.jar");
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            return jar;
        }
    }
}
