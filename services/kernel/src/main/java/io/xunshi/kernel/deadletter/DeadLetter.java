package io.xunshi.kernel.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

/**
 * One record of a dead-letter topic, as the consumer's dead-letter strategy wrote it: the original key, value
 * and headers, plus {@code dead-letter-reason}, {@code dead-letter-cause}, {@code dead-letter-topic},
 * {@code dead-letter-partition} and {@code dead-letter-offset}.
 */
public record DeadLetter(DeadLetterTopics.Topic topic, int partition, long offset, Instant deadLetteredAt,
        String key, String value, List<Header> headers) {

    /** The letter's id in the API: {@code <consumer>.<partition>.<offset>} of its dead-letter topic. */
    public String id() {
        return id(topic.consumer(), partition, offset);
    }

    public static String id(String consumer, int partition, long offset) {
        return consumer + "." + partition + "." + offset;
    }

    public String header(String name) {
        for (int i = headers.size() - 1; i >= 0; i--) {
            Header header = headers.get(i);
            if (header.key().equals(name)) {
                return header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** The reason's code, e.g. {@code handler-failed}: the part of {@code dead-letter-reason} before its colon. */
    public String reasonCode() {
        String reason = header("dead-letter-reason");
        if (reason == null) {
            return null;
        }
        int colon = reason.indexOf(':');
        return colon > 0 ? reason.substring(0, colon) : reason;
    }

    public String sourceTopic() {
        String topicName = header("dead-letter-topic");
        return topicName != null ? topicName : topic.sourceTopic();
    }

    public Integer sourcePartition() {
        return parseInt(header("dead-letter-partition"));
    }

    public Long sourceOffset() {
        String text = header("dead-letter-offset");
        try {
            return text == null ? null : Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The record as it first arrived on its source topic, without the dead-letter headers: what a re-drive replays. */
    public ConsumerRecord<String, String> original() {
        RecordHeaders original = new RecordHeaders();
        for (Header header : headers) {
            if (!header.key().startsWith("dead-letter-")) {
                original.add(new RecordHeader(header.key(), header.value()));
            }
        }
        Integer sourcePartition = sourcePartition();
        Long sourceOffset = sourceOffset();
        return new ConsumerRecord<>(sourceTopic(), sourcePartition == null ? -1 : sourcePartition,
                sourceOffset == null ? -1 : sourceOffset, deadLetteredAt.toEpochMilli(), TimestampType.CREATE_TIME,
                -1, -1, key, value, original, java.util.Optional.empty());
    }

    static List<Header> copy(Iterable<Header> headers) {
        List<Header> copy = new ArrayList<>();
        headers.forEach(copy::add);
        return List.copyOf(copy);
    }

    private static Integer parseInt(String text) {
        try {
            return text == null ? null : Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
