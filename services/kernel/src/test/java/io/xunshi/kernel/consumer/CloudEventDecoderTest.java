package io.xunshi.kernel.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.xunshi.kernel.CloudEventsOnKafka;

class CloudEventDecoderTest {

    private final CloudEventDecoder decoder = new CloudEventDecoder(new ObjectMapper());

    @Test
    void it_reads_the_attributes_the_versioned_type_the_extensions_and_the_json_value() {
        UUID id = UUID.randomUUID();
        Map<String, String> headers = new LinkedHashMap<>(
                CloudEventsOnKafka.headers(id, "xunshi.inspection.FindingRecorded.v2", "finding-7"));
        headers.put("ce_aggregateversion", "3");
        headers.put("ce_correlationid", "request-42");

        IncomingEvent event = decoder.decode(record("key-7", "{\"severity\":\"major\"}", headers));

        assertThat(event.id()).isEqualTo(id);
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
        Map<String, String> headers = CloudEventsOnKafka.headers(UUID.randomUUID(), "xunshi.test.Probed.v1", null);

        assertThat(decoder.decode(record("stream-9", "{}", headers)).subject()).isEqualTo("stream-9");
    }

    @Test
    void a_type_without_its_version_or_an_id_that_is_no_uuid_is_a_malformed_header() {
        assertThatThrownBy(() -> decoder.decode(record("k", "{}",
                CloudEventsOnKafka.headers(UUID.randomUUID(), "xunshi.test.Probed", "k"))))
                .isInstanceOfSatisfying(Undeliverable.class,
                        u -> assertThat(u.reason()).isEqualTo(DeadLetterReason.MALFORMED_HEADER));
        Map<String, String> headers = new LinkedHashMap<>(
                CloudEventsOnKafka.headers(UUID.randomUUID(), "xunshi.test.Probed.v1", "k"));
        headers.put("ce_id", "42");
        assertThatThrownBy(() -> decoder.decode(record("k", "{}", headers)))
                .isInstanceOfSatisfying(Undeliverable.class,
                        u -> assertThat(u.getMessage()).isEqualTo("malformed-header: ce_id is not a UUID: 42"));
    }

    private static ConsumerRecord<String, String> record(String key, String value, Map<String, String> headers) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("xunshi.test.events", 0, 0L, key, value);
        headers.forEach((name, text) -> {
            if (text != null) {
                record.headers().add(name, text.getBytes(StandardCharsets.UTF_8));
            }
        });
        return record;
    }
}
