package io.xunshi.kernel.projection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.xunshi.kernel.consumer.CloudEventDecoder;
import io.xunshi.kernel.consumer.ContractRecords;
import io.xunshi.kernel.consumer.DeadLetterReason;
import io.xunshi.kernel.consumer.Delivered;
import io.xunshi.kernel.consumer.IncomingEvent;
import io.xunshi.kernel.consumer.Undeliverable;
import io.xunshi.kernel.eventstore.Upcasters;

/**
 * Turns records of a {@link TopicProjection}'s topic into applied events, the same way for the live feed
 * and for a rebuild, so that both produce the same rows. Each record is decoded once ({@link #read}): the
 * live feed dead-letters what the result passes over, then applies the same result.
 */
final class TopicRecords {

    private static final Logger LOG = Logger.getLogger(TopicRecords.class);

    private final TopicProjection projection;
    private final CloudEventDecoder decoder;
    private final ContractRecords contracts;
    private final MeterRegistry metrics;

    TopicRecords(TopicProjection projection, CloudEventDecoder decoder, ObjectMapper json, Upcasters upcasters,
            MeterRegistry metrics) {
        this.projection = projection;
        this.decoder = decoder;
        this.contracts = new ContractRecords(json, upcasters, projection.events());
        this.metrics = metrics;
    }

    /** A record the projection will pass over, and why: {@code <reason code>: <detail>}. */
    record Unusable(ConsumerRecord<String, String> record, String reason) {
    }

    /**
     * One record read: the event to apply, or why it is passed over ({@code code} and {@code why}), or
     * neither for a type the projection does not read.
     */
    record Read(ConsumerRecord<String, String> record, Delivered<?> wanted, String code, String why) {

        boolean skipped() {
            return code != null;
        }
    }

    /** Decodes each record once. */
    List<Read> read(List<ConsumerRecord<String, String>> records) {
        List<Read> read = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            read.add(read(record));
        }
        return read;
    }

    private Read read(ConsumerRecord<String, String> record) {
        IncomingEvent event;
        try {
            event = decoder.decode(record);
        } catch (Undeliverable undeliverable) {
            return new Read(record, null, undeliverable.reason().code(), undeliverable.getMessage());
        }
        if (!contracts.reads(event.type())) {
            return new Read(record, null, null, null);
        }
        Delivered<?> delivered;
        try {
            delivered = new Delivered<>(event, contracts.read(event));
        } catch (Undeliverable undeliverable) {
            String code = undeliverable.reason() == DeadLetterReason.INVALID_PAYLOAD
                    ? "unusable"
                    : undeliverable.reason().code();
            String detail = undeliverable.getMessage().substring(undeliverable.reason().code().length() + 2);
            return new Read(record, null, code, code + ": " + event.type() + " " + event.id() + " " + detail);
        }
        Optional<String> unusable = projection.unusable(delivered);
        if (unusable.isPresent()) {
            return new Read(record, null, "unusable", "unusable: " + event.type() + " " + event.id() + " "
                    + unusable.get());
        }
        return new Read(record, delivered, null, null);
    }

    /** The records of {@code read} that {@link #apply} passes over, with their reasons; nothing is counted. */
    static List<Unusable> unusable(List<Read> read) {
        return read.stream().filter(Read::skipped).map(r -> new Unusable(r.record(), r.why())).toList();
    }

    /** Reads and applies the records in order (a rebuild); see {@link #apply(SqlConnection, List)}. */
    Uni<Map<Integer, Long>> applyRecords(SqlConnection conn, List<ConsumerRecord<String, String>> records) {
        return apply(conn, read(records));
    }

    /**
     * Applies the records read, in order, on {@code conn}; the next offset to read of each partition they came
     * from. A record that cannot be decoded, or whose event the projection cannot use, is skipped, not retried,
     * and counted: it could never be applied, and skipping it the same way in a rebuild keeps the rebuilt rows
     * equal to the live ones.
     */
    Uni<Map<Integer, Long>> apply(SqlConnection conn, List<Read> read) {
        Map<Integer, Long> next = new HashMap<>();
        List<Delivered<?>> wanted = new ArrayList<>(read.size());
        for (Read r : read) {
            next.put(r.record().partition(), r.record().offset() + 1);
            if (r.skipped()) {
                skip(r.record(), r.code(), r.why());
            } else if (r.wanted() != null) {
                wanted.add(r.wanted());
            }
        }
        Uni<Void> applied = wanted.isEmpty() ? Uni.createFrom().voidItem() : projection.applyAll(conn, wanted);
        return applied.replaceWith(next);
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
