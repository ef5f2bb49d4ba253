package io.xunshi.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {

    @TempDir
    Path data;

    @Test
    void stopEndsTheProcessAndItsDescendants() throws Exception {
        PidFile pidFile = new PidFile(data.resolve("stand-in.pid"));
        ChildProcess process = start(List.of("/bin/sh", "-c", "sleep 300 & wait"), pidFile);
        ProcessHandle handle = ProcessHandle.of(process.pid()).orElseThrow();
        List<ProcessHandle> descendants = awaitDescendants(handle);
        assertThat(pidFile.liveProcess()).contains(handle);

        process.stop();

        assertThat(handle.isAlive()).isFalse();
        assertThat(descendants).noneMatch(ProcessHandle::isAlive);
        assertThat(pidFile.path()).doesNotExist();
        assertThat(Files.readString(process.logFile())).contains("starting stand-in");
    }

    @Test
    void ignoresCtrlCSoThatOnlyTheLauncherDecidesWhenItStops() throws Exception {
        ChildProcess process = start(List.of("sleep", "300"), new PidFile(data.resolve("sleep.pid")));
        try {
            new ProcessBuilder("/bin/sh", "-c", "kill -INT " + process.pid()).start().waitFor();

            assertThat(Processes.awaitExit(ProcessHandle.of(process.pid()).orElseThrow(), Duration.ofMillis(500)))
                    .isFalse();
        } finally {
            process.stop();
        }
        assertThat(process.isAlive()).isFalse();
    }

    @Test
    void leftoversOfAKilledLauncherAreStoppedThroughTheirPidFiles() {
        DataLayout layout = new DataLayout(data);
        ChildProcess service = start(List.of("sleep", "300"), layout.servicePid(Service.PLANNING));
        ChildProcess kafka = start(List.of("sleep", "300"), layout.kafkaPid());
        StringWriter out = new StringWriter();

        Leftovers.stop(layout, new PrintWriter(out, true));

        assertThat(service.isAlive()).isFalse();
        assertThat(kafka.isAlive()).isFalse();
        assertThat(out.toString())
                .contains("Stopping planning left over from an earlier run (pid " + service.pid() + ").")
                .contains("Stopping Kafka left over from an earlier run (pid " + kafka.pid() + ").");
        assertThat(layout.servicePid(Service.PLANNING).path()).doesNotExist();
    }

    @Test
    void aPidFileDoesNotMatchAnotherProcessThatGotTheSamePid() throws Exception {
        Path file = data.resolve("reused.pid");
        Files.writeString(file, ProcessHandle.current().pid() + "\n2001-01-01T00:00:00Z\n");

        assertThat(new PidFile(file).liveProcess()).isEmpty();
    }

    private ChildProcess start(List<String> command, PidFile pidFile) {
        return ChildProcess.start("stand-in", command, Map.of(), data, data.resolve("logs/stand-in.log"), pidFile);
    }

    private static List<ProcessHandle> awaitDescendants(ProcessHandle process) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            List<ProcessHandle> descendants = process.descendants().toList();
            if (!descendants.isEmpty()) {
                return descendants;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no descendant of " + process.pid() + " appeared");
    }
}
