package io.xunshi.testing.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import io.restassured.RestAssured;

/**
 * The engine against a small HTTP server on a free port whose answers the test chooses: a cell fails when
 * the answer is not the one the rule expects, and the document's operations must all have probes.
 */
class AccessMatrixTest {

    static HttpServer server;
    static final AtomicInteger status = new AtomicInteger(200);
    static final AtomicReference<String> contentType = new AtomicReference<>("application/json");
    static final AtomicReference<String> body = new AtomicReference<>("{}");

    static final Operation READ = new Operation("GET", "/things/{id}", "getThing", "Read a thing",
            Set.of("auditor"));

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", contentType.get());
            exchange.sendResponseHeaders(status.get(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        RestAssured.baseURI = "http://127.0.0.1";
        RestAssured.port = server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        RestAssured.reset();
    }

    @BeforeEach
    void answer200() {
        answer(200, "application/json", "{}");
    }

    static void answer(int code, String type, String json) {
        status.set(code);
        contentType.set(type);
        body.set(json);
    }

    static AccessMatrix.Cell cell(Probe probe, Position position, Outcome expected) {
        return new AccessMatrix.Cell(READ, probe, "auditor", position, position.callerFor(probe.jurisdiction()),
                expected);
    }

    static final Probe THING = Probe.resource("330000", (request, home) -> request.get().get("/things/1"));

    @Test
    void a_hidden_resource_that_answers_200_fails_its_cell() {
        assertThat(AccessMatrix.check(cell(THING, Position.BESIDE, Outcome.HIDDEN)))
                .contains("auditor of 320000 (beside)").contains("expected 404, got 200");
    }

    @Test
    void a_404_passes_only_as_the_not_found_problem() {
        answer(404, "application/problem+json", "{\"status\":404,\"type\":\"urn:xunshi:problem:not-found\"}");
        assertThat(AccessMatrix.check(cell(THING, Position.BESIDE, Outcome.HIDDEN))).isNull();
        answer(404, "application/problem+json", "{\"status\":404,\"type\":\"urn:xunshi:problem:route-not-found\"}");
        assertThat(AccessMatrix.check(cell(THING, Position.BESIDE, Outcome.HIDDEN)))
                .contains("expected the problem type urn:xunshi:problem:not-found");
        answer(404, "application/problem+json", "{\"status\":403}");
        assertThat(AccessMatrix.check(cell(THING, Position.BESIDE, Outcome.HIDDEN))).contains("says status 403");
        answer(404, "text/plain", "not found");
        assertThat(AccessMatrix.check(cell(THING, Position.BESIDE, Outcome.HIDDEN))).contains("problem+json");
    }

    @Test
    void allowed_is_2xx_or_the_domains_409_or_422_and_nothing_else() {
        assertThat(AccessMatrix.check(cell(THING, Position.INSIDE, Outcome.ALLOWED))).isNull();
        answer(409, "application/problem+json", "{}");
        assertThat(AccessMatrix.check(cell(THING, Position.INSIDE, Outcome.ALLOWED))).isNull();
        answer(400, "application/problem+json", "{}");
        assertThat(AccessMatrix.check(cell(THING, Position.INSIDE, Outcome.ALLOWED))).contains("got 400");
        answer(403, "application/problem+json", "{}");
        assertThat(AccessMatrix.check(cell(THING, Position.ABOVE, Outcome.ALLOWED))).contains("got 403");
    }

    @Test
    void a_view_fails_when_the_resource_leaks_in_or_is_missing() {
        Probe list = Probe.list("330000", "/things", Map.of(), "id", () -> "t-1");
        answer(200, "application/json", "{\"items\":[{\"id\":\"t-1\"}],\"next\":null}");
        assertThat(AccessMatrix.check(cell(list, Position.ABOVE, Outcome.LISTED))).isNull();
        assertThat(AccessMatrix.check(cell(list, Position.BELOW, Outcome.NOT_LISTED))).contains("leaks into");
        answer(200, "application/json", "{\"items\":[{\"id\":\"t-2\"}],\"next\":null}");
        assertThat(AccessMatrix.check(cell(list, Position.INSIDE, Outcome.LISTED))).contains("missing from");
        assertThat(AccessMatrix.check(cell(list, Position.BESIDE, Outcome.NOT_LISTED))).isNull();
    }

    @Test
    void every_operation_of_the_document_needs_a_probe_and_every_probe_an_operation(@TempDir Path dir)
            throws IOException {
        Path document = dir.resolve("things.yaml");
        Files.writeString(document, """
                openapi: 3.1.0
                paths:
                  /things/{id}:
                    get:
                      operationId: getThing
                      summary: Read a thing
                      security:
                      - SecurityScheme: [auditor]
                    delete:
                      operationId: deleteThing
                      summary: Delete a thing
                      security:
                      - SecurityScheme: [inspection-office]
                """);
        List<Operation> operations = OpenApiOperations.read(document);
        assertThat(operations).extracting(Operation::key).containsExactly("DELETE /things/{id}", "GET /things/{id}");
        assertThat(operations.get(1).roles()).containsExactly("auditor");

        AccessMatrix matrix = new AccessMatrix("things", operations,
                Map.of("getThing", List.of(THING), "renameThing", List.of(THING)), List.of("auditor", "public"));

        assertThat(matrix.unmatched()).containsExactly("no probe for deleteThing (DELETE /things/{id})",
                "a probe for renameThing, which the document does not declare");
        assertThat(matrix.cells()).hasSize(1 + 2 * 4);
        assertThat(matrix.table()).contains("| `GET /things/{id}`<br>Read a thing | ✓ · ✓ · 404 · 404 | 403 |");
    }
}
