package io.xunshi.kernel.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import io.xunshi.kernel.eventstore.EncodedEvent;
import io.xunshi.kernel.eventstore.GlobalPosition;
import io.xunshi.kernel.eventstore.StoredEvent;

/**
 * Publishes batches of stored events to the service's topic as CloudEvents, keyed by stream id: either
 * returning once the broker has acknowledged every record ({@link #publishAll}), or handing a batch over and
 * leaving the wait for its acknowledgements to later ({@link #send}), so that the relay reads the next batch
 * meanwhile. Not thread-safe: one relay thread owns it.
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
        InFlight sent = send(events);
        producer.flush();
        sent.awaitAcknowledged();
    }

    /**
     * Hands the events to the producer in the given order and returns at once; the producer sends them
     * within its linger time. The idempotent producer keeps them in order per partition, also behind
     * batches sent earlier and not yet acknowledged.
     */
    public InFlight send(List<StoredEvent> events) {
        return sendEncoded(events.stream().map(EncodedEvent::of).toList());
    }

    /** As {@link #send}, for events read encoded ({@link io.xunshi.kernel.eventstore.EventStore#readAllEncoded}). */
    public InFlight sendEncoded(List<EncodedEvent> events) {
        long sentAt = System.nanoTime();
        List<Future<RecordMetadata>> acks = new ArrayList<>(events.size());
        for (EncodedEvent event : events) {
            acks.add(producer.send(new ProducerRecord<>(topic, null, event.streamId(), event.payloadJson(),
                    CloudEventHeaders.kafkaHeaders(event, source))));
        }
        return new InFlight(acks, events.get(events.size() - 1).position(), sentAt);
    }

    /** Sends whatever the producer holds without waiting for its linger time; returns once all is acknowledged. */
    public void flush() {
        producer.flush();
    }

    /** A batch handed to the producer whose acknowledgements are still to be awaited. */
    public static final class InFlight {

        private final List<Future<RecordMetadata>> acks;
        private final GlobalPosition last;
        private final long sentAt;

        InFlight(List<Future<RecordMetadata>> acks, GlobalPosition last, long sentAt) {
            this.acks = acks;
            this.last = last;
            this.sentAt = sentAt;
        }

        /** The global position of the batch's last event: the checkpoint once it is acknowledged. */
        public GlobalPosition last() {
            return last;
        }

        public int size() {
            return acks.size();
        }

        /** Nanoseconds from sending the batch until now. */
        public long nanosSinceSent() {
            return System.nanoTime() - sentAt;
        }

        /**
         * Waits until Kafka has acknowledged every record of the batch.
         *
         * @throws PublishFailed if any record was not acknowledged
         */
        public void awaitAcknowledged() {
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
