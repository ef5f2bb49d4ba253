package io.xunshi.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.xunshi.kafka.LocalKafkaSecurity;

/** Runs the real broker as a separate JVM, as the launcher does. */
class KafkaBrokerTest {

    private static final String TOPIC = "xunshi.inspection.events";
    private static final LocalKafkaSecurity SECURITY = LocalKafkaSecurity.withRandomPasswords();
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path data;

    @Test
    void keepsRecordsAcrossARestartAndLeavesNoProcessBehind() throws Exception {
        KafkaBroker first = start();
        long firstPid = first.process().pid();
        try {
            first.awaitReady(Instant.now().plus(READY_TIMEOUT), () -> {
            });
            first.provision(READY_TIMEOUT, new LocalSecrets(new DataLayout(data)));
            // the topic's owner writes it, as its own principal
            produce(first.bootstrapServers(), SECURITY.credentials("xunshi-inspection"), "inspection-planned");
            assertThat(java.nio.file.Files.getPosixFilePermissions(data.resolve("kafka/server.properties")))
                    .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            assertThat(java.nio.file.Files.readString(data.resolve("secrets/kafka-admin.properties")))
                    .contains("sasl.mechanism=SCRAM-SHA-512").contains(first.bootstrapServers());
        } finally {
            first.stop();
        }
        assertGone(firstPid);
        assertThat(data.resolve("kafka/kafka.pid")).doesNotExist();

        // other ports on the second start: the data must not depend on them
        KafkaBroker second = start();
        long secondPid = second.process().pid();
        try {
            second.awaitReady(Instant.now().plus(READY_TIMEOUT), () -> {
            });
            // the credentials live in the broker's metadata: no provisioning needed after a restart
            assertThat(consumeAll(second.bootstrapServers(), SECURITY.credentials(LocalKafkaSecurity.ADMIN)))
                    .containsExactly("inspection-planned");
        } finally {
            second.stop();
        }
        assertGone(secondPid);
        assertThat(data.resolve("kafka/cluster.id")).exists();
    }

    private KafkaBroker start() {
        return KafkaBroker.start(data.resolve("kafka"), TestPorts.free(), TestPorts.free(), TestPorts.free(), SECURITY,
                BrokerClasspath.currentJvm(), "512m", data.resolve("logs/kafka.log"));
    }

    private static void produce(String bootstrapServers, Map<String, String> credentials, String value)
            throws Exception {
        Map<String, Object> config = new java.util.HashMap<>(credentials);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, "key", value)).get(60, TimeUnit.SECONDS);
        }
    }

    private static List<String> consumeAll(String bootstrapServers, Map<String, String> credentials) {
        Map<String, Object> config = new java.util.HashMap<>(credentials);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(TOPIC, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            Instant deadline = Instant.now().plusSeconds(60);
            while (values.isEmpty() && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }

    private static void assertGone(long pid) {
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("process %d", pid).isEmpty();
    }
}
