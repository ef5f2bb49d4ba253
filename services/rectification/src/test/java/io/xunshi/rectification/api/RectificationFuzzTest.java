package io.xunshi.rectification.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.xunshi.rectification.application.CaseAccess;
import io.xunshi.testing.RealInfrastructureResource;
import io.xunshi.testing.fuzz.ApiFuzzer;

/**
 * Schema-driven fuzzing of the rectification API from its published OpenAPI document: no answer of 500 or
 * more, every error problem+json, and refused writes write nothing (see {@link ApiFuzzer}).
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class RectificationFuzzTest {

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
        // Cases open when inspection gives feedback; from there on they move through the API alone.
        LocalDate today = CaseAccess.today();
        List<String> cases = List.of(RectificationFlowTest.centreCase(today.minusDays(30)),
                RectificationFlowTest.centreCase(today.minusDays(5)));
        List<String> days = List.of(today.minusDays(2).toString(), today.toString());
        ApiFuzzer.forService("rectification").baseUri(base).jurisdictions("000000", "440000")
                .hint("id", cases).hint("taskId", List.of("T1", "T2"))
                .hint("jurisdiction", List.of("000000", "330000"))
                .hint("reportedOn", days).hint("closedOn", days).hint("submittedOn", days).hint("evaluatedOn", days)
                .storeRows(this::storeRows)
                .run().assertClean();
    }
}
