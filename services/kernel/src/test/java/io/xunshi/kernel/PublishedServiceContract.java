package io.xunshi.kernel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.xunshi.testing.TestTokens;

/**
 * What a service of the platform proves beyond its foundation: it serves exactly the OpenAPI document
 * committed as its published contract, {@code contracts/openapi/<service>.yaml}, which its packaging build
 * writes. A service's test extends this class and is annotated {@code @QuarkusTest}.
 */
public abstract class PublishedServiceContract extends ServiceFoundationContract {

    @Test
    void it_serves_exactly_the_openapi_document_committed_in_the_contracts() throws IOException {
        String service = config("xunshi.service.name");
        Path committed = Path.of("../../contracts/openapi", service + ".yaml");
        String regenerate = "contracts/openapi/" + committed.getFileName() + " is not what the service serves:"
                + " regenerate it with ./mvnw -B -pl services/" + service + " -am package -DskipTests,"
                + " review the change and commit it";
        assertThat(committed).as(regenerate).exists();

        String served = given().accept("application/yaml").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();

        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        assertThat(yaml.readTree(served)).as(regenerate).isEqualTo(yaml.readTree(Files.readString(committed)));
    }

    @Test
    void it_serves_the_kernels_tamper_verification_to_auditors_under_its_api_path() {
        given().header("Authorization", TestTokens.bearer("auditor", "000000"))
                .when().get("/api/v1/audit/verification")
                .then().statusCode(200)
                .body("service", equalTo(config("xunshi.service.name")))
                .body("intact", equalTo(true))
                .body("witness.topic", equalTo(config("xunshi.kafka.topic")));
        given().header("Authorization", TestTokens.bearer("inspection-office", "000000"))
                .when().get("/api/v1/audit/verification")
                .then().statusCode(403).contentType("application/problem+json");
    }
}
