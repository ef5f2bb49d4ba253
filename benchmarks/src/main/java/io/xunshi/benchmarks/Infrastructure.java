package io.xunshi.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import io.xunshi.postgres.PostgresServer;

/**
 * The PostgreSQL server and Kafka broker the benchmarks run against: a real PostgreSQL in its own process
 * on a temporary data directory, with its default durable settings ({@code fsync} and
 * {@code synchronous_commit} on), and a single-node KRaft broker in this JVM — unless
 * {@code XUNSHI_DB_HOST} or {@code KAFKA_BOOTSTRAP_SERVERS} name external ones. Started before Quarkus,
 * which then reads the resulting {@code xunshi.db.*} and {@code kafka.bootstrap.servers} keys.
 */
final class Infrastructure implements AutoCloseable {

    static final int PARTITIONS = 3;

    private static final String DATABASE = "xunshi";
    private static final String USER = "xunshi";
    private static final String PASSWORD = "xunshi";

    private final PostgresServer postgres;
    private final EmbeddedKafkaBroker kafka;
    private final Map<String, String> config;

    private Infrastructure(PostgresServer postgres, EmbeddedKafkaBroker kafka, Map<String, String> config) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.config = config;
    }

    static Infrastructure start() {
        Map<String, String> config = new LinkedHashMap<>();
        PostgresServer postgres = null;
        if (isBlank(System.getenv("XUNSHI_DB_HOST"))) {
            postgres = PostgresServer.startTemporary(freePort());
            postgres.createDatabase(DATABASE, USER, PASSWORD);
            config.put("xunshi.db.host", "127.0.0.1");
            config.put("xunshi.db.port", Integer.toString(postgres.port()));
            config.put("xunshi.db.name", DATABASE);
            config.put("xunshi.db.user", USER);
            config.put("xunshi.db.password", PASSWORD);
        }
        EmbeddedKafkaBroker kafka = null;
        String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (isBlank(external)) {
            kafka = new EmbeddedKafkaBroker()
                    .withKafkaHost("127.0.0.1")
                    .withKafkaPort(freePort())
                    .withControllerPort(freePort())
                    .withDeleteLogDirsOnClose(true)
                    .withAdditionalProperties(p -> {
                        p.put("auto.create.topics.enable", "true");
                        p.put("num.partitions", Integer.toString(PARTITIONS));
                        p.put("group.initial.rebalance.delay.ms", "0");
                    })
                    .start();
            config.put("kafka.bootstrap.servers", kafka.getAdvertisedListeners().replaceAll("[A-Z_]+://", ""));
        } else {
            config.put("kafka.bootstrap.servers", external);
        }
        return new Infrastructure(postgres, kafka, config);
    }

    /** The configuration keys pointing Quarkus at what was started here. */
    Map<String, String> config() {
        return config;
    }

    @Override
    public void close() {
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
