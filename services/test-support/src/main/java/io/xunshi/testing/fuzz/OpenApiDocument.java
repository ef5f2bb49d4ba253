package io.xunshi.testing.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The operations of a published OpenAPI 3.1 document ({@code contracts/openapi/<service>.yaml}), read with
 * Jackson, with every {@code $ref} of their schemas resolved in place, as the fuzzer needs them.
 */
public final class OpenApiDocument {

    /** One parameter of an operation: where it goes ({@code path}, {@code query}, {@code header}). */
    public record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /** One operation: its method, path template, parameters, JSON body schema (or null) and allowed roles. */
    public record Operation(String id, String method, String path, List<Parameter> parameters, JsonNode body,
            boolean bodyRequired, List<String> roles) {

        public boolean writes() {
            return !method.equals("GET") && !method.equals("HEAD");
        }

        public List<Parameter> in(String where) {
            return parameters.stream().filter(p -> p.in().equals(where)).toList();
        }
    }

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private final JsonNode root;
    private final List<Operation> operations = new ArrayList<>();

    private OpenApiDocument(JsonNode root) {
        this.root = root;
        Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (METHODS.contains(method.getKey())) {
                    operations.add(operation(path.getKey(), method.getKey(), method.getValue()));
                }
            }
        }
    }

    public static OpenApiDocument read(Path file) {
        try {
            return new OpenApiDocument(new ObjectMapper(new YAMLFactory()).readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenAPI document " + file, e);
        }
    }

    public List<Operation> operations() {
        return operations;
    }

    /** Every role some operation of the document allows. */
    public Set<String> roles() {
        Set<String> roles = new LinkedHashSet<>();
        operations.forEach(o -> roles.addAll(o.roles()));
        return roles;
    }

    private Operation operation(String path, String method, JsonNode node) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode p : node.path("parameters")) {
            JsonNode parameter = resolve(p);
            parameters.add(new Parameter(parameter.path("name").asText(), parameter.path("in").asText(),
                    parameter.path("required").asBoolean(false), resolve(parameter.path("schema"))));
        }
        JsonNode body = null;
        JsonNode requestBody = resolve(node.path("requestBody"));
        JsonNode json = requestBody.path("content").path("application/json").path("schema");
        if (!json.isMissingNode()) {
            body = resolve(json);
        }
        List<String> roles = new ArrayList<>();
        for (JsonNode requirement : node.path("security")) {
            requirement.fields().forEachRemaining(scheme -> scheme.getValue().forEach(r -> roles.add(r.asText())));
        }
        return new Operation(node.path("operationId").asText(method + " " + path), method.toUpperCase(Locale.ROOT),
                path, List.copyOf(parameters), body, requestBody.path("required").asBoolean(false), List.copyOf(roles));
    }

    /** A copy of the schema with every {@code $ref} replaced by what it names, merged with its siblings. */
    JsonNode resolve(JsonNode schema) {
        return resolve(schema, 0);
    }

    private JsonNode resolve(JsonNode schema, int depth) {
        if (depth > 32 || schema == null || !schema.isContainerNode()) {
            return schema;
        }
        if (schema.isArray()) {
            var out = schema.deepCopy();
            for (int i = 0; i < out.size(); i++) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) out).set(i, resolve(out.get(i), depth + 1));
            }
            return out;
        }
        ObjectNode out = ((ObjectNode) schema).objectNode();
        if (schema.has("$ref")) {
            JsonNode target = root.at(schema.get("$ref").asText().substring(1));
            JsonNode resolved = resolve(target, depth + 1);
            if (resolved != null && resolved.isObject()) {
                out.setAll((ObjectNode) resolved);
            }
        }
        schema.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("$ref")) {
                out.set(field.getKey(), field.getKey().equals("examples") || field.getKey().equals("enum")
                        ? field.getValue()
                        : resolve(field.getValue(), depth + 1));
            }
        });
        return out;
    }
}
