package io.xunshi.testing.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The operations a published OpenAPI document ({@code contracts/openapi/<service>.yaml}) declares, with the
 * roles of their security requirements. SmallRye OpenAPI writes those requirements from the resources'
 * {@code @RolesAllowed}, so the document itself says who may call what.
 */
public final class OpenApiOperations {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private OpenApiOperations() {
    }

    /** Every operation of the document, in path order then method order. */
    public static List<Operation> read(Path document) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(document));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenAPI document " + document, e);
        }
        List<Operation> operations = new ArrayList<>();
        root.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (!METHODS.contains(method.getKey())) {
                return;
            }
            JsonNode operation = method.getValue();
            Set<String> roles = new LinkedHashSet<>();
            operation.path("security").forEach(requirement -> requirement.fields()
                    .forEachRemaining(scheme -> scheme.getValue().forEach(role -> roles.add(role.asText()))));
            operations.add(new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                    operation.path("operationId").asText(null), operation.path("summary").asText(""), roles));
        }));
        operations.sort(Comparator.comparing(Operation::path).thenComparing(Operation::method));
        return operations;
    }
}
