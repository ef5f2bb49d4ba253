package io.xunshi.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The broker the tests run against holds every service to the ACLs of deploy/kubernetes/kafka-users.yaml: these
 * are the permissions the cluster enforces, exercised here rather than only written down.
 */
class KafkaAclTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void a_service_writes_its_own_topic_and_its_own_dead_letter_topic() throws Exception {
        send("inspection", "xunshi.inspection.events");
        send("inspection", "xunshi.planning.events.inspection-rounds.dlq");
        send("planning", "xunshi.coordination.events.organisations.dlq");
    }

    @Test
    void no_service_may_forge_an_event_on_another_services_topic() {
        // The forgery the issue names: a RoundLaunched that would open inspections, or a FeedbackGiven that would
        // open rectification cases, written by anyone but their owner.
        for (String[] forgery : List.of(new String[]{ "inspection", "xunshi.planning.events" },
                new String[]{ "rectification", "xunshi.inspection.events" },
                new String[]{ "coordination", "xunshi.planning.events" },
                new String[]{ "planning", "xunshi.rectification.events" },
                new String[]{ "inspection", "xunshi.inspection.events.rectification-feedback.dlq" })) {
            assertThatThrownBy(() -> send(forgery[0], forgery[1])).as("%s writing %s", forgery[0], forgery[1])
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void the_discipline_organ_writes_only_its_own_topic_and_reads_only_the_dead_letters_of_its_reports()
            throws Exception {
        send("discipline", "xunshi.discipline.events");
        for (String topic : List.of("xunshi.inspection.events", "xunshi.planning.events",
                "xunshi.discipline.events.clue-reports.dlq")) {
            assertThatThrownBy(() -> send("discipline", topic)).as("the discipline organ writing %s", topic)
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        assertThat(read("discipline", "xunshi.discipline.events.clue-reports.dlq",
                "xunshi.discipline.acl-test-" + UUID.randomUUID())).isTrue();
        // Clues, findings and petitions are on the inspection topic: the partner reads none of it.
        assertThatThrownBy(() -> read("discipline", "xunshi.inspection.events",
                "xunshi.discipline.acl-test-" + UUID.randomUUID())).isInstanceOf(TopicAuthorizationException.class);
        // Nor may a service pass a report off as the organ's: the inspection service only reads the topic.
        assertThatThrownBy(() -> send("planning", "xunshi.discipline.events"))
                .hasCauseInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void a_service_reads_only_the_topics_it_consumes() {
        assertThat(
                read("rectification", "xunshi.inspection.events", "xunshi.rectification.acl-test-" + UUID.randomUUID()))
                .isTrue();
        // Findings and feedback are read by those that act on them; the planning topic is not rectification's.
        assertThatThrownBy(() -> read("rectification", "xunshi.planning.events",
                "xunshi.rectification.acl-test-" + UUID.randomUUID())).isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void a_service_joins_only_consumer_groups_named_after_it() {
        assertThatThrownBy(() -> read("rectification", "xunshi.inspection.events",
                "xunshi.coordination.inspection-roll-up")).isInstanceOf(GroupAuthorizationException.class);
    }

    @Test
    void a_client_without_credentials_or_with_a_wrong_password_is_refused() {
        Map<String, Object> anonymous = new HashMap<>();
        anonymous.put("bootstrap.servers", TestInfrastructure.kafkaBootstrapServers());
        // The listener speaks SASL only: a client without credentials never gets the topic's metadata.
        assertThatThrownBy(() -> send(anonymous, "xunshi.inspection.events"))
                .hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);

        Map<String, Object> wrongPassword = new HashMap<>(config("inspection"));
        wrongPassword.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
                + " username=\"xunshi-inspection\" password=\"not-the-password\";");
        assertThatThrownBy(() -> send(wrongPassword, "xunshi.inspection.events"))
                .hasCauseInstanceOf(SaslAuthenticationException.class);
    }

    private static Map<String, Object> config(String service) {
        Map<String, Object> config = new HashMap<>(TestInfrastructure.kafkaCredentials(service));
        config.put("bootstrap.servers", TestInfrastructure.kafkaBootstrapServers());
        assertThat(config.get("sasl.jaas.config").toString()).contains("username=\"xunshi-" + service + "\"");
        return config;
    }

    private static void send(String service, String topic) throws Exception {
        send(config(service), topic);
    }

    private static void send(Map<String, Object> config, String topic) throws Exception {
        Map<String, Object> producer = new HashMap<>(config);
        producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) WAIT.toMillis());
        producer.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) WAIT.toMillis());
        producer.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) WAIT.toMillis() / 2);
        producer.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        try (KafkaProducer<String, String> kafka = new KafkaProducer<>(producer, new StringSerializer(),
                new StringSerializer())) {
            kafka.send(new ProducerRecord<>(topic, "acl-test", "{}")).get(WAIT.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e;
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new ExecutionException(e);
        }
    }

    /** Polls {@code topic} in {@code group}; true once the poll went through (records or none). */
    private static boolean read(String service, String topic, String group) {
        Map<String, Object> consumer = new HashMap<>(config(service));
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(consumer, new StringDeserializer(),
                new StringDeserializer())) {
            kafka.subscribe(List.of(topic));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (kafka.assignment().isEmpty() && System.nanoTime() < deadline) {
                kafka.poll(Duration.ofMillis(200));
            }
            return !kafka.assignment().isEmpty();
        }
    }
}
