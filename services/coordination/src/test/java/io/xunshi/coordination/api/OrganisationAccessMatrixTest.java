package io.xunshi.coordination.api;

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
import io.xunshi.kernel.domain.Jurisdictions;
import io.xunshi.kernel.security.Role;
import io.xunshi.testing.RealInfrastructureResource;
import io.xunshi.testing.TestTokens;

/**
 * Every endpoint against every kind of caller: inside its jurisdiction's subtree, above it, beside it,
 * below it, and with each role. Reads of a hidden resource answer 404, so that not even its existence
 * leaks; writes outside the subtree or without the role answer 403.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class OrganisationAccessMatrixTest {

    /** An organisation managed by Guangdong, registered once for the whole matrix. */
    private static String guangdongOrganisation;

    private static String organisation() {
        if (guangdongOrganisation == null) {
            guangdongOrganisation = OrganisationApiTest.registered("广东省矩阵测试单位", OrganisationApiTest.GUANGDONG);
        }
        return guangdongOrganisation;
    }

    enum Endpoint {
        REGISTER(token -> given().header("Authorization", token).contentType(ContentType.JSON)
                .body(OrganisationApiTest.body("矩阵登记单位", "PUBLIC_INSTITUTION", OrganisationApiTest.GUANGDONG))
                .post("/api/v1/organisations")),
        LIST(token -> given().header("Authorization", token)
                .queryParam("jurisdiction", OrganisationApiTest.GUANGDONG).get("/api/v1/organisations")),
        READ(token -> given().header("Authorization", token).get("/api/v1/organisations/" + organisation())),
        RENAME(token -> given().header("Authorization", token).contentType(ContentType.JSON)
                .body("{\"name\":\"矩阵改名 " + System.nanoTime() + "\"}")
                .put("/api/v1/organisations/" + organisation() + "/name"));

        final Function<String, Response> call;

        Endpoint(Function<String, Response> call) {
            this.call = call;
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
        Caller office = new Caller(Role.INSPECTION_OFFICE, "440000", "Guangdong's inspection office");
        Caller centre = new Caller(Role.INSPECTION_OFFICE, Jurisdictions.CENTRE, "the Centre's inspection office");
        Caller sibling = new Caller(Role.INSPECTION_OFFICE, "450000", "Guangxi's inspection office");
        Caller below = new Caller(Role.INSPECTION_OFFICE, "440100", "Guangzhou's inspection office");
        Caller auditor = new Caller(Role.AUDITOR, "440000", "a Guangdong auditor");
        Caller member = new Caller(Role.TEAM_MEMBER, "440000", "a Guangdong team member");
        Caller discipline = new Caller(Role.DISCIPLINE_LIAISON, "440000", "a Guangdong discipline liaison");
        Caller publicCaller = new Caller(Role.PUBLIC, "440000", "the public in Guangdong");
        List<Arguments> rows = new ArrayList<>();
        rows.add(Arguments.of(office, Endpoint.REGISTER, 201));
        rows.add(Arguments.of(office, Endpoint.LIST, 200));
        rows.add(Arguments.of(office, Endpoint.READ, 200));
        rows.add(Arguments.of(office, Endpoint.RENAME, 200));
        rows.add(Arguments.of(centre, Endpoint.REGISTER, 201));
        rows.add(Arguments.of(centre, Endpoint.LIST, 200));
        rows.add(Arguments.of(centre, Endpoint.READ, 200));
        rows.add(Arguments.of(centre, Endpoint.RENAME, 200));
        rows.add(Arguments.of(sibling, Endpoint.REGISTER, 403));
        rows.add(Arguments.of(sibling, Endpoint.LIST, 403));
        rows.add(Arguments.of(sibling, Endpoint.READ, 404));
        rows.add(Arguments.of(sibling, Endpoint.RENAME, 404));
        rows.add(Arguments.of(below, Endpoint.REGISTER, 403));
        rows.add(Arguments.of(below, Endpoint.LIST, 403));
        rows.add(Arguments.of(below, Endpoint.READ, 404));
        rows.add(Arguments.of(below, Endpoint.RENAME, 404));
        for (Caller reader : List.of(auditor, member, discipline)) {
            rows.add(Arguments.of(reader, Endpoint.REGISTER, 403));
            rows.add(Arguments.of(reader, Endpoint.LIST, 200));
            rows.add(Arguments.of(reader, Endpoint.READ, 200));
            rows.add(Arguments.of(reader, Endpoint.RENAME, 403));
        }
        for (Endpoint endpoint : Endpoint.values()) {
            rows.add(Arguments.of(publicCaller, endpoint, 403));
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} calling {1} gets {2}")
    @MethodSource("matrix")
    void each_caller_reaches_exactly_its_subtree_with_its_role(Caller caller, Endpoint endpoint, int expected) {
        Response response = endpoint.call.apply(caller.token());

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.jsonPath().getInt("status")).isEqualTo(expected);
        }
    }
}
