package io.xunshi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

import io.xunshi.client.coordination.api.OrganisationsApi;
import io.xunshi.client.inspection.ApiClient;
import io.xunshi.client.inspection.ApiException;
import io.xunshi.client.inspection.ApiResponse;
import io.xunshi.client.inspection.api.InspectionsApi;
import io.xunshi.client.inspection.model.FocusArea;
import io.xunshi.client.inspection.model.RecordFindingRequest;
import io.xunshi.client.inspection.model.RecordedFinding;
import io.xunshi.client.inspection.model.Severity;
import io.xunshi.client.planning.api.PlansApi;

/**
 * The client generated from the published documents, against a plain HTTP server of the test's own that
 * answers as the inspection service does (201 with the finding, Location and ETag; a 404 problem): a
 * creation returns its typed body, and its headers are reachable through the {@code *WithHttpInfo}
 * variant. The services themselves are driven through this client by the end-to-end test (deploy/e2e).
 */
class GeneratedClientTest {

    private HttpServer server;
    private final AtomicReference<Headers> received = new AtomicReference<>();
    private final AtomicReference<String> receivedBody = new AtomicReference<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/inspections/", exchange -> {
            received.set(exchange.getRequestHeaders());
            receivedBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String path = exchange.getRequestURI().getPath();
            byte[] body;
            if (path.equals("/api/v1/inspections/i-1/findings") && exchange.getRequestMethod().equals("POST")) {
                body = ("{\"inspectionId\":\"i-1\",\"findingId\":\"f-9\",\"focusArea\":\"PARTY_LINE\","
                        + "\"description\":\"d\",\"severity\":\"SERIOUS\",\"involvesTopLeader\":false,"
                        + "\"involvesLeadershipTeam\":true,\"common\":false,\"deepLevel\":false,\"evidence\":[\"e\"],"
                        + "\"version\":4}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.getResponseHeaders().add("Location", "/api/v1/inspections/i-1/findings/f-9");
                exchange.getResponseHeaders().add("ETag", "\"4\"");
                exchange.sendResponseHeaders(201, body.length);
            } else {
                body = ("{\"type\":\"urn:xunshi:problem:not-found\",\"title\":\"Not found\",\"status\":404,"
                        + "\"detail\":\"inspection not found\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
                exchange.sendResponseHeaders(404, body.length);
            }
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private InspectionsApi inspections() {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + server.getAddress().getPort());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer t"));
        return new InspectionsApi(client);
    }

    @Test
    void recording_a_finding_returns_the_typed_finding_with_its_location_and_etag() throws ApiException {
        RecordFindingRequest request = new RecordFindingRequest().focusArea(FocusArea.PARTY_LINE).description("d")
                .severity(Severity.SERIOUS).evidence(List.of("e"));

        ApiResponse<RecordedFinding> answer = inspections().recordFindingWithHttpInfo("i-1", request, "key-1", null);

        assertThat(answer.getStatusCode()).isEqualTo(201);
        assertThat(answer.getData().getFindingId()).isEqualTo("f-9");
        assertThat(answer.getData().getVersion()).isEqualTo(4);
        assertThat(answer.getHeaders().get("Location")).containsExactly("/api/v1/inspections/i-1/findings/f-9");
        assertThat(answer.getHeaders().get("ETag")).containsExactly("\"4\"");
        assertThat(received.get().getFirst("Idempotency-Key")).isEqualTo("key-1");
        assertThat(received.get().getFirst("Authorization")).isEqualTo("Bearer t");
        assertThat(receivedBody.get()).contains("\"focusArea\":\"PARTY_LINE\"");

        RecordedFinding plain = inspections().recordFinding("i-1", request, "key-2", null);
        assertThat(plain.getInspectionId()).isEqualTo("i-1");
    }

    @Test
    void a_problem_answer_is_an_api_exception_with_its_status_and_problem_body() {
        assertThatThrownBy(() -> inspections().getInspection("unknown"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(404);
                    assertThat(e.getResponseBody()).contains("urn:xunshi:problem:not-found");
                });
    }

    @Test
    void every_creation_of_the_platform_returns_what_it_created() {
        assertThat(returnType(InspectionsApi.class, "recordFinding")).isEqualTo(RecordedFinding.class);
        assertThat(returnType(PlansApi.class, "issuePlan"))
                .isEqualTo(io.xunshi.client.planning.model.PlanView.class);
        assertThat(returnType(PlansApi.class, "scheduleRound"))
                .isEqualTo(io.xunshi.client.planning.model.RoundView.class);
        assertThat(returnType(OrganisationsApi.class, "registerOrganisation"))
                .isEqualTo(io.xunshi.client.coordination.model.OrganisationView.class);
        for (String command : List.of("stationTeam", "reportInspection", "giveFeedback", "closeInspection")) {
            assertThat(returnType(InspectionsApi.class, command)).as(command)
                    .isEqualTo(io.xunshi.client.inspection.model.InspectionView.class);
        }
    }

    private static Class<?> returnType(Class<?> api, String operation) {
        Method method = Arrays.stream(api.getMethods()).filter(m -> m.getName().equals(operation)).findFirst()
                .orElseThrow(() -> new AssertionError(api.getSimpleName() + " has no " + operation));
        return method.getReturnType();
    }
}
