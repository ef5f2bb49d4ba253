package io.xunshi.kernel.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Sends records to this service's topic on the shared log ({@code xunshi.<service>.events}), keyed so
 * that every record of one aggregate lands on one partition, in order. The producer is idempotent with
 * {@code acks=all}; the returned {@link Uni} completes once the broker has acknowledged the record.
 */
@ApplicationScoped
public class EventLogPublisher {

    private final MutinyEmitter<String> emitter;

    @Inject
    public EventLogPublisher(@Channel("event-log") MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> publish(String key, String value, Map<String, String> headers) {
        RecordHeaders kafkaHeaders = new RecordHeaders();
        headers.forEach((name, text) -> kafkaHeaders.add(name, text.getBytes(StandardCharsets.UTF_8)));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(key)
                .withHeaders(kafkaHeaders)
                .build();
        return emitter.sendMessage(Message.of(value).addMetadata(metadata));
    }
}
