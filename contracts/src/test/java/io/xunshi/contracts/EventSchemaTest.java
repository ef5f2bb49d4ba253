package io.xunshi.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;

import io.xunshi.contracts.coordination.JurisdictionRegistered;
import io.xunshi.contracts.coordination.OrganisationRegistered;
import io.xunshi.contracts.inspection.FindingRecorded;
import io.xunshi.contracts.planning.Assignment;
import io.xunshi.contracts.planning.RoundKind;
import io.xunshi.contracts.planning.RoundLaunched;
import io.xunshi.contracts.planning.WorkPlanIssued;
import io.xunshi.contracts.rectification.RectificationCaseOpened;
import io.xunshi.contracts.rectification.RectificationTaskClosed;

class EventSchemaTest {

    private static final Path SCHEMA_DIRECTORY = Path.of("src/main/resources/schemas");
    /** As the services write payloads: dates as ISO strings, e.g. {@code "2026-03-02"}. */
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final SchemaRegistry SCHEMAS = ContractSchemas.REGISTRY;

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

    /**
     * The example in the current schema of the type ({@code examples}, JSON Schema's own keyword): one plausible
     * instance as a producer would publish it, and the base every test below changes one property of.
     */
    private static ObjectNode example(EventCatalog.Entry entry) {
        JsonNode examples = schemaDocument(entry.cloudEventType()).path("examples");
        assertThat(examples.isArray() && !examples.isEmpty())
                .as("%s has an example in its schema (\"examples\")", entry.cloudEventType()).isTrue();
        assertThat(examples.get(0).isObject()).as("the example of %s is an object", entry.cloudEventType()).isTrue();
        return ((ObjectNode) examples.get(0)).deepCopy();
    }

    private static List<Error> validateSampleAfter(Class<? extends Record> record, Consumer<ObjectNode> change) {
        ObjectNode payload = example(entryOf(record));
        change.accept(payload);
        return validate(entryOf(record), payload);
    }

    private static List<Error> validateRegisteredSampleAfter(Consumer<ObjectNode> breakIt) {
        return validateSampleAfter(OrganisationRegistered.class, breakIt);
    }

    @Test
    void the_example_in_every_current_schema_is_valid_against_it() {
        assertThat(EventCatalog.entries()).allSatisfy(entry -> {
            JsonNode payload = example(entry);
            assertThat(validate(entry, payload)).as("%s against its schema", payload).isEmpty();
        });
    }

    @Test
    void the_example_in_every_current_schema_reads_into_its_record_and_writes_back_unchanged() {
        ObjectMapper strict = JSON.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        assertThat(EventCatalog.entries()).allSatisfy(entry -> {
            ObjectNode payload = example(entry);
            Record read;
            try {
                read = strict.treeToValue(payload, entry.record());
            } catch (IOException e) {
                throw new AssertionError("the example of " + entry.cloudEventType() + " does not read into "
                        + entry.record().getSimpleName() + ": " + e.getMessage(), e);
            }
            // Every property of the record is in the example, and every property of the example in the record.
            assertThat((JsonNode) JSON.valueToTree(read)).as("%s written back", entry.record().getSimpleName())
                    .isEqualTo(payload);
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

    @Test
    void dates_are_serialised_as_iso_strings_and_a_date_that_is_not_a_string_is_rejected() {
        JsonNode launched = JSON.valueToTree(new RoundLaunched("round-1", "plan-1", "000000", RoundKind.REGULAR,
                "二十届中央第一轮巡视", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 5, 8),
                List.of(new Assignment("中央第一巡视组", "org-330000", "中共浙江省委", "000000", "330000", null)),
                LocalDate.of(2026, 2, 20), null, null, null));
        assertThat(launched.path("stationingStart").asText()).isEqualTo("2026-03-02");
        assertThat(launched.path("launchedOn").asText()).isEqualTo("2026-02-20");
        assertThat(validateSampleAfter(RoundLaunched.class, p -> p.putArray("launchedOn").add(2026).add(2).add(20)))
                .extracting(Error::getKeyword).containsExactly("type");
    }

    @Test
    void a_finding_in_an_unknown_focus_area_or_of_an_unknown_severity_is_rejected() {
        assertThat(validateSampleAfter(FindingRecorded.class, p -> p.put("focusArea", "CORRUPTION")))
                .extracting(Error::getKeyword).containsExactly("enum");
        assertThat(validateSampleAfter(FindingRecorded.class, p -> p.put("severity", "MINOR")))
                .extracting(Error::getKeyword).containsExactly("enum");
    }

    @Test
    void a_finding_without_evidence_is_valid_but_a_task_closed_without_evidence_is_rejected() {
        assertThat(validateSampleAfter(FindingRecorded.class, p -> p.putArray("evidence"))).isEmpty();
        assertThat(validateSampleAfter(RectificationTaskClosed.class, p -> p.putArray("evidence")))
                .extracting(Error::getKeyword).containsExactly("minItems");
    }

    @Test
    void the_centres_plan_names_no_parent_plan_absent_or_null_but_a_plan_whose_term_is_not_a_plausible_year_is_rejected() {
        assertThat(validateSampleAfter(WorkPlanIssued.class, p -> p.remove("parentPlanId"))).isEmpty();
        assertThat(validateSampleAfter(WorkPlanIssued.class, p -> p.putNull("parentPlanId"))).isEmpty();
        assertThat(validateSampleAfter(WorkPlanIssued.class, p -> p.put("parentPlanId", "")))
                .extracting(Error::getKeyword).containsExactly("minLength");
        assertThat(validateSampleAfter(WorkPlanIssued.class, p -> p.put("termEnd", 20270)))
                .extracting(Error::getKeyword).containsExactly("maximum");
        assertThat(validateSampleAfter(WorkPlanIssued.class, p -> p.put("termStart", "2023")))
                .extracting(Error::getKeyword).containsExactly("type");
    }

    @Test
    void the_centre_has_no_parent_and_a_jurisdiction_is_coded_with_six_digits_only() {
        assertThat(validateSampleAfter(JurisdictionRegistered.class, p -> p.put("code", "000000")
                .put("level", "CENTRAL").putNull("parentCode"))).isEmpty();
        assertThat(validateSampleAfter(JurisdictionRegistered.class, p -> p.put("code", "330100001001")))
                .extracting(Error::getKeyword).containsExactly("pattern");
        assertThat(validateSampleAfter(JurisdictionRegistered.class, p -> p.put("parentCode", "33")))
                .extracting(Error::getKeyword).containsExactly("pattern");
    }

    @Test
    void a_round_launched_without_assignments_or_with_an_incomplete_one_is_rejected() {
        assertThat(validateSampleAfter(RoundLaunched.class, p -> p.putArray("assignments")))
                .extracting(Error::getKeyword).containsExactly("minItems");
        assertThat(validateSampleAfter(RoundLaunched.class,
                p -> ((ObjectNode) p.get("assignments").get(0)).remove("organisationId")))
                .extracting(Error::getKeyword).containsExactly("required");
        assertThat(validateSampleAfter(RoundLaunched.class,
                p -> ((ObjectNode) p.get("assignments").get(0)).put("organisationJurisdiction", "33")))
                .extracting(Error::getKeyword).containsExactly("pattern");
    }

    @Test
    void a_rectification_case_without_tasks_or_with_a_task_in_an_unknown_focus_area_is_rejected() {
        assertThat(validateSampleAfter(RectificationCaseOpened.class, p -> p.putArray("tasks")))
                .extracting(Error::getKeyword).containsExactly("minItems");
        assertThat(validateSampleAfter(RectificationCaseOpened.class, p -> {
            ArrayNode tasks = (ArrayNode) p.get("tasks");
            ((ObjectNode) tasks.get(0)).put("focusArea", "CORRUPTION");
        })).extracting(Error::getKeyword).containsExactly("enum");
    }
}
