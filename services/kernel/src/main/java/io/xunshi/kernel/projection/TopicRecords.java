package io.xunshi.kernel.projection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.xunshi.kernel.consumer.CloudEventDecoder;
import io.xunshi.kernel.consumer.IncomingEvent;
import io.xunshi.kernel.consumer.Undeliverable;

/**
 * Turns records of a {@link TopicProjection}'s topic into applied events, the same way for the live feed
 * and for a rebuild, so that both produce the same rows.
 */
final class TopicRecords {

    private static final Logger LOG = Logger.getLogger(TopicRecords.class);

    private final TopicProjection projection;
    private final CloudEventDecoder decoder;
    private final MeterRegistry metrics;

    TopicRecords(TopicProjection projection, CloudEventDecoder decoder, MeterRegistry metrics) {
        this.projection = projection;
        this.decoder = decoder;
        this.metrics = metrics;
    }

    /** A record the projection will pass over, and why: {@code <reason code>: <detail>}. */
    record Unusable(ConsumerRecord<String, String> record, String reason) {
    }

    /**
     * The records of {@code records} that {@link #apply} will pass over, with their reasons, without counting
     * or logging them: the live feed dead-letters these before it applies the batch.
     */
    List<Unusable> unusable(List<ConsumerRecord<String, String>> records) {
        List<Unusable> unusable = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            IncomingEvent event;
            try {
                event = decoder.decode(record);
            } catch (Undeliverable undeliverable) {
                unusable.add(new Unusable(record, undeliverable.getMessage()));
                continue;
            }
            if (projection.eventTypes().contains(event.type())) {
                projection.unusable(event).ifPresent(why -> unusable.add(new Unusable(record,
                        "unusable: " + event.type() + " " + event.id() + " " + why)));
            }
        }
        return unusable;
    }

    /** Applies the records in order, on {@code conn}; the next offset to read of each partition they came from. */
    Uni<Map<Integer, Long>> apply(SqlConnection conn, List<ConsumerRecord<String, String>> records) {
        Map<Integer, Long> next = new HashMap<>();
        List<IncomingEvent> wanted = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            next.put(record.partition(), record.offset() + 1);
            IncomingEvent event = decodeOrSkip(record);
            if (event != null && projection.eventTypes().contains(event.type())) {
                Optional<String> unusable = projection.unusable(event);
                if (unusable.isPresent()) {
                    skip(record, "unusable", event.type() + " " + event.id() + " " + unusable.get());
                } else {
                    wanted.add(event);
                }
            }
        }
        Uni<Void> applied = wanted.isEmpty() ? Uni.createFrom().voidItem() : projection.applyAll(conn, wanted);
        return applied.replaceWith(next);
    }

    /**
     * A record that cannot be decoded, or whose event the projection cannot use, is skipped, not retried, and counted: it could never be applied, and
     * skipping it the same way in a rebuild keeps the rebuilt rows equal to the live ones.
     */
    private IncomingEvent decodeOrSkip(ConsumerRecord<String, String> record) {
        try {
            return decoder.decode(record);
        } catch (Undeliverable undeliverable) {
            skip(record, undeliverable.reason().code(), undeliverable.getMessage());
            return null;
        }
    }

    private void skip(ConsumerRecord<String, String> record, String reason, String why) {
        LOG.warnf("projection %s skips %s-%d@%d: %s", projection.name(), record.topic(), record.partition(),
                record.offset(), why);
        Counter.builder("xunshi.projection.skipped")
                .description("Records a projection fed from Kafka skipped: not decodable, or not usable by it")
                .tag("projection", projection.name()).tag("reason", reason)
                .register(metrics).increment();
    }
}
