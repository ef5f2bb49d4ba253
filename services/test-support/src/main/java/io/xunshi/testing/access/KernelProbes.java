package io.xunshi.testing.access;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.RecordMetadata;

import io.restassured.http.ContentType;
import io.xunshi.testing.CloudEventsOnKafka;

/**
 * Probes for the operations every service serves from the kernel: its dead letters, its read models and the
 * tamper verification of its store. A service's matrix fixture adds them with the dead-letter topic of one of
 * its consumers (or topic projections).
 *
 * <p>The dead letter the probes address is seeded as the consumer's dead-letter strategy would write it: the
 * original CloudEvent (of a type the consumer passes over, so that a re-drive of it succeeds without effect)
 * for Zhejiang (330000), with the {@code dead-letter-*} headers, on the dead-letter topic.
 */
public final class KernelProbes {

    static final String ZHEJIANG = "330000";
    static final String CENTRE = "000000";

    private final String consumer;
    private final String deadLetterTopic;
    private final String sourceTopic;
    private final String passedOverType;
    private String letter;

    private KernelProbes(String consumer, String deadLetterTopic, String sourceTopic, String passedOverType) {
        this.consumer = consumer;
        this.deadLetterTopic = deadLetterTopic;
        this.sourceTopic = sourceTopic;
        this.passedOverType = passedOverType;
    }

    /**
     * The kernel's probes, by operation id, for a service whose consumer {@code consumer} reads
     * {@code sourceTopic} and dead-letters to {@code sourceTopic.consumer.dlq}; {@code passedOverType} is a
     * {@code ce_type} of that topic the consumer passes over.
     */
    public static Map<String, List<Probe>> of(String consumer, String sourceTopic, String passedOverType) {
        KernelProbes kernel = new KernelProbes(consumer, sourceTopic + "." + consumer + ".dlq", sourceTopic,
                passedOverType);
        return kernel.probes();
    }

    private synchronized String letter() {
        if (letter == null) {
            String subject = "matrix-" + UUID.randomUUID();
            CloudEventsOnKafka.Event event = CloudEventsOnKafka.event(passedOverType, subject).jurisdiction(ZHEJIANG)
                    .json("{}")
                    .header("dead-letter-reason", "handler-failed: seeded by the access matrix")
                    .header("dead-letter-topic", sourceTopic)
                    .header("dead-letter-partition", "0")
                    .header("dead-letter-offset", "0");
            try (CloudEventsOnKafka kafka = new CloudEventsOnKafka()) {
                RecordMetadata sent = CloudEventsOnKafka.acknowledged(kafka.send(deadLetterTopic, event));
                letter = consumer + "." + sent.partition() + "." + sent.offset();
            }
        }
        return letter;
    }

    private Map<String, List<Probe>> probes() {
        return Map.of(
                "listDeadLetters", List.of(Probe.list(ZHEJIANG, "/api/v1/dead-letters", Map.of("consumer", consumer),
                        "id", this::letter).described("a dead letter of a Zhejiang event, in the caller's own list")),
                "getDeadLetter", List.of(Probe.resource(ZHEJIANG,
                        (r, home) -> r.get().get("/api/v1/dead-letters/" + letter()))
                        .described("a dead letter of a Zhejiang event")),
                "redriveDeadLetter", List.of(Probe.resource(ZHEJIANG,
                        (r, home) -> r.get().post("/api/v1/dead-letters/" + letter() + "/redrive"))
                        .described("a dead letter of a Zhejiang event (re-driven once; then 409)")),
                "redriveDeadLetters", List.of(Probe.open(ZHEJIANG,
                        (r, home) -> r.get().queryParam("consumer", consumer).post("/api/v1/dead-letters/redrive"))
                        .described("the caller's own letters of one consumer")),
                "summariseDeadLetters", List.of(Probe.open(ZHEJIANG,
                        (r, home) -> r.get().get("/api/v1/dead-letters/summary"))
                        .described("counts of the caller's own letters")),
                "listProjections", List.of(Probe.open(ZHEJIANG, (r, home) -> r.get().get("/api/v1/projections"))
                        .described("the service's read models")),
                "rebuildProjection", List.of(Probe.create(CENTRE, (r, home) -> {
                    String first = r.get().get("/api/v1/projections").jsonPath().getString("[0].name");
                    return r.get().contentType(ContentType.JSON)
                            .post("/api/v1/projections/" + (first == null ? "none" : first) + "/rebuild");
                }).described("a read model, which spans every jurisdiction: the Centre's")),
                "verifyEventStore", List.of(Probe.open(ZHEJIANG,
                        (r, home) -> r.get().get("/api/v1/audit/verification"))
                        .described("the caller's subtree of the whole store")));
    }
}
