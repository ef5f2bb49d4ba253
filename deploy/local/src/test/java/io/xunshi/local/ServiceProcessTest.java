package io.xunshi.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service is started as {@code java -jar}; here the jar runs {@link StandInService}. */
class ServiceProcessTest {

    @TempDir
    Path data;

    @Test
    void isReadyWhenItsHealthEndpointAnswersAndGoneAfterStop() throws Exception {
        DataLayout layout = new DataLayout(data);
        ServiceProcess service = ServiceProcess.start(Service.PLANNING, standInJar(), TestPorts.free(),
                Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092"), layout.service(Service.PLANNING),
                layout.log("planning"), layout.servicePid(Service.PLANNING));
        try {
            HttpClient http = HttpClient.newHttpClient();
            Instant deadline = Instant.now().plusSeconds(30);
            while (!service.isReady(http) && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }

            assertThat(service.isReady(http)).isTrue();
            assertThat(layout.servicePid(Service.PLANNING).liveProcess()).isPresent();
        } finally {
            service.stop();
        }
        assertThat(service.process().isAlive()).isFalse();
        assertThat(Files.readString(layout.log("planning"))).contains("stand-in listening, Kafka at 127.0.0.1:19092");
    }

    @Test
    void reportsHowItExitedWhenItFailsToStart() throws Exception {
        DataLayout layout = new DataLayout(data);
        ServiceProcess service = ServiceProcess.start(Service.INSPECTION, standInJar(), TestPorts.free(),
                Map.of("STAND_IN_EXIT_CODE", "3"), layout.service(Service.INSPECTION), layout.log("inspection"),
                layout.servicePid(Service.INSPECTION));

        service.process().onExit().join();

        assertThat(service.process().exitDescription()).isEqualTo("inspection exited with code 3");
        assertThat(LogFiles.report("inspection failed to start.", service.process().logFile()))
                .contains("last 30 lines of " + layout.log("inspection"))
                .contains("stand-in exiting with 3");
        service.stop();
    }

    /** A jar like quarkus-run.jar: a manifest naming the main class and, as its classpath, the test classes. */
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
