package io.xunshi.kernel.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Identifier;
import io.xunshi.kernel.eventstore.EventMetadata;
import io.xunshi.kernel.eventstore.EventStore;
import io.xunshi.kernel.eventstore.ExpectedVersion;
import io.xunshi.kernel.eventstore.NewEvent;
import io.xunshi.kernel.eventstore.StoredEvent;
import io.xunshi.testing.RealInfrastructureResource;

/** The relay's producers against a real broker that creates topics on first use, as the tests' broker does. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class EventLogProducersTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    EventStore store;
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void a_backlog_sent_with_several_requests_in_flight_to_a_topic_created_by_the_first_send_arrives_whole() {
        String topic = "xunshi.test.fresh-" + UUID.randomUUID();
        List<StoredEvent> backlog = backlog(300, 4);

        try (EventLogProducer producer = new EventLogProducers(kafkaConfig, topic, "kernel-test").open()) {
            // As the relay does while behind: hand over the next batch before awaiting the previous one.
            List<EventLogProducer.InFlight> sent = new ArrayList<>();
            for (int from = 0; from < backlog.size(); from += 500) {
                sent.add(producer.send(backlog.subList(from, Math.min(backlog.size(), from + 500))));
            }
            // Well below the two minutes a refused first request would hold the batch back.
            CompletableFuture.runAsync(() -> sent.forEach(EventLogProducer.InFlight::awaitAcknowledged))
                    .orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
        }

        List<ConsumerRecord<String, String>> records = TopicContents.read(kafka, topic);
        assertThat(records).hasSize(backlog.size());
        assertThat(records.stream().map(r -> r.partition()).collect(Collectors.toSet())).hasSize(3);
        for (String stream : backlog.stream().map(StoredEvent::streamId).collect(Collectors.toSet())) {
            assertThat(TopicContents.ofStream(records, stream)).extracting(r -> TopicContents.header(r,
                    "ce_aggregateversion")).containsExactly("1", "2", "3", "4");
        }
    }

    @Test
    void a_topic_that_cannot_exist_is_refused_by_name_and_no_producer_is_handed_out() {
        EventLogProducers producers = new EventLogProducers(kafkaConfig, "no spaces allowed", "kernel-test");

        assertThatThrownBy(producers::open).isInstanceOf(TopicReadiness.TopicNotWritable.class)
                .hasMessageStartingWith("topic no spaces allowed does not take writes on every partition yet");
    }

    @Test
    void only_the_keys_an_admin_client_knows_are_passed_to_it() {
        Map<String, Object> admin = TopicReadiness.adminConfig(Map.of("bootstrap.servers", kafka,
                "request.timeout.ms", 5_000, "linger.ms", 5, "key.serializer", "x"));

        assertThat(admin).containsOnlyKeys("bootstrap.servers", "request.timeout.ms");
    }

    /** {@code streams} new streams of {@code each} events, in the store's global order. */
    private List<StoredEvent> backlog(int streams, int each) {
        List<StoredEvent> all = new ArrayList<>();
        for (int s = 0; s < streams; s++) {
            String stream = "fresh-topic-" + UUID.randomUUID();
            List<NewEvent> events = new ArrayList<>();
            for (int v = 1; v <= each; v++) {
                events.add(new NewEvent(UUID.randomUUID(), "xunshi.test.ProbeWritten", 1,
                        JsonNodeFactory.instance.objectNode().put("n", v), Instant.now(), EventMetadata.none()));
            }
            all.addAll(store.append(stream, "Probe", "110000", ExpectedVersion.NO_STREAM, events).await()
                    .atMost(WAIT).events());
        }
        assertThat(all).hasSize(streams * each);
        return all;
    }
}
