package io.xunshi.local;

import java.io.IOException;
import java.net.InetSocketAddress;

import com.sun.net.httpserver.HttpServer;

/**
 * Plays a service for the tests: answers {@code /q/health/ready} with 200 on the management host and port a
 * Quarkus service would use, or exits at once with {@code STAND_IN_EXIT_CODE} if that is set.
 */
public final class StandInService {

    private StandInService() {
    }

    public static void main(String[] args) throws IOException {
        String exitCode = System.getenv("STAND_IN_EXIT_CODE");
        if (exitCode != null) {
            System.out.println("stand-in exiting with " + exitCode);
            System.exit(Integer.parseInt(exitCode));
        }
        // readiness is on the management interface, as a packaged service serves it
        HttpServer server = HttpServer.create(new InetSocketAddress(System.getenv("QUARKUS_MANAGEMENT_HOST"),
                Integer.parseInt(System.getenv("QUARKUS_MANAGEMENT_PORT"))), 0);
        server.createContext("/q/health/ready", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        System.out.println("stand-in listening, Kafka at " + System.getenv("KAFKA_BOOTSTRAP_SERVERS"));
    }
}
