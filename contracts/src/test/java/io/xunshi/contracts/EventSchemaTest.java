package io.xunshi.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import io.xunshi.contracts.coordination.OrganisationRegistered;

class EventSchemaTest {

    private static final Path SCHEMA_DIRECTORY = Path.of("src/main/resources/schemas");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private static JsonNode schemaDocument(String cloudEventType) {
        try (InputStream in = EventSchemaTest.class.getClassLoader()
                .getResourceAsStream(EventCatalog.Entry.schemaResource(cloudEventType))) {
            assertThat(in).as("JSON Schema of %s", cloudEventType).isNotNull();
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Error> validate(EventCatalog.Entry entry, JsonNode payload) {
        Schema schema = SCHEMAS.getSchema(schemaDocument(entry.cloudEventType()));
        return schema.validate(payload);
    }

    private static EventCatalog.Entry entryOf(Class<? extends Record> record) {
        return EventCatalog.entries().stream().filter(e -> e.record() == record).findFirst().orElseThrow();
    }

    private static List<Error> validateRegisteredSampleAfter(Consumer<ObjectNode> breakIt) {
        ObjectNode payload = JSON.valueToTree(EventSamples.of(OrganisationRegistered.class));
        breakIt.accept(payload);
        return validate(entryOf(OrganisationRegistered.class), payload);
    }

    @Test
    void a_sample_of_every_catalogued_event_serialised_by_jackson_is_valid_against_its_schema() {
        assertThat(EventCatalog.entries()).allSatisfy(entry -> {
            JsonNode payload = JSON.valueToTree(EventSamples.of(entry.record()));
            assertThat(validate(entry, payload)).as("%s against its schema", payload).isEmpty();
        });
    }

    @Test
    void the_schema_files_are_exactly_one_per_published_version_of_every_catalogued_type() {
        try (Stream<Path> files = Files.list(SCHEMA_DIRECTORY)) {
            List<String> found = files.map(f -> f.getFileName().toString()).toList();
            List<String> expected = EventCatalog.entries().stream()
                    .flatMap(e -> e.publishedCloudEventTypes().stream())
                    .map(type -> type + ".json")
                    .toList();
            assertThat(found).containsExactlyInAnyOrderElementsOf(expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void every_schema_is_draft_2020_12_identified_by_its_type_and_tolerates_properties_it_does_not_know() {
        assertThat(EventCatalog.entries().stream().flatMap(e -> e.publishedCloudEventTypes().stream()))
                .allSatisfy(type -> {
                    JsonNode schema = schemaDocument(type);
                    assertThat(schema.path("$schema").asText())
                            .isEqualTo("https://json-schema.org/draft/2020-12/schema");
                    assertThat(schema.path("$id").asText()).isEqualTo("urn:xunshi:schema:" + type);
                    assertThat(schema.path("title").asText()).isNotBlank();
                    assertThat(schema.path("description").asText()).contains("ignore properties they do not know");
                    assertThat(schema.path("required").isArray()).isTrue();
                    assertThat(schema.has("additionalProperties")).isFalse();
                    assertThat(schema.has("unevaluatedProperties")).isFalse();
                });
    }

    @Test
    void an_event_with_a_property_added_later_is_still_valid() {
        assertThat(validateRegisteredSampleAfter(p -> p.put("registeredBy", "county-office"))).isEmpty();
    }

    @Test
    void an_event_missing_a_required_property_is_rejected() {
        assertThat(validateRegisteredSampleAfter(p -> p.remove("organisationId")))
                .extracting(Error::getKeyword).containsExactly("required");
    }

    @Test
    void an_event_with_a_null_required_property_is_rejected() {
        assertThat(validateRegisteredSampleAfter(p -> p.putNull("name")))
                .extracting(Error::getKeyword).containsExactly("type");
    }

    @Test
    void an_event_with_a_kind_outside_the_enumeration_is_rejected() {
        assertThat(validateRegisteredSampleAfter(p -> p.put("kind", "CHARITY")))
                .extracting(Error::getKeyword).containsExactly("enum");
    }

    @Test
    void an_event_whose_jurisdiction_is_neither_six_nor_twelve_digits_is_rejected() {
        assertThat(validateRegisteredSampleAfter(p -> p.put("jurisdiction", "11000"))).extracting(Error::getKeyword)
                .containsExactly("pattern");
        assertThat(validateRegisteredSampleAfter(p -> p.put("location", "1101000000"))).extracting(Error::getKeyword)
                .containsExactly("pattern");
        assertThat(validateRegisteredSampleAfter(p -> p.put("jurisdiction", "11010a"))).extracting(Error::getKeyword)
                .containsExactly("pattern");
    }

    @Test
    void an_event_with_a_twelve_digit_village_jurisdiction_is_valid() {
        assertThat(validateRegisteredSampleAfter(p -> p.put("location", "110101001001"))).isEmpty();
    }
}
