package io.xunshi.kernel.security;

import java.util.Set;

import io.xunshi.kernel.domain.Jurisdictions;

/**
 * Who is calling: the token's subject, its roles, its home jurisdiction, and the organisation it acts for
 * ({@code organisation} claim; null when the token names none, as an office's or a team's does).
 */
public record Caller(String subject, Set<String> roles, String jurisdiction, String organisation) {

    public Caller(String subject, Set<String> roles, String jurisdiction) {
        this(subject, roles, jurisdiction, null);
    }

    /** Whether the caller acts for this organisation. */
    public boolean actsFor(String organisationId) {
        return organisation != null && organisation.equals(organisationId);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** True when the jurisdiction lies in the caller's subtree. */
    public boolean covers(String targetJurisdiction) {
        return Jurisdictions.contains(jurisdiction, targetJurisdiction);
    }
}
