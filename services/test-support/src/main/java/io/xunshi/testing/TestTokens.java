package io.xunshi.testing;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Bearer tokens for tests, signed by a key pair made for this JVM; {@link RealInfrastructureResource}
 * makes the services trust its public key. Also tokens that must be refused: expired, or signed by a
 * key nobody trusts.
 */
public final class TestTokens {

    public static final String ISSUER = "urn:xunshi:local";
    /** The audience the services expect ({@code mp.jwt.verify.audiences}). */
    public static final String AUDIENCE = "xunshi";

    private static final KeyPair TRUSTED = rsa();
    private static final KeyPair STRANGER = rsa();
    private static final Duration VALID_FOR = Duration.ofMinutes(10);

    private TestTokens() {
    }

    /** An {@code Authorization} header value for a caller with one role in one jurisdiction. */
    public static String bearer(String role, String jurisdiction) {
        return signed(claims("user-" + role + "-" + jurisdiction, Set.of(role), jurisdiction, VALID_FOR));
    }

    /**
     * A caller with one role in one jurisdiction acting for an organisation ({@code organisation} claim), as a
     * rectification owner does.
     */
    public static String bearer(String role, String jurisdiction, String organisation) {
        return signed(claims("user-" + role + "-" + organisation, Set.of(role), jurisdiction, VALID_FOR)
                .claim("organisation", organisation));
    }

    public static String bearer(String subject, Set<String> roles, String jurisdiction) {
        return signed(claims(subject, roles, jurisdiction, VALID_FOR));
    }

    public static String expired(String role, String jurisdiction) {
        return signed(claims("user-" + UUID.randomUUID(), Set.of(role), jurisdiction, VALID_FOR.negated()));
    }

    public static String signedByStranger(String role, String jurisdiction) {
        return "Bearer " + claims("user-" + UUID.randomUUID(), Set.of(role), jurisdiction, VALID_FOR)
                .sign(STRANGER.getPrivate());
    }

    /**
     * A token signed by the trusted key with exactly these claims besides issuer, audience, issue and expiry
     * times: for tokens that are genuine but say something wrong (no jurisdiction, a jurisdiction that is no
     * string, no roles).
     */
    public static String signedWithClaims(java.util.Map<String, Object> claims) {
        Instant now = Instant.now();
        JwtClaimsBuilder builder = Jwt.issuer(ISSUER).audience(AUDIENCE).issuedAt(now).expiresAt(now.plus(VALID_FOR));
        claims.forEach(builder::claim);
        return signed(builder);
    }

    /** A token signed by the trusted key but naming no audience: the services must refuse it. */
    public static String withoutAudience(String role, String jurisdiction) {
        return signed(claims("user-" + role, Set.of(role), jurisdiction, VALID_FOR).remove("aud"));
    }

    /** A token signed by the trusted key for the platform's audience but from another issuer: refused too. */
    public static String fromIssuer(String issuer, String role, String jurisdiction) {
        return signed(claims("user-" + role, Set.of(role), jurisdiction, VALID_FOR).issuer(issuer));
    }

    /** The trusted public key, PEM-encoded, for {@code mp.jwt.verify.publickey}. */
    public static String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(TRUSTED.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----";
    }

    /** The claims of a genuine token: the local issuer, the platform's audience, a subject, roles, a home. */
    private static JwtClaimsBuilder claims(String subject, Set<String> roles, String jurisdiction, Duration validFor) {
        Instant now = Instant.now();
        Instant expires = now.plus(validFor);
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).upn(subject).groups(roles)
                .claim("jurisdiction", jurisdiction)
                .issuedAt(validFor.isNegative() ? expires.minus(Duration.ofMinutes(20)) : now).expiresAt(expires);
    }

    private static String signed(JwtClaimsBuilder claims) {
        return "Bearer " + claims.sign(TRUSTED.getPrivate());
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
