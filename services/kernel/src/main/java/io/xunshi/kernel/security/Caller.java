package io.xunshi.kernel.security;

import java.util.Set;

import io.xunshi.kernel.domain.Jurisdictions;

/** Who is calling: the token's subject, its roles, and its home jurisdiction. */
public record Caller(String subject, Set<String> roles, String jurisdiction) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** True when the jurisdiction lies in the caller's subtree. */
    public boolean covers(String targetJurisdiction) {
        return Jurisdictions.contains(jurisdiction, targetJurisdiction);
    }
}
