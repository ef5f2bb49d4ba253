package io.xunshi.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class CommandsTest {

    @TempDir
    Path data;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private CommandLine cli;

    @BeforeEach
    void setUp() {
        cli = new CommandLine(new XunshiLocal()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
    }

    @Test
    void stopSaysSoWhenNothingRuns() {
        assertThat(cli.execute("stop", "--data-dir", data.toString())).isZero();
        assertThat(out.toString()).isEqualTo("Xunshi is not running on " + data.toAbsolutePath() + ".\n");
    }

    @Test
    void statusReportsEveryComponentAndExits3WhenNothingRuns() {
        assertThat(cli.execute("status", "--data-dir", data.toString())).isEqualTo(3);
        assertThat(out.toString()).contains("launcher", "PostgreSQL", "Kafka", "planning", "coordination")
                .doesNotContain("running (pid");
    }

    @Test
    void statusShowsWhatTheRunningLaunchersSupervisorRecorded() {
        DataLayout layout = new DataLayout(data);
        layout.launcherPid().write(ProcessHandle.current());
        Instant exited = Instant.parse("2026-12-01T21:02:10Z");
        new SupervisionStatus(SupervisionStatus.State.RESTARTING, 4711, 2, "exit code 137, SIGKILL", exited, exited)
                .write(layout.status("inspection"));

        assertThat(cli.execute("status", "--data-dir", data.toString())).isZero();

        assertThat(out.toString())
                .contains("inspection     not running; restarting, 2 restarts, last exit: exit code 137, "
                        + "SIGKILL at 2026-12-01T21:02:10Z");
    }

    @Test
    void anUnknownServiceIsAUsageError() {
        assertThat(cli.execute("run", "--data-dir", data.toString(), "--services", "planning,auditing")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown service 'auditing'").doesNotContain("Exception");
    }
}
