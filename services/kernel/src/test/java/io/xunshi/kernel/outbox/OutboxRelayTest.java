package io.xunshi.kernel.outbox;

import static io.xunshi.kernel.outbox.TopicContents.awaitEvents;
import static io.xunshi.kernel.outbox.TopicContents.header;
import static io.xunshi.kernel.outbox.TopicContents.headers;
import static io.xunshi.kernel.outbox.TopicContents.ofStream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.kernel.eventstore.EventMetadata;
import io.xunshi.kernel.eventstore.EventStore;
import io.xunshi.kernel.eventstore.ExpectedVersion;
import io.xunshi.kernel.eventstore.GlobalPosition;
import io.xunshi.kernel.eventstore.NewEvent;
import io.xunshi.kernel.eventstore.StoredEvent;
import io.xunshi.testing.RealInfrastructureResource;

@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class OutboxRelayTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    EventStore store;
    @Inject
    OutboxRelay relay;
    @Inject
    EventLogProducers producers;
    @Inject
    OutboxConfig config;
    @Inject
    RelayLeases leases;
    @Inject
    MeterRegistry registry;
    @Inject
    ObjectMapper json;
    @Inject
    Tracer tracer;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;
    @ConfigProperty(name = "xunshi.kafka.topic")
    String topic;
    @ConfigProperty(name = "xunshi.service.name")
    String service;

    @AfterEach
    void theApplicationsRelayRunsAgain() {
        relay.start();
    }

    private static NewEvent probe(int n, EventMetadata metadata) {
        return new NewEvent(UUID.randomUUID(), "xunshi.test.ProbeWritten", 1,
                JsonNodeFactory.instance.objectNode().put("n", n).put("text", "检查 " + n), Instant.now(), metadata);
    }

    private List<StoredEvent> append(String streamId, NewEvent... events) {
        return store.append(streamId, "Probe", "110000", ExpectedVersion.ANY, List.of(events)).await().atMost(WAIT)
                .events();
    }

    private static List<UUID> ids(List<StoredEvent> events) {
        return events.stream().map(StoredEvent::eventId).toList();
    }

    private static List<String> versions(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> header(r, "ce_aggregateversion")).toList();
    }

    @Test
    void every_committed_event_reaches_the_topic_as_a_cloud_event_keyed_by_its_stream() throws Exception {
        String stream = "relay-" + UUID.randomUUID();
        List<StoredEvent> stored = append(stream, probe(1, new EventMetadata("corr-7", "cause-3", "inspector-2")),
                probe(2, EventMetadata.none()));

        List<ConsumerRecord<String, String>> records = ofStream(awaitEvents(kafka, topic, ids(stored)), stream);

        assertThat(records).hasSize(2);
        StoredEvent first = stored.get(0);
        ConsumerRecord<String, String> record = records.get(0);
        assertThat(record.key()).isEqualTo(stream);
        assertThat(json.readTree(record.value())).isEqualTo(first.payload());
        assertThat(headers(record)).containsExactly(
                entry("ce_specversion", "1.0"),
                entry("ce_id", first.eventId().toString()),
                entry("ce_source", "urn:xunshi:" + service),
                entry("ce_type", "xunshi.test.ProbeWritten.v1"),
                entry("ce_subject", stream),
                entry("ce_time", first.occurredAt().toString()),
                entry("content-type", "application/json"),
                entry("ce_jurisdiction", "110000"),
                entry("ce_aggregatetype", "Probe"),
                entry("ce_aggregateversion", "1"),
                entry("ce_globalposition", first.position().toString()),
                entry("ce_correlationid", "corr-7"),
                entry("ce_causationid", "cause-3"),
                entry("ce_chainhash", HexFormat.of().formatHex(first.hash())));
        assertThat(headers(records.get(1))).doesNotContainKeys("ce_correlationid", "ce_causationid")
                .containsEntry("ce_aggregateversion", "2");
        JsonNode second = json.readTree(records.get(1).value());
        assertThat(second.get("text").asText()).isEqualTo("检查 2");
        assertThat(registry.get("xunshi.outbox.published").counter().count()).isGreaterThanOrEqualTo(2);
        assertThat(registry.get("xunshi.outbox.batch.publish").timer().count()).isPositive();
        assertThat(registry.get("xunshi.outbox.lag").gauge().value()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void an_event_appended_within_a_span_is_published_with_its_trace_context_and_one_outside_any_without() {
        String traced = "relay-traced-" + UUID.randomUUID();
        Span span = tracer.spanBuilder("command").startSpan();
        List<StoredEvent> inSpan;
        try (Scope ignored = span.makeCurrent()) {
            inSpan = append(traced, probe(1, EventMetadata.none()), probe(2, EventMetadata.none()));
        } finally {
            span.end();
        }
        String untraced = "relay-untraced-" + UUID.randomUUID();
        List<StoredEvent> outside = append(untraced, probe(1, EventMetadata.none()));

        List<ConsumerRecord<String, String>> records = awaitEvents(kafka, topic,
                java.util.stream.Stream.concat(ids(inSpan).stream(), ids(outside).stream()).toList());

        String traceparent = "00-" + span.getSpanContext().getTraceId() + "-" + span.getSpanContext().getSpanId()
                + "-" + span.getSpanContext().getTraceFlags().asHex();
        assertThat(ofStream(records, traced)).hasSize(2)
                .allSatisfy(r -> assertThat(header(r, "ce_traceparent")).isEqualTo(traceparent));
        assertThat(headers(ofStream(records, untraced).get(0))).doesNotContainKeys("ce_traceparent", "ce_tracestate");
        // No OTLP endpoint is configured here: the span has its ids but is sampled out, so nothing is exported.
        assertThat(span.getSpanContext().isValid()).isTrue();
        assertThat(span.getSpanContext().isSampled()).isFalse();
    }

    @Test
    void an_event_whose_transaction_rolled_back_is_never_published() {
        String abandoned = "relay-abandoned-" + UUID.randomUUID();
        assertThatThrownBy(() -> store.pool().withTransaction(conn -> store.append(conn, abandoned, "Probe", "110000",
                ExpectedVersion.NO_STREAM, List.of(probe(1, EventMetadata.none())))
                .chain(() -> Uni.createFrom()
                        .failure(new IllegalStateException("the command failed after the append"))))
                .await().atMost(WAIT)).hasMessageContaining("the command failed");
        String later = "relay-later-" + UUID.randomUUID();
        List<StoredEvent> committed = append(later, probe(1, EventMetadata.none()));

        List<ConsumerRecord<String, String>> records = awaitEvents(kafka, topic, ids(committed));

        assertThat(ofStream(records, abandoned)).isEmpty();
        assertThat(store.readStream(abandoned).await().atMost(WAIT)).isEmpty();
    }

    @Test
    void events_committed_while_no_relay_ran_are_published_once_a_relay_starts() {
        relay.stop();
        String stream = "relay-offline-" + UUID.randomUUID();
        List<StoredEvent> stored = append(stream, probe(1, EventMetadata.none()), probe(2, EventMetadata.none()),
                probe(3, EventMetadata.none()));
        assertThat(ofStream(TopicContents.read(kafka, topic), stream)).isEmpty();

        relay.start();

        assertThat(versions(ofStream(awaitEvents(kafka, topic, ids(stored)), stream)))
                .containsExactly("1", "2", "3");
    }

    @Test
    void a_relay_that_died_after_publishing_but_before_its_checkpoint_publishes_again_and_loses_nothing() {
        relay.stop();
        String stream = "relay-crashed-" + UUID.randomUUID();
        List<StoredEvent> stored = append(stream, probe(1, EventMetadata.none()), probe(2, EventMetadata.none()));
        List<StoredEvent> pending = store.readAll(RelayCheckpoint.load(store.pool()), 10_000).await().atMost(WAIT);
        assertThat(ids(pending)).containsAll(ids(stored));
        try (EventLogProducer dying = producers.open()) {
            dying.publishAll(pending);
        }
        String after = "relay-after-crash-" + UUID.randomUUID();
        List<StoredEvent> next = append(after, probe(1, EventMetadata.none()));

        relay.start();

        List<ConsumerRecord<String, String>> records = awaitEvents(kafka, topic, ids(next));
        assertThat(versions(ofStream(records, stream))).containsExactly("1", "2", "1", "2");
        assertThat(versions(ofStream(records, after))).containsExactly("1");
    }

    @Test
    void only_the_relay_holding_the_services_lock_publishes_and_another_takes_over_when_it_stops() {
        await().atMost(WAIT).until(relay::isLeading);
        assertThat(store.pool().preparedQuery("SELECT count(*) AS n FROM pg_locks l JOIN pg_stat_activity a"
                + " USING (pid) WHERE l.locktype = 'advisory' AND l.granted AND a.application_name = $1")
                .execute(Tuple.of("xunshi-" + service + "-outbox-relay")).await().atMost(WAIT).iterator().next()
                .getLong("n")).isEqualTo(1L);
        OutboxRelay standby = new OutboxRelay(store, producers, config, leases, registry);
        standby.start();
        try {
            assertThat(leases.tryTake()).isEmpty();
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> !standby.isLeading());

            relay.stop();

            await().atMost(WAIT).until(standby::isLeading);
            String stream = "relay-standby-" + UUID.randomUUID();
            List<StoredEvent> stored = append(stream, probe(1, EventMetadata.none()));
            assertThat(ofStream(awaitEvents(kafka, topic, ids(stored)), stream)).hasSize(1);
        } finally {
            standby.stop();
        }
    }

    @Test
    void the_checkpoint_only_moves_forward() {
        relay.stop();
        GlobalPosition reached = RelayCheckpoint.load(store.pool());
        RelayCheckpoint.save(store.pool(), GlobalPosition.START);

        assertThat(RelayCheckpoint.load(store.pool())).isEqualTo(reached);
        assertThat(store.pool().preparedQuery("SELECT count(*) AS n FROM checkpoints WHERE name = $1")
                .execute(Tuple.of(RelayCheckpoint.NAME)).await().atMost(WAIT).iterator().next().getLong("n"))
                .isEqualTo(1L);
    }
}
