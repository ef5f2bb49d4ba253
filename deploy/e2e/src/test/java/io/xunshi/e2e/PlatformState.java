package io.xunshi.e2e;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What the platform's own instruments say, read from outside: the outbox relay's and the projections' lags
 * from each service's {@code /q/metrics}, the consumers' lags and the dead-letter topics from the broker, and
 * counts of events straight from the services' stores.
 */
final class PlatformState implements AutoCloseable {

    /** The channel consumers (SmallRye, offsets committed to Kafka): group and the topic it reads. */
    static final Map<String, String> CONSUMER_GROUPS = Map.of(
            "xunshi.inspection.inspection-rounds", "xunshi.planning.events",
            "xunshi.rectification.rectification-feedback", "xunshi.inspection.events",
            "xunshi.inspection.clue-reports", "xunshi.discipline.events");

    private final LocalPlatform platform;
    private final RetryingClient http;
    private final Admin admin;

    PlatformState(LocalPlatform platform, RetryingClient http) {
        this.platform = platform;
        this.http = http;
        Properties config = adminConfig(platform);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        this.admin = Admin.create(config);
    }

    /** Every lag that is not zero yet, e.g. "inspection outbox 3.2 s", or why it cannot be read; empty when all are 0. */
    List<String> lags() {
        List<String> behind = new ArrayList<>();
        for (String service : LocalPlatform.SERVICES) {
            String metrics = http.text(metrics(service));
            if (metrics == null) {
                behind.add(service + ": /q/metrics does not answer");
                continue;
            }
            boolean relaySeen = false;
            for (String line : metrics.lines().toList()) {
                if (line.startsWith("xunshi_outbox_lag_seconds")) {
                    relaySeen = true;
                    if (value(line) != 0) {
                        behind.add(service + " outbox " + value(line) + " s");
                    }
                } else if (line.startsWith("xunshi_projection_lag{") && value(line) != 0) {
                    behind.add(service + " projection " + line.substring(line.indexOf('{'), line.indexOf('}') + 1)
                            + " " + value(line));
                }
            }
            if (!relaySeen) {
                behind.add(service + ": no xunshi_outbox_lag_seconds in /q/metrics");
            }
        }
        try {
            consumerLags().forEach((group, lag) -> {
                if (lag != 0) {
                    behind.add("consumer group " + group + " " + lag + " records");
                }
            });
        } catch (RuntimeException e) {
            behind.add("broker: " + e.getMessage());
        }
        return behind;
    }

    private static double value(String line) {
        String[] parts = line.trim().split("\\s+");
        return Double.parseDouble(parts[parts.length - 1]);
    }

    /** Records of its topic each channel consumer's group has not committed yet. */
    Map<String, Long> consumerLags() {
        Map<String, Long> lags = new LinkedHashMap<>();
        for (Map.Entry<String, String> group : CONSUMER_GROUPS.entrySet()) {
            Map<TopicPartition, Long> ends = endOffsets(Set.of(group.getValue()));
            Map<TopicPartition, OffsetAndMetadata> committed = get(admin.listConsumerGroupOffsets(group.getKey())
                    .partitionsToOffsetAndMetadata());
            long lag = 0;
            for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                OffsetAndMetadata at = committed.get(end.getKey());
                lag += end.getValue() - (at == null ? 0 : at.offset());
            }
            lags.put(group.getKey(), lag);
        }
        return lags;
    }

    /** Every record in a dead-letter topic ({@code *.dlq}), described by its reason, type and subject. */
    List<String> deadLetters() {
        Set<String> topics = get(admin.listTopics(new ListTopicsOptions().listInternal(false)).names()).stream()
                .filter(name -> name.endsWith(".dlq")).collect(Collectors.toSet());
        if (topics.isEmpty()) {
            return List.of();
        }
        Map<TopicPartition, Long> ends = endOffsets(topics);
        if (ends.values().stream().allMatch(end -> end == 0)) {
            return List.of();
        }
        Properties config = adminConfig(platform);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<String> letters = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.assign(ends.keySet());
            consumer.seekToBeginning(ends.keySet());
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            long wanted = ends.values().stream().mapToLong(Long::longValue).sum();
            while (letters.size() < wanted && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    letters.add(record.topic() + ": " + header(record, "ce_type") + " of " + record.key() + " ("
                            + header(record, "dead-letter-reason") + "; cause " + header(record, "dead-letter-cause")
                            + ")");
                }
            }
        }
        return letters;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "-" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private Map<TopicPartition, Long> endOffsets(Set<String> topics) {
        Map<String, TopicDescription> described = get(admin.describeTopics(topics).allTopicNames());
        Map<TopicPartition, OffsetSpec> wanted = new HashMap<>();
        described.values().forEach(topic -> topic.partitions().forEach(
                partition -> wanted.put(new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        get(admin.listOffsets(wanted).all()).forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the broker did not answer within 15 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Events of {@code type} in a service's store, counted by the payload field {@code key}. */
    Map<String, Integer> countEvents(String schema, String type, String key) {
        String sql = "SELECT payload->>? AS k, count(*) FROM " + schema + ".events WHERE event_type = ? GROUP BY 1";
        Map<String, Integer> counts = new HashMap<>();
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, key);
            statement.setString(2, type);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getInt(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count " + type + " in " + schema + ": " + e.getMessage(), e);
        }
        return counts;
    }

    /** Whether the database takes a login now. */
    boolean databaseAnswers() {
        try (Connection connection = connect()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private Connection connect() throws SQLException {
        Properties login = new Properties();
        login.setProperty("user", "xunshi");
        login.setProperty("password", "xunshi");
        login.setProperty("connectTimeout", "3");
        login.setProperty("loginTimeout", "5");
        return DriverManager.getConnection(platform.jdbcUrl(), login);
    }

    /** Whether the broker reports a live node now. */
    boolean brokerAnswers() {
        try {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    URI metrics(String service) {
        return platform.management(service).resolve("/q/metrics");
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }

    private static Properties adminConfig(LocalPlatform platform) {
        try {
            return platform.kafkaAdminConfig();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
