package io.xunshi.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

class AsyncApiDocumentTest {

    private static final List<String> SERVICES = List.of("planning", "inspection", "rectification", "coordination");
    /** The platform's services and the partners whose topics it consumes. */
    private static final List<String> OWNERS = EventCatalog.services();
    private static final JsonNode DOCUMENT = read(Path.of("asyncapi.yaml"));
    /** The kernel's convention: {@code <source topic>.<consumer name>.dlq}. */
    private static final Pattern DEAD_LETTER_TOPIC = Pattern
            .compile("xunshi\\.([a-z]+)\\.events\\.([a-z][a-z0-9-]*)\\.dlq");

    private static JsonNode read(Path file) {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode channel(String address) {
        List<JsonNode> found = new ArrayList<>();
        DOCUMENT.path("channels").forEach(c -> {
            if (c.path("address").asText().equals(address)) {
                found.add(c);
            }
        });
        assertThat(found).as("channels with address %s", address).hasSize(1);
        return found.get(0);
    }

    private static List<JsonNode> receiveOperations() {
        List<JsonNode> receiving = new ArrayList<>();
        DOCUMENT.path("operations").forEach(o -> {
            if (o.path("action").asText().equals("receive")) {
                receiving.add(o);
            }
        });
        return receiving;
    }

    private static List<JsonNode> messages(JsonNode channel) {
        List<JsonNode> messages = new ArrayList<>();
        channel.path("messages").forEach(messages::add);
        return messages;
    }

    @Test
    void every_published_version_of_every_catalogued_type_is_a_message_on_its_services_topic_with_its_schema() {
        assertThat(EventCatalog.entries()).allSatisfy(entry -> assertThat(entry.publishedCloudEventTypes())
                .allSatisfy(type -> {
                    List<JsonNode> named = messages(channel(entry.topic())).stream()
                            .filter(m -> m.path("name").asText().equals(type))
                            .toList();
                    assertThat(named).as("messages named %s on %s", type, entry.topic()).hasSize(1);
                    JsonNode message = named.get(0);
                    assertThat(message.at("/payload/schema/$ref").asText())
                            .isEqualTo("./src/main/resources/" + EventCatalog.Entry.schemaResource(type));
                    // A partner writes its topic with its own tools: its headers are CloudEvents', not the relay's.
                    assertThat(message.at("/traits/0/$ref").asText()).isEqualTo(entry.partner()
                            ? "#/components/messageTraits/partnerCloudEvent"
                            : "#/components/messageTraits/cloudEvent");
                    assertThat(message.at("/bindings/$ref").asText()).startsWith("#/components/messageBindings/");
                    if (!entry.partner()) {
                        assertThat(message.at("/bindings/$ref").asText())
                                .isEqualTo("#/components/messageBindings/keyedByStream");
                    }
                }));
    }

    @Test
    void every_message_on_an_event_topic_is_a_published_version_of_a_catalogued_type() {
        List<String> published = EventCatalog.entries().stream()
                .flatMap(e -> e.publishedCloudEventTypes().stream())
                .toList();
        assertThat(OWNERS).allSatisfy(service -> assertThat(messages(channel("xunshi." + service + ".events")))
                .extracting(m -> m.path("name").asText())
                .isSubsetOf(published));
    }

    @Test
    void every_service_sends_to_its_topic() {
        assertThat(SERVICES).allSatisfy(service -> {
            String key = service + "Events";
            assertThat(channel("xunshi." + service + ".events")).isEqualTo(DOCUMENT.path("channels").path(key));
            JsonNode operation = DOCUMENT.at("/operations/publish" + Character.toUpperCase(key.charAt(0))
                    + key.substring(1));
            assertThat(operation.path("action").asText()).isEqualTo("send");
            assertThat(operation.at("/channel/$ref").asText()).isEqualTo("#/channels/" + key);
        });
    }

    @Test
    void every_partner_has_its_own_topic_with_a_send_operation_of_its_own() {
        List<String> partners = OWNERS.stream().filter(EventCatalog::isPartner).toList();
        assertThat(partners).as("partners").contains("discipline").doesNotContainAnyElementsOf(SERVICES);
        assertThat(partners).allSatisfy(partner -> {
            String key = partner + "Events";
            assertThat(channel("xunshi." + partner + ".events")).isEqualTo(DOCUMENT.path("channels").path(key));
            List<String> senders = new ArrayList<>();
            DOCUMENT.path("operations").fields().forEachRemaining(o -> {
                if (o.getValue().path("action").asText().equals("send")
                        && o.getValue().at("/channel/$ref").asText().equals("#/channels/" + key)) {
                    senders.add(o.getKey());
                }
            });
            assertThat(senders).as("send operations on %s", key).singleElement().asString()
                    .doesNotStartWith("publish");
        });
    }

    @Test
    void every_dead_letter_topic_is_named_after_its_source_topic_and_the_consumer_whose_receive_operation_names_it() {
        Map<String, JsonNode> deadLetterChannels = new LinkedHashMap<>();
        DOCUMENT.path("channels").fields().forEachRemaining(c -> {
            if (c.getValue().path("address").asText().endsWith(".dlq")) {
                deadLetterChannels.put(c.getKey(), c.getValue());
            }
        });
        assertThat(deadLetterChannels).as("dead-letter channels").isNotEmpty();

        deadLetterChannels.forEach((key, deadLetters) -> {
            String address = deadLetters.path("address").asText();
            Matcher name = DEAD_LETTER_TOPIC.matcher(address);
            assertThat(name.matches()).as("%s is <event topic>.<consumer>.dlq", address).isTrue();
            assertThat(OWNERS).as("owners of event topics").contains(name.group(1));
            String sourceTopic = "xunshi." + name.group(1) + ".events";
            String consumer = name.group(2);

            assertThat(messages(deadLetters)).extracting(m -> m.path("$ref").asText())
                    .as("messages of %s", address).containsExactly("#/components/messages/deadLetter");

            List<JsonNode> consumers = receiveOperations().stream()
                    .filter(o -> o.at("/x-dead-letter-channel/$ref").asText().equals("#/channels/" + key))
                    .toList();
            assertThat(consumers).as("receive operations whose dead-letter channel is %s", address).hasSize(1);
            JsonNode operation = consumers.get(0);
            assertThat(operation.at("/channel/$ref").asText())
                    .isEqualTo("#/channels/" + name.group(1) + "Events");
            assertThat(channel(sourceTopic)).isEqualTo(DOCUMENT.path("channels").path(name.group(1) + "Events"));
            assertThat(operation.at("/bindings/kafka/groupId/enum")).as("consumer group of %s", address)
                    .singleElement().extracting(JsonNode::asText).asString()
                    .matches("xunshi\\.[a-z]+\\." + java.util.regex.Pattern.quote(consumer));
        });
    }

    @Test
    void every_receive_operation_reads_messages_of_its_channel_and_names_an_existing_dead_letter_channel_if_any() {
        List<JsonNode> receiving = receiveOperations();
        assertThat(receiving).isNotEmpty();
        assertThat(receiving).allSatisfy(operation -> {
            String channelRef = operation.at("/channel/$ref").asText();
            assertThat(channelRef).matches("#/channels/(" + String.join("|", OWNERS) + ")Events");
            assertThat(operation.path("messages")).isNotEmpty();
            operation.path("messages").forEach(message -> {
                String ref = message.path("$ref").asText();
                assertThat(ref).startsWith(channelRef + "/messages/");
                String messageKey = ref.substring((channelRef + "/messages/").length());
                assertThat(DOCUMENT.at(channelRef.substring(1) + "/messages/" + messageKey).isObject())
                        .as("%s exists", ref).isTrue();
            });
            JsonNode deadLetters = operation.path("x-dead-letter-channel");
            if (!deadLetters.isMissingNode()) {
                String ref = deadLetters.path("$ref").asText();
                assertThat(ref).startsWith("#/channels/");
                assertThat(DOCUMENT.at(ref.substring(1) + "/address").asText()).endsWith(".dlq");
            }
        });
    }

    @Test
    void the_message_key_is_a_string_and_the_headers_are_those_the_outbox_relay_writes() {
        assertThat(DOCUMENT.at("/components/messageBindings/keyedByStream/kafka/key/type").asText())
                .isEqualTo("string");
        JsonNode headers = DOCUMENT.at("/components/schemas/CloudEventHeaders");
        List<String> described = new ArrayList<>();
        headers.path("properties").fieldNames().forEachRemaining(described::add);
        assertThat(described).containsExactlyInAnyOrder("ce_specversion", "ce_id", "ce_source", "ce_type",
                "ce_subject", "ce_time", "content-type", "ce_jurisdiction", "ce_aggregatetype", "ce_aggregateversion",
                "ce_globalposition", "ce_correlationid", "ce_causationid", "ce_traceparent", "ce_tracestate",
                "ce_chainhash");
        List<String> required = new ArrayList<>();
        headers.path("required").forEach(r -> required.add(r.asText()));
        assertThat(described).containsAll(required);
        assertThat(required).doesNotContain("ce_correlationid", "ce_causationid", "ce_traceparent", "ce_tracestate",
                "ce_chainhash");
    }
}
