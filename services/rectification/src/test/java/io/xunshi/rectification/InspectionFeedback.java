package io.xunshi.rectification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.xunshi.contracts.inspection.FeedbackFinding;
import io.xunshi.contracts.inspection.FeedbackGiven;
import io.xunshi.contracts.inspection.FocusArea;
import io.xunshi.contracts.inspection.Severity;
import io.xunshi.kernel.security.Role;
import io.xunshi.rectification.domain.RectificationCase;
import io.xunshi.testing.TestTokens;

/**
 * The inspection service's side of the shared log, for tests: FeedbackGiven (and other) records on
 * {@code xunshi.inspection.events} in CloudEvents binary mode, as its outbox relay writes them.
 */
public final class InspectionFeedback {

    public static final String TOPIC = "xunshi.inspection.events";
    public static final String DEAD_LETTER_TOPIC = "xunshi.inspection.events.rectification-feedback.dlq";
    public static final Duration WAIT = Duration.ofSeconds(60);
    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private InspectionFeedback() {
    }

    /** Feedback on {@code findings} findings of a fresh inspection by {@code jurisdiction}. */
    public static FeedbackGiven feedback(String jurisdiction, String organisationLocation, LocalDate givenOn,
            int findings) {
        String inspectionId = UUID.randomUUID().toString();
        List<FeedbackFinding> list = new ArrayList<>();
        for (int i = 1; i <= findings; i++) {
            list.add(new FeedbackFinding("finding-" + i + "-" + inspectionId, i % 2 == 0 ? FocusArea.ORGANISATIONAL_LINE
                    : FocusArea.GOVERNANCE_RESPONSIBILITY, "问题" + i + "：落实主体责任不到位", Severity.SERIOUS));
        }
        return new FeedbackGiven(inspectionId, "round-" + inspectionId, "plan-" + jurisdiction, jurisdiction,
                "org-" + inspectionId, "受检单位" + organisationLocation, jurisdiction, organisationLocation, "张三",
                givenOn, list);
    }

    public static Map<String, String> headers(UUID id, String cloudEventType, String subject, String jurisdiction) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", id.toString());
        headers.put("ce_type", cloudEventType);
        headers.put("ce_source", "urn:xunshi:inspection");
        headers.put("ce_subject", subject);
        headers.put("ce_time", Instant.now().toString());
        headers.put("ce_jurisdiction", jurisdiction);
        headers.put("ce_aggregatetype", "Inspection");
        headers.put("ce_aggregateversion", "5");
        headers.put("content-type", "application/json");
        return headers;
    }

    public static String json(Object payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One record to publish: key, value, and headers (a null header is left out). */
    public record Record(String key, String value, Map<String, String> headers) {
    }

    /**
     * Publishes records in order with a plain {@link KafkaProducer}, as the inspection service's relay would,
     * and waits until the broker has acknowledged every one.
     */
    public static void send(List<Record> records) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (Record r : records) {
                ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, r.key(), r.value());
                r.headers().forEach((name, text) -> {
                    if (text != null) {
                        record.headers().add(name, text.getBytes(StandardCharsets.UTF_8));
                    }
                });
                sent.add(producer.send(record));
            }
            for (var future : sent) {
                future.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("a record was not acknowledged", e);
        }
    }

    /** A FeedbackGiven record with the given event id, keyed by {@code key}. */
    public static Record record(UUID eventId, String key, FeedbackGiven feedback) {
        return new Record(key, json(feedback), headers(eventId, FeedbackGiven.TYPE + ".v1", feedback.inspectionId(),
                feedback.jurisdiction()));
    }

    /** Publishes a FeedbackGiven with the given event id, keyed by its inspection, and waits for the ack. */
    public static void publish(UUID eventId, FeedbackGiven feedback) {
        send(List.of(record(eventId, feedback.inspectionId(), feedback)));
    }

    /** The case id the feedback opens. */
    public static String caseOf(FeedbackGiven feedback) {
        return RectificationCase.caseIdFor(feedback.inspectionId());
    }

    /** Publishes the feedback and waits until its case can be read; returns the case id. */
    public static String opened(FeedbackGiven feedback) {
        publish(UUID.randomUUID(), feedback);
        String caseId = caseOf(feedback);
        String office = TestTokens.bearer(Role.INSPECTION_OFFICE, feedback.jurisdiction());
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> given().header("Authorization", office)
                .get("/api/v1/rectification-cases/" + caseId).statusCode() == 200);
        return caseId;
    }
}
