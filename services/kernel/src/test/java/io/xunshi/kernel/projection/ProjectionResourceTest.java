package io.xunshi.kernel.projection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.xunshi.kernel.security.Role;
import io.xunshi.testing.RealInfrastructureResource;
import io.xunshi.testing.TestTokens;

/** Operators list the read models and rebuild one; only the Centre's may rebuild. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class ProjectionResourceTest {

    private static final String CENTRE_OPERATOR = TestTokens.bearer(Role.OPERATOR, "000000");

    @Test
    void operators_list_the_read_models_and_the_centre_rebuilds_one() {
        JsonPath listed = given().header("Authorization", CENTRE_OPERATOR).get("/api/v1/projections").then()
                .statusCode(200).extract().jsonPath();
        assertThat(listed.getList("name")).contains(TallyProjection.NAME, RemoteFindingsProjection.NAME);
        assertThat(listed.getString("find { it.name == '" + RemoteFindingsProjection.NAME + "' }.source"))
                .isEqualTo("TOPIC");
        assertThat(listed.getString("find { it.name == '" + TallyProjection.NAME + "' }.source")).isEqualTo("STORE");

        JsonPath rebuilt = given().header("Authorization", CENTRE_OPERATOR)
                .post("/api/v1/projections/" + TallyProjection.NAME + "/rebuild").then().statusCode(200).extract()
                .jsonPath();
        assertThat(rebuilt.getString("projection")).isEqualTo(TallyProjection.NAME);
        assertThat(rebuilt.getLong("events")).isNotNegative();

        given().header("Authorization", TestTokens.bearer(Role.OPERATOR, "330000"))
                .post("/api/v1/projections/" + TallyProjection.NAME + "/rebuild").then().statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer(Role.AUDITOR, "000000")).get("/api/v1/projections").then()
                .statusCode(403);
        given().header("Authorization", CENTRE_OPERATOR).post("/api/v1/projections/no-such/rebuild").then()
                .statusCode(404).contentType("application/problem+json");
    }
}
