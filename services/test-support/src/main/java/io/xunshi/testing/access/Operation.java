package io.xunshi.testing.access;

import java.util.Set;

/**
 * One operation of a service's OpenAPI document: its method and path, its summary, its operation id, and
 * the roles its security requirement names (from the resource's {@code @RolesAllowed}).
 */
public record Operation(String method, String path, String operationId, String summary, Set<String> roles) {

    public Operation {
        roles = Set.copyOf(roles);
    }

    /** {@code GET /api/v1/plans}. */
    public String key() {
        return method + " " + path;
    }
}
