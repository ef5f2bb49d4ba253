package io.xunshi.kernel.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.xunshi.contracts.inspection.FindingRecorded;

/** Which properties are personal, as read from the schemas; the sealed shape as the event store checks it. */
class PersonalFieldsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void the_marks_are_read_from_the_published_schema_of_the_type_and_version() {
        assertThat(PersonalFields.of(FindingRecorded.TYPE, FindingRecorded.VERSION))
                .containsExactlyInAnyOrder(List.of("informant", "name"), List.of("informant", "contact"));
        assertThat(PersonalFields.of("xunshi.inspection.InspectionClosed", 1)).isEmpty();
        assertThat(PersonalFields.of("xunshi.test.PetitionReceived", 1)).as("no schema, no marks").isEmpty();
    }

    @Test
    void marks_are_found_under_properties_and_items_at_any_depth() throws Exception {
        JsonNode schema = JSON.readTree("""
                {"properties": {
                   "reporter": {"x-xunshi-personal": true, "type": "object"},
                   "witnesses": {"type": "array", "items": {"properties": {
                       "name": {"x-xunshi-personal": true}, "role": {"type": "string"}}}},
                   "aliases": {"type": "array", "items": {"x-xunshi-personal": true}},
                   "place": {"type": "string"}}}
                """);
        List<List<String>> marks = new ArrayList<>();
        PersonalFields.collect(schema, new ArrayList<>(), marks);
        assertThat(marks).containsExactlyInAnyOrder(List.of("reporter"), List.of("witnesses", "*", "name"),
                List.of("aliases", "*"));
    }

    @Test
    void a_sealed_value_is_exactly_the_four_properties_the_vault_writes() throws Exception {
        String iv = "\"iv\":\"AAAAAAAAAAAAAAAA\"";
        String data = "\"data\":\"AAAAAAAAAAAAAAAAAAAAAAAA\"";
        assertThat(PersonalFields.isSealedValue(JSON.readTree(
                "{\"sealed\":\"A256GCM\",\"subject\":\"informant-1\"," + iv + "," + data + "}"))).isTrue();
        assertThat(PersonalFields.isSealedValue(JSON.readTree("\"张三\""))).isFalse();
        assertThat(PersonalFields.isSealedValue(JSON.readTree(
                "{\"sealed\":\"A256GCM\",\"subject\":\"informant-1\"," + iv + "," + data + ",\"name\":\"张三\"}")))
                .as("nothing beside the sealed value").isFalse();
        assertThat(PersonalFields.isSealedValue(JSON.readTree(
                "{\"sealed\":\"NONE\",\"subject\":\"informant-1\"," + iv + "," + data + "}"))).isFalse();
        assertThat(PersonalFields.isSealedValue(JSON.readTree(
                "{\"sealed\":\"A256GCM\",\"subject\":\"\"," + iv + "," + data + "}"))).isFalse();
        assertThat(PersonalFields.isSealedValue(JSON.readTree(
                "{\"sealed\":\"A256GCM\",\"subject\":\"informant-1\",\"iv\":\"张三\"," + data + "}"))).isFalse();
        assertThat(PersonalFields.isSealedValue(JSON.readTree(
                "{\"sealed\":\"A256GCM\",\"subject\":\"informant-1\"," + iv + ",\"data\":\"AAAA\"}")))
                .as("shorter than its tag").isFalse();
    }
}
