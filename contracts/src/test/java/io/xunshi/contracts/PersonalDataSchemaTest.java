package io.xunshi.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InvalidSchemaException;
import com.networknt.schema.Schema;

import io.xunshi.contracts.inspection.FindingRecorded;

/**
 * Personal data is decided in the schemas (docs/adr/0020-personal-data.md): a property marked
 * {@value SealedValue#PERSONAL_KEYWORD} holds a sealed value and nothing else. These tests keep the marks where the
 * kernel reads them, in the one shape the vault writes, and the examples sealed.
 */
class PersonalDataSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MARK = SealedValue.PERSONAL_KEYWORD;

    /** The sealed shape every marked property has, but for its description. */
    private static final String SEALED_SHAPE = """
            {"x-xunshi-personal": true, "type": "object", "required": ["sealed", "subject", "iv", "data"],
             "properties": {
               "sealed": {"description": "The algorithm it is sealed with.", "const": "A256GCM"},
               "subject": {"description": "The subject whose key sealed it: one person, erasable on their own.",
                           "type": "string", "minLength": 1},
               "iv": {"description": "The 12-byte initialisation vector, base64.", "type": "string",
                      "pattern": "^[A-Za-z0-9+/]{16}$"},
               "data": {"description": "The ciphertext with its 16-byte authentication tag, base64.", "type": "string",
                        "minLength": 24,
                        "pattern": "^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$"}
             },
             "additionalProperties": false}
            """;

    private static JsonNode schemaDocument(String cloudEventType) {
        try (InputStream in = PersonalDataSchemaTest.class.getClassLoader()
                .getResourceAsStream(EventCatalog.Entry.schemaResource(cloudEventType))) {
            assertThat(in).as("JSON Schema of %s", cloudEventType).isNotNull();
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> publishedTypes() {
        return EventCatalog.entries().stream().flatMap(e -> e.publishedCloudEventTypes().stream()).toList();
    }

    /** The marked properties, as the kernel finds them: under properties and items ("*"), at any depth. */
    private static void marked(JsonNode schema, String path, Map<String, JsonNode> found) {
        JsonNode properties = schema.path("properties");
        if (properties.isObject()) {
            properties.fields().forEachRemaining(p -> {
                String inner = path.isEmpty() ? p.getKey() : path + "." + p.getKey();
                if (p.getValue().has(MARK)) {
                    found.put(inner, p.getValue());
                } else {
                    marked(p.getValue(), inner, found);
                }
            });
        }
        if (schema.path("items").isObject()) {
            String inner = path + "[*]";
            if (schema.get("items").has(MARK)) {
                found.put(inner, schema.get("items"));
            } else {
                marked(schema.get("items"), inner, found);
            }
        }
    }

    private static Map<String, JsonNode> marked(String cloudEventType) {
        Map<String, JsonNode> found = new TreeMap<>();
        marked(schemaDocument(cloudEventType), "", found);
        return found;
    }

    /** Every place the keyword occurs in the document, as a JSON pointer. */
    private static void occurrences(JsonNode node, String pointer, List<String> found) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().equals(MARK)) {
                    found.add(pointer);
                }
                occurrences(field.getValue(), pointer + "/" + field.getKey(), found);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                occurrences(node.get(i), pointer + "/" + i, found);
            }
        }
    }

    private static String pointerOf(String path) {
        StringBuilder pointer = new StringBuilder();
        for (String step : path.split("\\.")) {
            if (step.endsWith("[*]")) {
                pointer.append("/properties/").append(step, 0, step.length() - 3).append("/items");
            } else {
                pointer.append("/properties/").append(step);
            }
        }
        return pointer.toString().replace("/properties/[*]", "");
    }

    @Test
    void the_personal_properties_of_the_published_language_are_exactly_these() {
        Map<String, List<String>> personal = new TreeMap<>();
        for (String type : publishedTypes()) {
            Map<String, JsonNode> marks = marked(type);
            if (!marks.isEmpty()) {
                personal.put(type, new ArrayList<>(marks.keySet()));
            }
        }
        // A new personal property is added here with its ADR row; a mark lost from a schema fails here.
        assertThat(personal).isEqualTo(Map.of("xunshi.inspection.FindingRecorded.v1",
                List.of("informant.contact", "informant.name"), "xunshi.inspection.PetitionReceived.v1",
                List.of("reporter.contact", "reporter.name")));
    }

    @Test
    void every_mark_is_true_and_stands_on_a_property_or_items_schema_where_the_kernel_reads_it() {
        assertThat(publishedTypes()).allSatisfy(type -> {
            List<String> everywhere = new ArrayList<>();
            occurrences(schemaDocument(type), "", everywhere);
            List<String> readable = marked(type).keySet().stream().map(PersonalDataSchemaTest::pointerOf).toList();
            assertThat(everywhere).as("where %s marks personal data", type)
                    .containsExactlyInAnyOrderElementsOf(readable);
            marked(type).forEach((path, schema) -> assertThat(schema.get(MARK).isBoolean() && schema.get(MARK)
                    .booleanValue()).as("%s of %s is marked with true", path, type).isTrue());
        });
    }

    @Test
    void every_marked_property_is_the_sealed_value_the_vault_writes() throws IOException {
        JsonNode shape = JSON.readTree(SEALED_SHAPE);
        assertThat(publishedTypes()).allSatisfy(type -> marked(type).forEach((path, schema) -> {
            ObjectNode withoutDescription = ((ObjectNode) schema).deepCopy();
            assertThat(withoutDescription.remove("description")).as("%s of %s is described", path, type).isNotNull();
            assertThat((JsonNode) withoutDescription).as("%s of %s", path, type).isEqualTo(shape);
        }));
    }

    @Test
    void every_example_holds_sealed_values_in_its_personal_properties_and_names_at_least_one() {
        assertThat(publishedTypes()).allSatisfy(type -> {
            Map<String, JsonNode> marks = marked(type);
            if (marks.isEmpty()) {
                return;
            }
            for (JsonNode example : schemaDocument(type).path("examples")) {
                List<JsonNode> values = new ArrayList<>();
                marks.keySet().forEach(path -> valuesAt(example, List.of(path.split("\\.")), 0, values));
                assertThat(values).as("personal values in the example of %s", type).isNotEmpty()
                        .allSatisfy(
                                value -> assertThat(isSealedValue(value)).as("%s is a sealed value", value).isTrue());
            }
        });
    }

    private static void valuesAt(JsonNode node, List<String> path, int at, List<JsonNode> values) {
        if (node == null || node.isNull()) {
            return;
        }
        if (at == path.size()) {
            values.add(node);
            return;
        }
        String step = path.get(at);
        if (step.endsWith("[*]")) {
            JsonNode array = node.get(step.substring(0, step.length() - 3));
            if (array != null && array.isArray()) {
                array.forEach(item -> valuesAt(item, path, at + 1, values));
            }
        } else {
            valuesAt(node.get(step), path, at + 1, values);
        }
    }

    /** As the kernel's event store checks it: exactly the four properties, the algorithm, base64 of the right sizes. */
    private static boolean isSealedValue(JsonNode node) {
        if (!node.isObject() || node.size() != 4 || !node.has("sealed") || !node.has("subject") || !node.has("iv")
                || !node.has("data")) {
            return false;
        }
        try {
            return SealedValue.ALGORITHM.equals(node.get("sealed").asText()) && !node.get("subject").asText().isBlank()
                    && Base64.getDecoder().decode(node.get("iv").asText()).length == 12
                    && Base64.getDecoder().decode(node.get("data").asText()).length >= 16;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static List<Error> findingAfter(Consumer<ObjectNode> change) {
        String type = EventCatalog.Entry.declaredBy(FindingRecorded.class).cloudEventType();
        JsonNode document = schemaDocument(type);
        ObjectNode payload = ((ObjectNode) document.path("examples").get(0)).deepCopy();
        change.accept(payload);
        Schema schema = ContractSchemas.REGISTRY.getSchema(document);
        return schema.validate(payload);
    }

    @Test
    void a_clear_or_altered_value_in_a_personal_property_breaks_the_schema_and_no_informant_is_valid() {
        assertThat(findingAfter(p -> ((ObjectNode) p.get("informant")).put("name", "张三")))
                .extracting(Error::getKeyword).containsExactly("type");
        assertThat(findingAfter(p -> ((ObjectNode) p.get("informant").get("contact")).put("clear", "13800000000")))
                .extracting(Error::getKeyword).containsExactly("additionalProperties");
        assertThat(findingAfter(p -> ((ObjectNode) p.get("informant").get("name")).put("sealed", "NONE")))
                .extracting(Error::getKeyword).containsExactly("const");
        assertThat(findingAfter(p -> ((ObjectNode) p.get("informant")).remove("contact")))
                .extracting(Error::getKeyword).containsExactly("required");
        assertThat(findingAfter(p -> p.putNull("informant"))).isEmpty();
        assertThat(findingAfter(p -> p.remove("informant"))).isEmpty();
    }

    @Test
    void the_validator_knows_the_mark_as_an_annotation_and_refuses_any_other_unknown_keyword() throws IOException {
        // The mark validates nothing by itself: a string under it passes. The sealed shape beside it is what
        // validates, which is why every marked property must have it (above).
        Schema marked = ContractSchemas.REGISTRY.getSchema(JSON.readTree("""
                {"$schema": "https://json-schema.org/draft/2020-12/schema",
                 "properties": {"name": {"x-xunshi-personal": true, "type": "string"}}}
                """));
        assertThat(marked.validate(JSON.readTree("{\"name\": \"张三\"}"))).isEmpty();
        // A misspelt mark is not silently an annotation: the schema does not load.
        assertThatThrownBy(() -> ContractSchemas.REGISTRY.getSchema(JSON.readTree("""
                {"$schema": "https://json-schema.org/draft/2020-12/schema",
                 "properties": {"name": {"x-xunshi-persnal": true, "type": "string"}}}
                """)).validate(JSON.readTree("{\"name\": \"张三\"}"))).isInstanceOf(InvalidSchemaException.class)
                .hasMessageContaining("x-xunshi-persnal");
    }
}
