package io.xunshi.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Another service's side of the shared log, for tests: a plain {@link KafkaProducer} that sends records in
 * CloudEvents binary mode with the headers that service's outbox relay writes
 * ({@code io.xunshi.kernel.outbox.CloudEventHeaders}).
 *
 * <pre>{@code
 * try (CloudEventsOnKafka kafka = new CloudEventsOnKafka()) {
 *     kafka.send(TOPIC, CloudEventsOnKafka.event("xunshi.inspection.FeedbackGiven.v1", inspectionId)
 *             .jurisdiction("330000").version(5).data(feedback));
 * } // every record sent is acknowledged by the broker once this returns
 * }</pre>
 */
public final class CloudEventsOnKafka implements AutoCloseable {

    /** Serialises payloads as the services do: java.time values as ISO-8601 strings. */
    public static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private static final long ACK_TIMEOUT_SECONDS = 30;
    private static final AtomicLong POSITIONS = new AtomicLong();

    private final KafkaProducer<String, String> producer;
    private final List<Future<RecordMetadata>> sent = new ArrayList<>();

    /** A producer to the Kafka the test's configuration names ({@code kafka.bootstrap.servers}). */
    public CloudEventsOnKafka() {
        this(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    public CloudEventsOnKafka(String bootstrapServers) {
        this(bootstrapServers, TestInfrastructure.outsiderKafkaConfig());
    }

    /**
     * A producer that authenticates as the Kafka principal of {@code owner} (a service, or a partner such as
     * {@code discipline}), held to that principal's ACLs: for tests that play the partner writing its own topic.
     */
    public static CloudEventsOnKafka as(String owner) {
        return new CloudEventsOnKafka(TestInfrastructure.kafkaBootstrapServers(),
                new java.util.HashMap<>(TestInfrastructure.kafkaCredentials(owner)));
    }

    private CloudEventsOnKafka(String bootstrapServers, Map<String, ?> security) {
        Properties props = new Properties();
        props.putAll(security);
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        // Tests often send to a topic their first record creates. With one request in flight, a first request
        // refused while the new partition's leader is not yet hosting it is retried before anything follows it;
        // with several, the next could be appended first and the refused one be refused for good (KAFKA-15591).
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /** An event of {@code type} (e.g. {@code xunshi.planning.RoundLaunched.v1}) about {@code subject}. */
    public static Event event(String type, String subject) {
        return new Event(type, subject);
    }

    /** Sends, in order, on one producer, and waits until the broker has acknowledged every record. */
    public static void publish(String topic, Event... events) {
        publish(topic, Arrays.asList(events));
    }

    public static void publish(String topic, List<Event> events) {
        try (CloudEventsOnKafka kafka = new CloudEventsOnKafka()) {
            events.forEach(event -> kafka.send(topic, event));
        }
    }

    /** Sends one record without waiting; records of one key keep their order. */
    public Future<RecordMetadata> send(String topic, Event event) {
        Future<RecordMetadata> future = producer.send(event.record(topic));
        sent.add(future);
        return future;
    }

    /** Sends one record and waits for the broker's acknowledgement. */
    public RecordMetadata sendAndWait(String topic, Event event) {
        return acknowledged(send(topic, event));
    }

    /** Waits for the broker's acknowledgement of a record sent. */
    public static RecordMetadata acknowledged(Future<RecordMetadata> sent) {
        try {
            return sent.get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("a record was not acknowledged", e);
        }
    }

    /** Waits until every record sent is acknowledged (fails if one is not), then closes the producer. */
    @Override
    public void close() {
        try {
            producer.flush();
            sent.forEach(CloudEventsOnKafka::acknowledged);
        } finally {
            producer.close();
        }
    }

    /** Serialises a payload with {@link #JSON}. */
    public static String json(Object payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One record as a relay writes it. Every header has a default: a random id, now, the source
     * {@code urn:xunshi:<service>} from the type, jurisdiction {@code 000000}, aggregate version 1, and the
     * next global position of this JVM; the record key is the subject and the value {@code {}}. A header can
     * be left out ({@link #without}) or given any value, valid or not ({@link #header}).
     */
    public static final class Event {

        private final String type;
        private final String subject;
        private String key;
        private String data = "{}";
        private UUID id = UUID.randomUUID();
        private String source;
        private Instant time = Instant.now();
        private String jurisdiction = "000000";
        private String aggregateType = "Test";
        private int version = 1;
        private final String globalPosition = "1:" + POSITIONS.incrementAndGet();
        private String correlationId;
        private String causationId;
        private final Map<String, String> overrides = new HashMap<>();
        private final Set<String> omitted = new HashSet<>();

        private Event(String type, String subject) {
            this.type = type;
            this.subject = subject;
            this.key = subject;
        }

        public Event id(UUID id) {
            this.id = id;
            return this;
        }

        public Event source(String source) {
            this.source = source;
            return this;
        }

        public Event time(Instant time) {
            this.time = time;
            return this;
        }

        public Event jurisdiction(String jurisdiction) {
            this.jurisdiction = jurisdiction;
            return this;
        }

        public Event aggregateType(String aggregateType) {
            this.aggregateType = aggregateType;
            return this;
        }

        /** The aggregate's version after this event ({@code ce_aggregateversion}). */
        public Event version(int version) {
            this.version = version;
            return this;
        }

        public Event correlationId(String correlationId) {
            this.correlationId = correlationId;
            return this;
        }

        public Event causationId(String causationId) {
            this.causationId = causationId;
            return this;
        }

        /** The record key, when it is not the subject. */
        public Event key(String key) {
            this.key = key;
            return this;
        }

        /** The record value as given, JSON or not. */
        public Event json(String value) {
            this.data = value;
            return this;
        }

        /** The record value: {@code payload} serialised with {@link CloudEventsOnKafka#JSON}. */
        public Event data(Object payload) {
            return json(CloudEventsOnKafka.json(payload));
        }

        /** Sends {@code name} with exactly this value, e.g. a malformed one. */
        public Event header(String name, String value) {
            omitted.remove(name);
            overrides.put(name, value);
            return this;
        }

        /** Leaves the header {@code name} out. */
        public Event without(String name) {
            overrides.remove(name);
            omitted.add(name);
            return this;
        }

        public UUID id() {
            return id;
        }

        public String key() {
            return key;
        }

        public String value() {
            return data;
        }

        /** The headers in the relay's order; a null value is left out. */
        public Map<String, String> headers() {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("ce_specversion", "1.0");
            headers.put("ce_id", id.toString());
            headers.put("ce_source", source != null ? source : "urn:xunshi:" + service(type));
            headers.put("ce_type", type);
            headers.put("ce_subject", subject);
            headers.put("ce_time", DateTimeFormatter.ISO_INSTANT.format(time));
            headers.put("content-type", "application/json");
            headers.put("ce_jurisdiction", jurisdiction);
            headers.put("ce_aggregatetype", aggregateType);
            headers.put("ce_aggregateversion", Integer.toString(version));
            headers.put("ce_globalposition", globalPosition);
            headers.put("ce_correlationid", correlationId);
            headers.put("ce_causationid", causationId);
            headers.putAll(overrides);
            headers.keySet().removeAll(omitted);
            headers.values().removeIf(value -> value == null);
            return headers;
        }

        /** The headers as Kafka record headers, UTF-8 encoded. */
        public Headers kafkaHeaders() {
            RecordHeaders headers = new RecordHeaders();
            headers().forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
            return headers;
        }

        ProducerRecord<String, String> record(String topic) {
            return new ProducerRecord<>(topic, null, key, data, kafkaHeaders());
        }

        /** {@code inspection} for {@code xunshi.inspection.FeedbackGiven.v1}. */
        private static String service(String type) {
            String[] parts = type == null ? new String[0] : type.split("\\.");
            return parts.length > 1 ? parts[1] : "test";
        }
    }
}
