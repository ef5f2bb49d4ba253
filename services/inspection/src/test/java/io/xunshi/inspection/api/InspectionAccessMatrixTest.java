package io.xunshi.inspection.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.xunshi.inspection.InspectionFixtures;
import io.xunshi.inspection.domain.Inspection;
import io.xunshi.kernel.domain.Jurisdictions;
import io.xunshi.kernel.security.Role;
import io.xunshi.testing.RealInfrastructureResource;
import io.xunshi.testing.TestTokens;

/**
 * Every endpoint against every kind of caller: each role in Zhejiang (which runs the inspection), the Centre
 * above it, Jiangsu beside it and Hangzhou below it. Each row gets an inspection of its own, in the status
 * its endpoint needs, so that an allowed call succeeds. A hidden inspection answers 404; a missing role 403.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class InspectionAccessMatrixTest {

    enum Endpoint {
        STATION(Inspection.Status.PREPARING, (token, id) -> post(token, id, "stationing", "{}")),
        RECORD_FINDING(Inspection.Status.STATIONED, (token, id) -> post(token, id, "findings",
                InspectionFixtures.FINDING)),
        REPORT(Inspection.Status.STATIONED, (token, id) -> post(token, id, "report", "{\"summary\":\"报告\"}")),
        FEEDBACK(Inspection.Status.REPORTED, (token, id) -> post(token, id, "feedback",
                "{\"organisationHead\":\"张三\"}")),
        CLOSE(Inspection.Status.FEEDBACK_GIVEN, (token, id) -> post(token, id, "close", null)),
        READ(Inspection.Status.PREPARING, (token, id) -> given().header("Authorization", token)
                .get("/api/v1/inspections/" + id)),
        LIST(null, (token, id) -> given().header("Authorization", token)
                .queryParam("jurisdiction", InspectionFixtures.ZHEJIANG).get("/api/v1/inspections"));

        final Inspection.Status needs;
        final java.util.function.BiFunction<String, String, Response> call;

        Endpoint(Inspection.Status needs, java.util.function.BiFunction<String, String, Response> call) {
            this.needs = needs;
            this.call = call;
        }

        private static Response post(String token, String id, String action, String body) {
            var request = given().header("Authorization", token).contentType(ContentType.JSON);
            if (body != null) {
                request.body(body);
            }
            return request.post("/api/v1/inspections/" + id + "/" + action);
        }
    }

    record Caller(String role, String jurisdiction, String description) {
        String token() {
            return TestTokens.bearer(role, jurisdiction);
        }

        @Override
        public String toString() {
            return description;
        }
    }

    static Stream<Arguments> matrix() {
        String zj = InspectionFixtures.ZHEJIANG;
        Caller office = new Caller(Role.INSPECTION_OFFICE, zj, "Zhejiang's inspection office");
        Caller leader = new Caller(Role.TEAM_LEADER, zj, "a Zhejiang team leader");
        Caller member = new Caller(Role.TEAM_MEMBER, zj, "a Zhejiang team member");
        Caller auditor = new Caller(Role.AUDITOR, zj, "a Zhejiang auditor");
        Caller owner = new Caller(Role.RECTIFICATION_OWNER, zj, "a Zhejiang rectification owner");
        Caller publicCaller = new Caller(Role.PUBLIC, zj, "the public in Zhejiang");
        Caller centre = new Caller(Role.INSPECTION_OFFICE, Jurisdictions.CENTRE, "the Centre's inspection office");
        Caller siblingOffice = new Caller(Role.INSPECTION_OFFICE, InspectionFixtures.JIANGSU,
                "Jiangsu's inspection office");
        Caller siblingLeader = new Caller(Role.TEAM_LEADER, InspectionFixtures.JIANGSU, "a Jiangsu team leader");
        Caller belowOffice = new Caller(Role.INSPECTION_OFFICE, InspectionFixtures.HANGZHOU,
                "Hangzhou's inspection office");

        List<Arguments> rows = new ArrayList<>();
        // Who may do what, inside the inspecting jurisdiction.
        Object[][] allowed = {
                { Endpoint.STATION, 200, List.of(office, leader), List.of(member, auditor, owner) },
                { Endpoint.RECORD_FINDING, 201, List.of(member, leader, office), List.of(auditor, owner) },
                { Endpoint.REPORT, 200, List.of(leader), List.of(office, member, auditor, owner) },
                { Endpoint.FEEDBACK, 200, List.of(leader, office), List.of(member, auditor, owner) },
                { Endpoint.CLOSE, 200, List.of(office), List.of(leader, member, auditor, owner) },
                { Endpoint.READ, 200, List.of(office, leader, member, auditor), List.of(owner) },
                { Endpoint.LIST, 200, List.of(office, leader, member, auditor), List.of(owner) } };
        for (Object[] row : allowed) {
            Endpoint endpoint = (Endpoint) row[0];
            for (Object caller : (List<?>) row[2]) {
                rows.add(Arguments.of(caller, endpoint, row[1]));
            }
            for (Object caller : (List<?>) row[3]) {
                rows.add(Arguments.of(caller, endpoint, 403));
            }
            rows.add(Arguments.of(publicCaller, endpoint, 403));
        }
        // Above, beside and below the inspecting jurisdiction.
        rows.add(Arguments.of(centre, Endpoint.STATION, 200));
        rows.add(Arguments.of(centre, Endpoint.CLOSE, 200));
        rows.add(Arguments.of(centre, Endpoint.READ, 200));
        rows.add(Arguments.of(centre, Endpoint.LIST, 200));
        rows.add(Arguments.of(siblingOffice, Endpoint.STATION, 404));
        rows.add(Arguments.of(siblingOffice, Endpoint.RECORD_FINDING, 404));
        rows.add(Arguments.of(siblingLeader, Endpoint.REPORT, 404));
        rows.add(Arguments.of(siblingOffice, Endpoint.FEEDBACK, 404));
        rows.add(Arguments.of(siblingOffice, Endpoint.CLOSE, 404));
        rows.add(Arguments.of(siblingOffice, Endpoint.READ, 404));
        rows.add(Arguments.of(siblingOffice, Endpoint.LIST, 403));
        rows.add(Arguments.of(belowOffice, Endpoint.STATION, 404));
        rows.add(Arguments.of(belowOffice, Endpoint.READ, 404));
        rows.add(Arguments.of(belowOffice, Endpoint.LIST, 403));
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} calling {1} gets {2}")
    @MethodSource("matrix")
    void each_caller_reaches_exactly_its_subtree_with_its_role(Caller caller, Endpoint endpoint, int expected) {
        String id = endpoint.needs == null ? null : InspectionFixtures.inStatus(endpoint.needs);

        Response response = endpoint.call.apply(caller.token(), id);

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.jsonPath().getInt("status")).isEqualTo(expected);
        }
    }
}
