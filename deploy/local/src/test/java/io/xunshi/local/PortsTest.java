package io.xunshi.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class PortsTest {

    @TempDir
    Path data;

    @Test
    void namesABusyPortAndWhatItWasFor() throws Exception {
        try (ServerSocket busy = occupy()) {
            int port = busy.getLocalPort();

            assertThat(Ports.isFree(port)).isFalse();
            assertThatThrownBy(() -> Ports.requireFree(List.of(
                    new Ports.Use(TestPorts.free(), "PostgreSQL", "--pg-port"),
                    new Ports.Use(port, "Kafka broker", "--kafka-port"))))
                    .isInstanceOf(LaunchException.class)
                    .hasMessage("Port " + port + " (Kafka broker) is already in use; free it or choose another with "
                            + "--kafka-port.")
                    .extracting(e -> ((LaunchException) e).exitCode()).isEqualTo(2);
        }
    }

    @Test
    void rejectsOnePortConfiguredTwice() {
        int port = TestPorts.free();

        assertThatThrownBy(() -> Ports.requireFree(List.of(
                new Ports.Use(port, "Kafka broker", "--kafka-port"),
                new Ports.Use(port, "planning HTTP", "--planning-port"))))
                .hasMessage("Port " + port + " is configured for both Kafka broker and planning HTTP; change "
                        + "--planning-port.");
    }

    @Test
    void runStopsAtABusyPortWithOneLineAndExitCode2() throws Exception {
        try (ServerSocket busy = occupy()) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cli = new CommandLine(new XunshiLocal())
                    .setOut(new PrintWriter(out, true))
                    .setErr(new PrintWriter(err, true));

            int exitCode = cli.execute("run", "--data-dir", data.toString(),
                    "--kafka-port", Integer.toString(busy.getLocalPort()),
                    "--kafka-controller-port", free(), "--pg-port", free(),
                    "--planning-port", free(), "--inspection-port", free(),
                    "--rectification-port", free(), "--coordination-port", free());

            assertThat(exitCode).isEqualTo(2);
            assertThat(err.toString().strip()).isEqualTo("Port " + busy.getLocalPort()
                    + " (Kafka broker) is already in use; free it or choose another with --kafka-port.");
            assertThat(out.toString()).isEmpty();
            assertThat(data.resolve("xunshi.pid")).doesNotExist();
        }
    }

    private static ServerSocket occupy() throws Exception {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress("127.0.0.1", 0));
        return socket;
    }

    private static String free() {
        return Integer.toString(TestPorts.free());
    }
}
