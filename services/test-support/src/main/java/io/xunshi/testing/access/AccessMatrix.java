package io.xunshi.testing.access;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.xunshi.testing.TestTokens;

/**
 * One service's authorisation matrix: every operation of its published OpenAPI document × every role ×
 * every {@link Position}, plus one call without a token per probe, each cell expected by {@link AccessRule}.
 * It runs the cells against the service and renders the expectations as the operator's table.
 */
public final class AccessMatrix {

    /** One cell: who calls what, and what it must get. */
    public record Cell(Operation operation, Probe probe, String role, Position position, String home,
            Outcome expected) {

        @Override
        public String toString() {
            String who = role == null
                    ? "a caller without a token"
                    : role + " of " + home + " (" + position.label() + ")";
            String variant = probe.description().isEmpty() ? "" : " [" + probe.description() + "]";
            return who + " calling " + operation.key() + variant;
        }
    }

    private final String service;
    private final List<Operation> operations;
    private final Map<String, List<Probe>> probes;
    private final List<String> roles;

    public AccessMatrix(String service, List<Operation> operations, Map<String, List<Probe>> probes,
            List<String> roles) {
        this.service = service;
        this.operations = List.copyOf(operations);
        this.probes = Map.copyOf(probes);
        this.roles = List.copyOf(roles);
    }

    /** Operation ids of the document without a probe, and probes for no operation of the document. */
    public List<String> unmatched() {
        List<String> problems = new ArrayList<>();
        for (Operation operation : operations) {
            if (probes.getOrDefault(operation.operationId(), List.of()).isEmpty()) {
                problems.add("no probe for " + operation.operationId() + " (" + operation.key() + ")");
            }
        }
        for (String id : probes.keySet()) {
            if (operations.stream().noneMatch(o -> id.equals(o.operationId()))) {
                problems.add("a probe for " + id + ", which the document does not declare");
            }
        }
        return problems;
    }

    /** Every cell, in table order. */
    public List<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        for (Operation operation : operations) {
            for (Probe probe : probes.getOrDefault(operation.operationId(), List.of())) {
                cells.add(new Cell(operation, probe, null, Position.INSIDE, null, Outcome.UNAUTHENTICATED));
                for (String role : roles) {
                    for (Position position : Position.values()) {
                        Outcome expected = AccessRule.expected(operation, probe, role, position);
                        if (expected != Outcome.NO_SUCH_CALLER) {
                            cells.add(new Cell(operation, probe, role, position,
                                    AccessRule.callerHome(probe, role, position), expected));
                        }
                    }
                }
            }
        }
        return cells;
    }

    /** Calls the service for the cell; returns what is wrong with its answer, or null when it is right. */
    public static String check(Cell cell) {
        String organisation = cell.role() == null ? null : cell.probe().organisation();
        String token = cell.role() == null
                ? null
                : organisation == null
                        ? TestTokens.bearer(cell.role(), cell.home())
                        : TestTokens.bearer(cell.role(), cell.home(), organisation);
        Supplier<RequestSpecification> request = () -> token == null
                ? given()
                : given().header("Authorization", token);
        String home = cell.home() == null ? cell.probe().jurisdiction() : cell.home();
        Response response = cell.probe().send(request, home);
        int status = response.statusCode();
        String answer = status + " " + abbreviated(response.asString());
        return switch (cell.expected()) {
            case ALLOWED -> (status >= 200 && status < 300) || status == 409 || status == 422
                    ? null
                    : cell + ": expected to pass the access checks (2xx, 409 or 422), got " + answer;
            case LISTED, NOT_LISTED -> {
                if (status != 200) {
                    yield cell + ": expected 200, got " + answer;
                }
                boolean includes = cell.probe().includes(response, request);
                boolean expected = cell.expected() == Outcome.LISTED;
                yield includes == expected
                        ? null
                        : cell + (expected ? ": the resource is missing from " : ": the resource leaks into ") + answer;
            }
            case FORBIDDEN, HIDDEN, UNAUTHENTICATED -> {
                if (status != cell.expected().status()) {
                    yield cell + ": expected " + cell.expected().status() + ", got " + answer;
                }
                String type = response.contentType();
                if (type == null || !type.startsWith("application/problem+json")) {
                    yield cell + ": expected an application/problem+json " + status + ", got " + type;
                }
                Object said = response.jsonPath().get("status");
                if (said != null && !said.equals(status)) {
                    yield cell + ": the problem says status " + said + " but the answer is " + status;
                }
                String problem = response.jsonPath().getString("type");
                yield cell.expected().problemType().equals(problem)
                        ? null
                        : cell + ": expected the problem type " + cell.expected().problemType() + ", got " + answer;
            }
            case NO_SUCH_CALLER -> null;
        };
    }

    private static String abbreviated(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "…";
    }

    /** The service's section of docs/access-matrix.md, between its markers. */
    public String table() {
        List<Cell> cells = cells();
        StringBuilder out = new StringBuilder();
        out.append(beginMarker(service)).append('\n');
        out.append("## ").append(service).append("\n\n");
        out.append(cells.size()).append(" cells: ").append(operations.size())
                .append(" operations of `contracts/openapi/")
                .append(service).append(".yaml`, ")
                .append(probes.values().stream().mapToInt(List::size).sum())
                .append(" probes, each called by every role at every position and once without a token (401).\n\n");
        out.append("| operation | ").append(String.join(" | ", roles)).append(" |\n");
        out.append("|---|").append("---|".repeat(roles.size())).append('\n');
        for (Operation operation : operations) {
            for (Probe probe : probes.getOrDefault(operation.operationId(), List.of())) {
                out.append("| `").append(operation.key()).append("`<br>").append(escape(operation.summary()));
                if (!probe.description().isEmpty()) {
                    out.append("<br>*").append(escape(probe.description())).append('*');
                }
                out.append(" |");
                for (String role : roles) {
                    List<String> symbols = java.util.Arrays.stream(Position.values())
                            .map(p -> AccessRule.expected(operation, probe, role, p).symbol()).toList();
                    String cell = symbols.stream().distinct().count() == 1
                            ? symbols.get(0)
                            : String.join(" · ", symbols);
                    out.append(' ').append(cell).append(" |");
                }
                out.append('\n');
            }
        }
        out.append(endMarker(service)).append('\n');
        return out.toString();
    }

    public static String beginMarker(String service) {
        return "<!-- access-matrix:" + service + " begin: generated by " + service
                + "'s AccessMatrixTest, do not edit -->";
    }

    public static String endMarker(String service) {
        return "<!-- access-matrix:" + service + " end -->";
    }

    private static String escape(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
