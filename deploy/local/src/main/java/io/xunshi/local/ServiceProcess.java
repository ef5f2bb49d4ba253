package io.xunshi.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One of the four Quarkus services, run as {@code java -jar quarkus-run.jar} in its own process. */
final class ServiceProcess {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final Service service;
    /** How far above its API port a service's management interface listens. */
    static final int MANAGEMENT_OFFSET = 1000;

    private final int port;
    private final ChildProcess process;

    private ServiceProcess(Service service, int port, ChildProcess process) {
        this.service = service;
        this.port = port;
        this.process = process;
    }

    /**
     * @param platform what every service is told about the platform: Kafka and database addresses
     * @param workingDirectory where the service runs, so anything it writes relative to it stays in the data directory
     */
    static ServiceProcess start(Service service, Path jar, int port, Map<String, String> platform,
            Path workingDirectory, Path logFile, PidFile pidFile) {
        Map<String, String> environment = new HashMap<>(platform);
        environment.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        // Health and metrics are on the management interface, apart from the API (as on Kubernetes' port 9000).
        environment.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
        environment.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort(port)));
        // Swagger UI is off in production; locally it is the way in.
        environment.put("QUARKUS_SWAGGER_UI_ENABLE", "true");
        List<String> command = List.of(Processes.java(), "-jar", jar.toAbsolutePath().toString());
        return new ServiceProcess(service, port,
                ChildProcess.start(service.id(), command, environment, workingDirectory, logFile, pidFile));
    }

    Service service() {
        return service;
    }

    ChildProcess process() {
        return process;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The management interface's port of a service whose API listens on {@code port}: 1000 above it. */
    static int managementPort(int port) {
        return port + MANAGEMENT_OFFSET;
    }

    /** Where health and metrics are served ({@code /q/health/ready}, {@code /q/metrics}). */
    String managementUrl() {
        return "http://127.0.0.1:" + managementPort(port);
    }

    /** Whether {@code /q/health/ready} answers 200; any failure to answer means "not yet". */
    boolean isReady(HttpClient http) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                .timeout(PROBE_TIMEOUT).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notAnswering) {
            return false;
        }
    }

    void stop() {
        process.stop();
    }
}
