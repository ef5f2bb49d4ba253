package io.xunshi.kernel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

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
}
