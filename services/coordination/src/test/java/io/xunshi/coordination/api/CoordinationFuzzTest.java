package io.xunshi.coordination.api;

import static io.restassured.RestAssured.given;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.xunshi.kernel.security.Role;
import io.xunshi.testing.RealInfrastructureResource;
import io.xunshi.testing.TestTokens;
import io.xunshi.testing.fuzz.ApiFuzzer;

/**
 * Schema-driven fuzzing of the coordination API from its published OpenAPI document: no answer of 500 or
 * more, every error problem+json, and refused writes write nothing (see {@link ApiFuzzer}).
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class CoordinationFuzzTest {

    private static final String OFFICE = TestTokens.bearer(Role.INSPECTION_OFFICE, "330000");

    @Inject
    Pool pool;

    @TestHTTPResource("/")
    URI base;

    private long storeRows() {
        return pool.query("SELECT (SELECT count(*) FROM events) + (SELECT count(*) FROM idempotency_keys) AS n")
                .executeAndAwait().iterator().next().getLong("n");
    }

    @Test
    void no_request_derived_from_the_published_contract_breaks_the_api() {
        List<String> organisations = new ArrayList<>();
        for (String[] org : List.of(new String[]{ "浙江省交通运输厅", "DEPARTMENT", "330000", "330000" },
                new String[]{ "中共杭州市委员会", "LOCALITY", "330000", "330100" },
                new String[]{ "杭州市交通运输局", "DEPARTMENT", "330100", "330100" })) {
            organisations.add(given().header("Authorization", OFFICE).contentType(ContentType.JSON)
                    .body("{\"name\":\"" + org[0] + "\",\"kind\":\"" + org[1] + "\",\"jurisdiction\":\"" + org[2]
                            + "\",\"location\":\"" + org[3] + "\"}")
                    .post("/api/v1/organisations").then().statusCode(201).extract().path("id"));
        }
        ApiFuzzer.forService("coordination").baseUri(base).jurisdictions("330000", "320000")
                .hint("id", organisations)
                .hint("jurisdiction", List.of("330000", "330100"))
                .hint("location", List.of("330000", "330100", "330102"))
                .hint("code", List.of("330000", "330100", "330102", "000000", "320000"))
                .hint("parent", List.of("330000", "330100", "000000"))
                .storeRows(this::storeRows)
                .run().assertClean();
    }
}
