package io.xunshi.kernel.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;

/** The OpenAPI filter that writes the API conventions into every operation, on operations built by hand. */
class OpenApiConventionsTest {

    @Test
    void the_problem_schema_has_exactly_the_fields_of_the_problem_record() {
        OpenAPI api = filtered(Map.of());

        Schema problem = api.getComponents().getSchemas().get("Problem");
        assertThat(problem.getProperties().keySet()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(Problem.class.getRecordComponents()).map(c -> c.getName()).toList());
        assertThat(problem.getRequired()).containsExactlyInAnyOrder("type", "title", "status");
        Schema fieldError = api.getComponents().getSchemas().get("ProblemFieldError");
        assertThat(fieldError.getProperties().keySet()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(Problem.FieldError.class.getRecordComponents()).map(c -> c.getName()).toList());
        assertThat(problem.getProperties().get("errors").getItems().getRef())
                .isEqualTo("#/components/schemas/ProblemFieldError");
    }

    @Test
    void every_problem_type_status_has_a_problem_response_in_the_components() {
        Operation command = operation("POST", op -> op.addParameter(path("id")).addParameter(header("If-Match"))
                .addParameter(header("Idempotency-Key")).requestBody(OASFactory.createRequestBody())
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("201", OASFactory.createAPIResponse().description("created"))
                        .addAPIResponse("429", OASFactory.createAPIResponse().description("Not Allowed"))));
        OpenAPI api = filtered(Map.of("/things/{id}", Map.of("POST", command)));

        for (ProblemType type : ProblemType.values()) {
            if (type == ProblemType.METHOD_NOT_ALLOWED) {
                continue; // answered for a method no operation has, so no operation can document it
            }
            assertThat(api.getComponents().getResponses().values())
                    .as("a component response for %s", type)
                    .anySatisfy(response -> {
                        assertThat(response.getContent().getMediaType("application/problem+json").getSchema()
                                .getRef()).isEqualTo("#/components/schemas/Problem");
                        assertThat(response.getDescription()).contains(String.valueOf(type.uri())
                                .replace("urn:xunshi:problem:", ""));
                    });
        }
        assertThat(api.getComponents().getResponses().get("Unavailable").getHeaders()).containsKey("Retry-After");
        assertThat(api.getComponents().getResponses().get("Unauthenticated").getHeaders())
                .containsKey("WWW-Authenticate");
    }

    @Test
    void a_document_keeps_only_the_components_its_operations_refer_to() {
        Operation read = operation("GET", op -> op.responses(OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse().description("all"))));
        OpenAPI api = filtered(Map.of("/things", Map.of("GET", read)));

        assertThat(api.getComponents().getResponses()).doesNotContainKeys("TooManyRequests", "NotFound", "Conflict")
                .containsKeys("MalformedRequest", "Unavailable");
        assertThat(api.getComponents().getHeaders()).doesNotContainKeys("Location", "ETag", "IdempotentReplayed")
                .containsKeys("RetryAfter", "WWWAuthenticate");
    }

    @Test
    void a_conditional_command_with_a_body_and_a_path_id_answers_every_error_and_its_headers() {
        Operation command = operation("POST", op -> op
                .addParameter(path("id"))
                .addParameter(header("If-Match"))
                .addParameter(header("Idempotency-Key"))
                .requestBody(OASFactory.createRequestBody())
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().description("the aggregate"))
                        .addAPIResponse("401", OASFactory.createAPIResponse().description("Not Authorized"))));
        filtered(Map.of("/things/{id}/rename", Map.of("POST", command)));

        assertThat(command.getResponses().getAPIResponses().keySet()).containsExactly("200", "400", "401", "403",
                "404", "406", "409", "412", "413", "415", "422", "500", "503");
        assertThat(command.getResponses().getAPIResponse("401").getRef())
                .isEqualTo("#/components/responses/Unauthenticated");
        assertThat(command.getResponses().getAPIResponse("412").getRef())
                .isEqualTo("#/components/responses/PreconditionFailed");
        assertThat(command.getResponses().getAPIResponse("200").getHeaders().keySet())
                .containsExactlyInAnyOrder("ETag", "Idempotent-Replayed");
        Parameter ifMatch = command.getParameters().stream().filter(p -> p.getName().equals("If-Match")).findFirst()
                .orElseThrow();
        assertThat(ifMatch.getDescription()).contains("412");
    }

    @Test
    void a_creation_answers_location_and_etag_and_a_read_is_no_command() {
        Operation creation = operation("POST", op -> op.addParameter(header("Idempotency-Key"))
                .requestBody(OASFactory.createRequestBody())
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("201", OASFactory.createAPIResponse().description("created"))));
        Operation read = operation("GET", op -> op.addParameter(path("id"))
                .addExtension(OpenApiConventions.ETAG_EXTENSION, "true")
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().description("one"))));
        Operation list = operation("GET", op -> op.addParameter(query("limit"))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().description("a page"))
                        .addAPIResponse("429", OASFactory.createAPIResponse().description("busy"))));
        filtered(Map.of("/things", Map.of("POST", creation, "GET", list), "/things/{id}", Map.of("GET", read)));

        assertThat(creation.getResponses().getAPIResponse("201").getHeaders().keySet())
                .containsExactlyInAnyOrder("Location", "ETag", "Idempotent-Replayed");
        assertThat(creation.getResponses().getAPIResponses()).containsKeys("409", "413", "415", "422")
                .doesNotContainKeys("404", "412");

        assertThat(read.getResponses().getAPIResponse("200").getHeaders().keySet()).containsExactly("ETag");
        assertThat(read.getExtensions()).doesNotContainKey(OpenApiConventions.ETAG_EXTENSION);
        assertThat(read.getResponses().getAPIResponses()).containsKeys("400", "401", "403", "404", "406", "500", "503")
                .doesNotContainKeys("409", "412", "413", "415", "422");

        assertThat(list.getResponses().getAPIResponse("200").getHeaders()).isNullOrEmpty();
        assertThat(list.getResponses().getAPIResponses()).containsKey("422").doesNotContainKey("404");
        APIResponse busy = list.getResponses().getAPIResponse("429");
        assertThat(busy.getDescription()).isEqualTo("busy");
        assertThat(busy.getContent().getMediaType("application/problem+json").getSchema().getRef())
                .isEqualTo("#/components/schemas/Problem");
    }

    private static OpenAPI filtered(Map<String, Map<String, Operation>> operations) {
        OpenAPI api = OASFactory.createOpenAPI().paths(OASFactory.createPaths());
        operations.forEach((path, byMethod) -> {
            var item = OASFactory.createPathItem();
            byMethod.forEach((method, operation) -> {
                switch (method) {
                    case "GET" -> item.GET(operation);
                    case "POST" -> item.POST(operation);
                    default -> throw new IllegalArgumentException(method);
                }
            });
            api.getPaths().addPathItem(path, item);
        });
        new OpenApiConventions().filterOpenAPI(api);
        return api;
    }

    private static Operation operation(String method, Consumer<Operation> shape) {
        Operation operation = OASFactory.createOperation().operationId(method.toLowerCase() + "Thing")
                .security(List.of(OASFactory.createSecurityRequirement().addScheme("SecurityScheme", "someone")));
        shape.accept(operation);
        return operation;
    }

    private static Parameter header(String name) {
        return OASFactory.createParameter().name(name).in(Parameter.In.HEADER);
    }

    private static Parameter path(String name) {
        return OASFactory.createParameter().name(name).in(Parameter.In.PATH).required(true);
    }

    private static Parameter query(String name) {
        return OASFactory.createParameter().name(name).in(Parameter.In.QUERY);
    }
}
