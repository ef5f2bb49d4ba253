package io.xunshi.kernel.audit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import io.xunshi.kernel.outbox.CloudEventHeaders;

/**
 * The service's topic read as a witness of its store: from the beginning up to the end offsets found when
 * the read starts, with a consumer of its own (assigned partitions, no group, nothing committed), keeping
 * for each stream what {@link WitnessedStream} holds. Only the headers are used.
 */
final class TopicWitness {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final int POLL_RECORDS = 5_000;

    /** Everything the topic witnessed, by stream id; {@code records} counts the records read. */
    record Witnessed(Map<String, WitnessedStream> streams, long records, long unreadable) {
    }

    private TopicWitness() {
    }

    static Witnessed read(Map<String, Object> kafkaConfig, String topic, String clientId, Instant deadline) {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, POLL_RECORDS);
        Map<String, WitnessedStream> streams = new HashMap<>();
        long records = 0;
        long unreadable = 0;
        try (KafkaConsumer<byte[], byte[]> reader = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = reader.partitionsFor(topic, remaining(deadline)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = reader.endOffsets(partitions, remaining(deadline));
            while (!reachedEnd(reader, end)) {
                remaining(deadline);
                for (ConsumerRecord<byte[], byte[]> record : reader.poll(POLL)) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    records++;
                    if (!witness(streams, record.headers())) {
                        unreadable++;
                    }
                }
            }
        }
        return new Witnessed(streams, records, unreadable);
    }

    private static boolean witness(Map<String, WitnessedStream> streams, Headers headers) {
        String stream = text(headers, "ce_subject");
        String version = text(headers, "ce_aggregateversion");
        if (stream == null || version == null) {
            return false;
        }
        int v;
        try {
            v = Integer.parseInt(version);
        } catch (NumberFormatException e) {
            return false;
        }
        if (v < 1) {
            return false;
        }
        byte[] hash = null;
        String hex = text(headers, CloudEventHeaders.CHAIN_HASH);
        if (hex != null) {
            try {
                hash = HexFormat.of().parseHex(hex);
            } catch (IllegalArgumentException e) {
                hash = null;
            }
        }
        streams.computeIfAbsent(stream, s -> new WitnessedStream()).witness(v, text(headers, "ce_jurisdiction"), hash);
        return true;
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static boolean reachedEnd(KafkaConsumer<?, ?> reader, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> reader.position(e.getKey()) >= e.getValue());
    }

    static Duration remaining(Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.isNegative() || left.isZero()) {
            throw new VerificationTimedOut();
        }
        return left;
    }

    /** The verification ran out of its time. */
    static final class VerificationTimedOut extends RuntimeException {

        VerificationTimedOut() {
            super("the verification ran out of time", null, false, false);
        }
    }
}
