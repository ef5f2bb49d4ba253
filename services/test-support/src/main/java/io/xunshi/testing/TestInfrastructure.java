package io.xunshi.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import io.xunshi.postgres.PostgresServer;

/**
 * The real Kafka broker and PostgreSQL server that tests run against, started at most once per JVM and
 * stopped when the JVM exits.
 *
 * <p>When {@code KAFKA_BOOTSTRAP_SERVERS} is set in the environment, tests use that Kafka instead of
 * starting one; when {@code XUNSHI_DB_HOST} is set, tests use that PostgreSQL (with {@code XUNSHI_DB_PORT},
 * {@code XUNSHI_DB_NAME}, {@code XUNSHI_DB_USER}, {@code XUNSHI_DB_PASSWORD}, as the services do).
 */
public final class TestInfrastructure {

    public static final String DATABASE = "xunshi";
    public static final String USER = "xunshi";
    public static final String PASSWORD = "xunshi";

    private static EmbeddedKafkaBroker kafka;
    private static String kafkaBootstrapServers;
    private static PostgresServer postgres;

    private TestInfrastructure() {
    }

    /** The bootstrap servers of the external Kafka named by the environment, or of one started here. */
    public static synchronized String kafkaBootstrapServers() {
        if (kafkaBootstrapServers == null) {
            String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
            if (external != null && !external.isBlank()) {
                kafkaBootstrapServers = external;
            } else {
                kafka = new EmbeddedKafkaBroker()
                        .withKafkaHost("127.0.0.1")
                        .withKafkaPort(freePort())
                        .withControllerPort(freePort())
                        .withDeleteLogDirsOnClose(true)
                        .withAdditionalProperties(p -> {
                            p.put("auto.create.topics.enable", "true");
                            p.put("num.partitions", "3");
                            p.put("group.initial.rebalance.delay.ms", "0");
                        })
                        .start();
                kafkaBootstrapServers = kafka.getAdvertisedListeners().replaceAll("[A-Z_]+://", "");
                Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "xunshi-test-kafka-stop"));
            }
        }
        return kafkaBootstrapServers;
    }

    /** True when tests run against a PostgreSQL named by the environment rather than one started here. */
    public static boolean externalDatabase() {
        String host = System.getenv("XUNSHI_DB_HOST");
        return host != null && !host.isBlank();
    }

    /**
     * Configuration for the services' {@code xunshi.db.*} keys pointing at a PostgreSQL started here,
     * or an empty map when the environment names an external one (the services then read it themselves).
     */
    public static synchronized Map<String, String> databaseConfig() {
        if (externalDatabase()) {
            return Map.of();
        }
        if (postgres == null) {
            postgres = PostgresServer.startTemporary(freePort());
            postgres.createDatabase(DATABASE, USER, PASSWORD);
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "xunshi-test-postgres-stop"));
        }
        Map<String, String> config = new LinkedHashMap<>();
        config.put("xunshi.db.host", "127.0.0.1");
        config.put("xunshi.db.port", Integer.toString(postgres.port()));
        config.put("xunshi.db.name", DATABASE);
        config.put("xunshi.db.user", USER);
        config.put("xunshi.db.password", PASSWORD);
        return config;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
