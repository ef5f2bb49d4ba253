package io.xunshi.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URL;
import java.time.Duration;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import io.xunshi.kafka.LocalKafkaSecurity;
import io.xunshi.postgres.PostgresServer;

/**
 * The real Kafka broker and PostgreSQL server that tests run against, started at most once per JVM and
 * stopped when the JVM exits.
 *
 * <p>The broker started here authenticates every client (SCRAM-SHA-512) and holds it to the ACLs of
 * deploy/kubernetes/kafka-users.yaml ({@link LocalKafkaSecurity}): a service under test connects as its own
 * principal ({@code xunshi-<service>}), so a topic it may not write or read fails the test as it would fail in
 * the cluster. Tests that play an outside party (a partner agency forging an event, an auditor reading a topic)
 * connect as the administrator ({@link #outsiderKafkaConfig()}). A service the manifests do not declare (the
 * kernel's own tests) runs as the administrator too.
 *
 * <p>When {@code KAFKA_BOOTSTRAP_SERVERS} is set in the environment, tests use that Kafka instead of
 * starting one, with the security settings of the environment ({@code KAFKA_SECURITY_PROTOCOL},
 * {@code KAFKA_SASL_MECHANISM}, {@code KAFKA_SASL_JAAS_CONFIG}); when {@code XUNSHI_DB_HOST} is set, tests use that PostgreSQL (with {@code XUNSHI_DB_PORT},
 * {@code XUNSHI_DB_NAME}, {@code XUNSHI_DB_USER}, {@code XUNSHI_DB_PASSWORD}, as the services do).
 */
public final class TestInfrastructure {

    public static final String DATABASE = "xunshi";
    public static final String USER = "xunshi";
    public static final String PASSWORD = "xunshi";

    private static final Duration PROVISIONING = Duration.ofSeconds(60);

    private static EmbeddedKafkaBroker kafka;
    private static LocalKafkaSecurity kafkaSecurity;
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
                LocalKafkaSecurity security = LocalKafkaSecurity.withRandomPasswords();
                int port = freePort();
                int internalPort = freePort();
                int controllerPort = freePort();
                kafka = new EmbeddedKafkaBroker()
                        .withKafkaHost("127.0.0.1")
                        .withKafkaPort(port)
                        .withControllerPort(controllerPort)
                        .withDeleteLogDirsOnClose(true)
                        .withAdditionalProperties(p -> {
                            p.putAll(security.brokerProperties("127.0.0.1", port, internalPort, controllerPort));
                            // Only the administrator may create topics (the kernel's tests make their own); the
                            // services' principals have no Create permission and use the declared topics.
                            p.put("auto.create.topics.enable", "true");
                            p.put("num.partitions", "3");
                            p.put("group.initial.rebalance.delay.ms", "0");
                        })
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "xunshi-test-kafka-stop"));
                security.provision("127.0.0.1:" + internalPort, 3, PROVISIONING);
                kafkaSecurity = security;
                kafkaBootstrapServers = "127.0.0.1:" + port;
            }
        }
        return kafkaBootstrapServers;
    }

    /**
     * The Kafka security settings ({@code security.protocol}, {@code sasl.mechanism}, {@code sasl.jaas.config})
     * of the principal that {@code service} runs as: its own, or the administrator's when the manifests declare
     * none. Empty for an external Kafka: the services then read {@code KAFKA_*} from the environment themselves.
     */
    public static synchronized Map<String, String> kafkaCredentials(String service) {
        kafkaBootstrapServers();
        if (kafkaSecurity == null) {
            return Map.of();
        }
        return kafkaSecurity.credentials(kafkaSecurity.principalOf(service).orElse(LocalKafkaSecurity.ADMIN));
    }

    /**
     * Client settings (Kafka property names, bootstrap servers included) for a party outside the platform: the
     * broker's administrator here, or what the environment gives for an external Kafka.
     */
    public static synchronized Map<String, Object> outsiderKafkaConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("bootstrap.servers", kafkaBootstrapServers());
        if (kafkaSecurity != null) {
            config.putAll(kafkaSecurity.credentials(LocalKafkaSecurity.ADMIN));
        } else {
            config.putAll(LocalKafkaSecurity.environmentCredentials(System.getenv()));
        }
        return config;
    }

    /**
     * The {@code xunshi.service.name} of the application under test, from the first {@code application.properties}
     * on the class path that sets it.
     */
    static Optional<String> serviceName() {
        try {
            Enumeration<URL> files = Thread.currentThread().getContextClassLoader()
                    .getResources("application.properties");
            while (files.hasMoreElements()) {
                Properties properties = new Properties();
                try (InputStream in = files.nextElement().openStream()) {
                    properties.load(in);
                }
                String name = properties.getProperty("xunshi.service.name");
                if (name != null && !name.isBlank()) {
                    return Optional.of(name.trim());
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
