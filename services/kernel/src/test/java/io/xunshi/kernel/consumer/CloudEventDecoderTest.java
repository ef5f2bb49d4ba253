package io.xunshi.kernel.consumer;

import static io.xunshi.testing.CloudEventsOnKafka.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.xunshi.testing.CloudEventsOnKafka;

class CloudEventDecoderTest {

    private final CloudEventDecoder decoder = new CloudEventDecoder(new ObjectMapper());

    @Test
    void it_reads_the_attributes_the_versioned_type_the_extensions_and_the_json_value() {
        UUID id = UUID.randomUUID();
        CloudEventsOnKafka.Event sent = event("xunshi.inspection.FindingRecorded.v2", "finding-7").id(id)
                .source("/xunshi/kernel-test").jurisdiction("110000").time(Instant.parse("2026-01-15T08:00:00Z"))
                .version(3).correlationId("request-42").without("ce_aggregatetype").without("ce_globalposition")
                .key("key-7").json("{\"severity\":\"major\"}");

        IncomingEvent event = decoder.decode(record(sent));

        assertThat(event.id()).isEqualTo(id.toString());
        assertThat(event.type()).isEqualTo("xunshi.inspection.FindingRecorded");
        assertThat(event.typeVersion()).isEqualTo(2);
        assertThat(event.cloudEventType()).isEqualTo("xunshi.inspection.FindingRecorded.v2");
        assertThat(event.subject()).isEqualTo("finding-7");
        assertThat(event.source()).isEqualTo("/xunshi/kernel-test");
        assertThat(event.jurisdiction()).isEqualTo("110000");
        assertThat(event.time()).isEqualTo(Instant.parse("2026-01-15T08:00:00Z"));
        assertThat(event.payload().path("severity").asText()).isEqualTo("major");
        assertThat(event.extensions()).containsOnly(Map.entry("aggregateversion", "3"),
                Map.entry("correlationid", "request-42"));
    }

    @Test
    void without_a_subject_the_record_key_names_the_stream() {
        CloudEventsOnKafka.Event sent = event("xunshi.test.Probed.v1", null).key("stream-9");

        assertThat(decoder.decode(record(sent)).subject()).isEqualTo("stream-9");
    }

    @Test
    void a_type_without_its_version_is_a_malformed_header() {
        assertThatThrownBy(() -> decoder.decode(record(event("xunshi.test.Probed", "k"))))
                .isInstanceOfSatisfying(Undeliverable.class,
                        u -> assertThat(u.reason()).isEqualTo(DeadLetterReason.MALFORMED_HEADER));
    }

    @Test
    void an_id_is_any_non_empty_string_a_publisher_chose() {
        for (String id : List.of("42", "GD-2024/巡视-0001", "urn:agency:440000:event:7", "x".repeat(256))) {
            assertThat(decoder.decode(record(event("xunshi.test.Probed.v1", "k").header("ce_id", id))).id())
                    .isEqualTo(id);
        }
    }

    @Test
    void an_id_that_is_empty_too_long_or_holds_a_control_character_is_refused() {
        assertThatThrownBy(() -> decoder.decode(record(event("xunshi.test.Probed.v1", "k").header("ce_id", ""))))
                .isInstanceOfSatisfying(Undeliverable.class,
                        u -> assertThat(u.reason()).isEqualTo(DeadLetterReason.MISSING_HEADER));
        assertThatThrownBy(() -> decoder.decode(record(event("xunshi.test.Probed.v1", "k")
                .header("ce_id", "x".repeat(257)))))
                .isInstanceOfSatisfying(Undeliverable.class, u -> assertThat(u.getMessage())
                        .startsWith("malformed-header: ce_id is longer than 256 characters"));
        assertThatThrownBy(() -> decoder.decode(record(event("xunshi.test.Probed.v1", "k")
                .header("ce_id", "line\nbreak"))))
                .isInstanceOfSatisfying(Undeliverable.class, u -> assertThat(u.getMessage())
                        .isEqualTo("malformed-header: ce_id holds a control character: line?break"));
    }

    private static ConsumerRecord<String, String> record(CloudEventsOnKafka.Event sent) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("xunshi.test.events", 0, 0L, sent.key(),
                sent.value());
        sent.kafkaHeaders().forEach(record.headers()::add);
        return record;
    }
}
