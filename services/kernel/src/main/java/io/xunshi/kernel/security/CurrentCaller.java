package io.xunshi.kernel.security;

import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.UnauthorizedException;
import io.xunshi.kernel.api.ProblemException;
import io.xunshi.kernel.api.ProblemType;
import io.xunshi.kernel.domain.Jurisdictions;

/**
 * The caller of the current request, from its verified bearer token, and the checks that keep every read
 * and write inside the caller's jurisdiction subtree.
 */
@RequestScoped
public class CurrentCaller {

    /** The claim that names the caller's home jurisdiction (a GB/T 2260 code, or the Centre). */
    public static final String JURISDICTION_CLAIM = "jurisdiction";
    /**
     * The claim that names the organisation the caller acts for (an organisation id of the directory), which a
     * rectification owner needs to act on its organisation's cases; set by the identity provider, never by
     * the user.
     */
    public static final String ORGANISATION_CLAIM = "organisation";

    @Inject
    JsonWebToken token;

    /** The caller; a request without a valid token is answered 401. */
    public Caller get() {
        if (token == null || token.getRawToken() == null) {
            throw new UnauthorizedException();
        }
        // A signed token may still carry a claim of any JSON type: only a string can name a jurisdiction.
        Object claim = token.getClaim(JURISDICTION_CLAIM);
        String jurisdiction = claim instanceof String text ? text : null;
        if (!Jurisdictions.isValid(jurisdiction)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "the token names no valid home jurisdiction");
        }
        if (token.getSubject() == null || token.getSubject().isBlank()) {
            throw new ProblemException(ProblemType.FORBIDDEN, "the token names no subject");
        }
        Object organisationClaim = token.getClaim(ORGANISATION_CLAIM);
        if (organisationClaim != null && !(organisationClaim instanceof String named && !named.isBlank())) {
            throw new ProblemException(ProblemType.FORBIDDEN, "the token's organisation claim is not an organisation"
                    + " id");
        }
        Set<String> groups = token.getGroups();
        return new Caller(token.getSubject(), groups == null ? Set.of() : Set.copyOf(groups), jurisdiction,
                (String) organisationClaim);
    }

    /** Refuses (403) a write outside the caller's subtree. */
    public static void requireWithin(Caller caller, String jurisdiction) {
        if (!caller.covers(jurisdiction)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "jurisdiction " + jurisdiction
                    + " lies outside the caller's jurisdiction " + caller.jurisdiction());
        }
    }

    /**
     * Hides (404) a resource outside the caller's subtree, so that not even its existence leaks; the
     * answer is the same as for an id that does not exist.
     */
    public static void requireVisible(Caller caller, String jurisdiction, String what) {
        if (!caller.covers(jurisdiction)) {
            throw new ProblemException(ProblemType.NOT_FOUND, what + " not found");
        }
    }
}
