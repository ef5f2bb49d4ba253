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
import io.xunshi.kernel.security.Role;
import io.xunshi.testing.RealInfrastructureResource;
import io.xunshi.testing.TestTokens;

/**
 * Who may do what with the tree: everyone authenticated reads it; only the Centre's inspection office
 * imports (an empty table here, which passes the access check and is then refused as malformed);
 * inspection offices and auditors read roll-ups of their own subtree, and get 404 for anything else.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class JurisdictionAccessMatrixTest {

    enum Endpoint {
        IMPORT(token -> given().header("Authorization", token).contentType(ContentType.JSON)
                .body("{\"source\":\"matrix\",\"provinces\":\"\",\"cities\":\"\",\"areas\":\"\"}")
                .post("/api/v1/jurisdictions/imports")),
        READ(token -> given().header("Authorization", token).get("/api/v1/jurisdictions/330106")),
        LIST(token -> given().header("Authorization", token).queryParam("parent", "440000").get("/api/v1/jurisdictions")),
        ROLL_UP_ZHEJIANG(token -> given().header("Authorization", token).get("/api/v1/jurisdictions/330000/roll-up")),
        ROLL_UP_CENTRE(token -> given().header("Authorization", token).get("/api/v1/jurisdictions/000000/roll-up"));

        final Function<String, Response> call;

        Endpoint(Function<String, Response> call) {
            this.call = call;
        }
    }

    record Caller(String role, String jurisdiction) {
        @Override
        public String toString() {
            return role + "@" + jurisdiction;
        }
    }

    static Stream<Arguments> matrix() {
        List<Arguments> rows = new ArrayList<>();
        Caller centreOffice = new Caller(Role.INSPECTION_OFFICE, "000000");
        Caller centreAuditor = new Caller(Role.AUDITOR, "000000");
        Caller zjOffice = new Caller(Role.INSPECTION_OFFICE, "330000");
        Caller zjAuditor = new Caller(Role.AUDITOR, "330000");
        Caller gdOffice = new Caller(Role.INSPECTION_OFFICE, "440000");
        Caller hzOffice = new Caller(Role.INSPECTION_OFFICE, "330100");
        rows.add(Arguments.of(centreOffice, Endpoint.IMPORT, 422));
        rows.add(Arguments.of(centreOffice, Endpoint.ROLL_UP_ZHEJIANG, 200));
        rows.add(Arguments.of(centreOffice, Endpoint.ROLL_UP_CENTRE, 200));
        rows.add(Arguments.of(centreAuditor, Endpoint.IMPORT, 403));
        rows.add(Arguments.of(centreAuditor, Endpoint.ROLL_UP_CENTRE, 200));
        rows.add(Arguments.of(zjOffice, Endpoint.IMPORT, 403));
        rows.add(Arguments.of(zjOffice, Endpoint.ROLL_UP_ZHEJIANG, 200));
        rows.add(Arguments.of(zjOffice, Endpoint.ROLL_UP_CENTRE, 404));
        rows.add(Arguments.of(zjAuditor, Endpoint.ROLL_UP_ZHEJIANG, 200));
        rows.add(Arguments.of(zjAuditor, Endpoint.ROLL_UP_CENTRE, 404));
        rows.add(Arguments.of(gdOffice, Endpoint.ROLL_UP_ZHEJIANG, 404));
        rows.add(Arguments.of(hzOffice, Endpoint.ROLL_UP_ZHEJIANG, 404));
        for (String role : Role.ALL) {
            Caller caller = new Caller(role, "330000");
            rows.add(Arguments.of(caller, Endpoint.READ, 200));
            rows.add(Arguments.of(caller, Endpoint.LIST, 200));
            if (!role.equals(Role.INSPECTION_OFFICE) && !role.equals(Role.AUDITOR)) {
                rows.add(Arguments.of(caller, Endpoint.ROLL_UP_ZHEJIANG, 403));
                rows.add(Arguments.of(new Caller(role, "000000"), Endpoint.IMPORT, 403));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} calling {1} gets {2}")
    @MethodSource("matrix")
    void each_caller_gets_what_its_role_and_jurisdiction_allow(Caller caller, Endpoint endpoint, int expected) {
        Response response = endpoint.call.apply(TestTokens.bearer(caller.role(), caller.jurisdiction()));

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }
}
