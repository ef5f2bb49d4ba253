package io.xunshi.testing.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.xunshi.testing.TestTokens;
import io.xunshi.testing.fuzz.OpenApiDocument.Operation;

/**
 * The bearer tokens the fuzzer sends: genuine ones with the operation's roles in the home jurisdiction or in
 * a jurisdiction outside it, and every kind a service must refuse.
 */
final class FuzzTokens {

    private final String home;
    private final String foreign;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    FuzzTokens(String home, String foreign) {
        this.home = home;
        this.foreign = foreign;
    }

    String valid(Operation op) {
        return cache.computeIfAbsent("valid " + op.id(), k -> TestTokens.bearer("fuzz-" + home, roles(op), home));
    }

    String foreign(Operation op) {
        return cache.computeIfAbsent("foreign " + op.id(),
                k -> TestTokens.bearer("fuzz-" + foreign, roles(op), foreign));
    }

    String withRole(String role) {
        return cache.computeIfAbsent("role " + role, k -> TestTokens.bearer(role, home));
    }

    String expired(Operation op) {
        return cache.computeIfAbsent("expired " + op.id(), k -> TestTokens.expired(first(op), home));
    }

    String foreignKey(Operation op) {
        return cache.computeIfAbsent("stranger " + op.id(), k -> TestTokens.signedByStranger(first(op), home));
    }

    /** A token that claims everything a valid one does but is not signed at all ({@code alg: none}). */
    String unsigned(Operation op) {
        String claims = "{\"iss\":\"" + TestTokens.ISSUER + "\",\"sub\":\"fuzz\",\"groups\":[\"" + first(op)
                + "\"],\"jurisdiction\":\"" + home + "\",\"exp\":" + (System.currentTimeMillis() / 1000 + 600) + "}";
        return "Bearer " + b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(claims) + ".";
    }

    /** A genuine token whose jurisdiction claim is the given value, or absent when it is null. */
    String withJurisdiction(Operation op, Object jurisdiction) {
        return cache.computeIfAbsent("jurisdiction " + op.id() + " " + jurisdiction, k -> {
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("sub", "fuzz-claims");
            claims.put("upn", "fuzz-claims");
            claims.put("groups", List.copyOf(roles(op)));
            if (jurisdiction != null) {
                claims.put("jurisdiction", jurisdiction);
            }
            return TestTokens.signedWithClaims(claims);
        });
    }

    /** A genuine token with the operation's roles and the home jurisdiction, but naming nobody. */
    String withoutSubject(Operation op) {
        return cache.computeIfAbsent("no subject " + op.id(), k -> {
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("groups", List.copyOf(roles(op)));
            claims.put("jurisdiction", home);
            return TestTokens.signedWithClaims(claims);
        });
    }

    /** A genuine token without subject and roles. */
    String withoutRoles(Operation op) {
        return cache.computeIfAbsent("no roles", k -> {
            Map<String, Object> claims = new HashMap<>();
            claims.put("jurisdiction", home);
            return TestTokens.signedWithClaims(claims);
        });
    }

    private static Set<String> roles(Operation op) {
        return op.roles().isEmpty() ? Set.of("inspection-office") : new LinkedHashSet<>(op.roles());
    }

    private static String first(Operation op) {
        return op.roles().isEmpty() ? "inspection-office" : op.roles().get(0);
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
