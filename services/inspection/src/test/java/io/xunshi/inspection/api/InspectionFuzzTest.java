package io.xunshi.inspection.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.xunshi.inspection.InspectionFixtures;
import io.xunshi.inspection.domain.Inspection;
import io.xunshi.testing.RealInfrastructureResource;
import io.xunshi.testing.fuzz.ApiFuzzer;

/**
 * Schema-driven fuzzing of the inspection API from its published OpenAPI document: no answer of 500 or more,
 * every error problem+json, and refused writes write nothing (see {@link ApiFuzzer}).
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class InspectionFuzzTest {

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
        // Inspections open when planning launches a round; from there on they move through the API alone.
        List<String> inspections = new ArrayList<>();
        for (Inspection.Status status : List.of(Inspection.Status.PREPARING, Inspection.Status.STATIONED,
                Inspection.Status.REPORTED, Inspection.Status.FEEDBACK_GIVEN)) {
            inspections.add(InspectionFixtures.inStatus(status));
        }
        List<String> findings = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            findings.add(InspectionFixtures.post(InspectionFixtures.MEMBER_ZJ, inspections.get(1), "findings",
                    InspectionFixtures.FINDING).then().statusCode(201).extract().path("findingId"));
        }
        // Cadres and teams share the id path parameter with inspections: each kind of id meets every operation.
        String cadre = InspectionFixtures.cadre("王强", "fuzz-" + java.util.UUID.randomUUID(), true);
        String team = io.restassured.RestAssured.given().header("Authorization", InspectionFixtures.OFFICE_ZJ)
                .get("/api/v1/inspections/" + inspections.get(0)).then().statusCode(200).extract().path("teamId");
        List<String> ids = new ArrayList<>(inspections);
        ids.add(cadre);
        ids.add(team);
        ApiFuzzer.forService("inspection").baseUri(base)
                .jurisdictions(InspectionFixtures.ZHEJIANG, InspectionFixtures.JIANGSU)
                .hint("id", ids).hint("findingId", findings).hint("cadreId", List.of(cadre))
                .hint("inspectionIds", List.of(inspections.get(0))).hint("inspectionId", inspections)
                .hint("expertise", List.of("财务", "审计"))
                .hint("jurisdiction", List.of(InspectionFixtures.ZHEJIANG, InspectionFixtures.HANGZHOU))
                .hint("stationedOn", List.of("2026-03-02", "2026-03-05"))
                .hint("reportedOn", List.of("2026-05-10")).hint("givenOn", List.of("2026-06-15"))
                .hint("closedOn", List.of("2026-06-30"))
                .storeRows(this::storeRows)
                .run().assertClean();
    }
}
