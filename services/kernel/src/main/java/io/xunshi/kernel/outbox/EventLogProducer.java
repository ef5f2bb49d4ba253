package io.xunshi.kernel.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import io.xunshi.kernel.eventstore.StoredEvent;

/**
 * Publishes batches of stored events to the service's topic as CloudEvents, keyed by stream id, and
 * returns only once the broker has acknowledged every record of the batch. Not thread-safe: one relay
 * thread owns it.
 */
public class EventLogProducer implements AutoCloseable {

    private final Producer<String, String> producer;
    private final String topic;
    private final String source;

    EventLogProducer(Producer<String, String> producer, String topic, String source) {
        this.producer = producer;
        this.topic = topic;
        this.source = source;
    }

    /**
     * Sends the events in the given order and waits for all acknowledgements.
     *
     * @throws PublishFailed if any record was not acknowledged; some others may have been, so the
     *     caller publishes the whole batch again (at least once)
     */
    public void publishAll(List<StoredEvent> events) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(events.size());
        for (StoredEvent event : events) {
            acks.add(producer.send(new ProducerRecord<>(topic, null, event.streamId(), event.payload().toString(),
                    CloudEventHeaders.kafkaHeaders(event, source))));
        }
        producer.flush();
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get();
            } catch (ExecutionException e) {
                throw new PublishFailed(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PublishFailed(e);
            }
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }

    /** A batch that Kafka did not fully acknowledge. */
    public static final class PublishFailed extends RuntimeException {
        PublishFailed(Throwable cause) {
            super("Kafka did not acknowledge every record of the batch", cause);
        }
    }
}
