package io.xunshi.testing;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

import io.smallrye.jwt.build.Jwt;

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

    private TestTokens() {
    }

    /** An {@code Authorization} header value for a caller with one role in one jurisdiction. */
    public static String bearer(String role, String jurisdiction) {
        return "Bearer " + token("user-" + role + "-" + jurisdiction, Set.of(role), jurisdiction,
                Duration.ofMinutes(10), TRUSTED.getPrivate());
    }

    /**
     * A caller with one role in one jurisdiction acting for an organisation ({@code organisation} claim), as a
     * rectification owner does.
     */
    public static String bearer(String role, String jurisdiction, String organisation) {
        Instant now = Instant.now();
        return "Bearer " + Jwt.issuer(ISSUER).audience(AUDIENCE).subject("user-" + role + "-" + organisation)
                .upn("user-" + role + "-"
                        + organisation)
                .groups(Set.of(role)).claim("jurisdiction", jurisdiction)
                .claim("organisation", organisation).issuedAt(now).expiresAt(now.plus(Duration.ofMinutes(10)))
                .sign(TRUSTED.getPrivate());
    }

    public static String bearer(String subject, Set<String> roles, String jurisdiction) {
        return "Bearer " + token(subject, roles, jurisdiction, Duration.ofMinutes(10), TRUSTED.getPrivate());
    }

    public static String expired(String role, String jurisdiction) {
        return "Bearer " + token("user-" + UUID.randomUUID(), Set.of(role), jurisdiction, Duration.ofMinutes(-10),
                TRUSTED.getPrivate());
    }

    public static String signedByStranger(String role, String jurisdiction) {
        return "Bearer " + token("user-" + UUID.randomUUID(), Set.of(role), jurisdiction, Duration.ofMinutes(10),
                STRANGER.getPrivate());
    }

    /**
     * A token signed by the trusted key with exactly these claims besides issuer, issue and expiry times: for
     * tokens that are genuine but say something wrong (no jurisdiction, a jurisdiction that is no string, no
     * roles).
     */
    public static String signedWithClaims(java.util.Map<String, Object> claims) {
        Instant now = Instant.now();
        var builder = Jwt.issuer(ISSUER).audience(AUDIENCE).issuedAt(now).expiresAt(now.plus(Duration.ofMinutes(10)));
        claims.forEach(builder::claim);
        return "Bearer " + builder.sign(TRUSTED.getPrivate());
    }

    /** A token signed by the trusted key but naming no audience: the services must refuse it. */
    public static String withoutAudience(String role, String jurisdiction) {
        Instant now = Instant.now();
        return "Bearer " + Jwt.issuer(ISSUER).subject("user-" + role).groups(Set.of(role))
                .claim("jurisdiction", jurisdiction).issuedAt(now).expiresAt(now.plus(Duration.ofMinutes(10)))
                .sign(TRUSTED.getPrivate());
    }

    /** A token signed by the trusted key for the platform's audience but from another issuer: refused too. */
    public static String fromIssuer(String issuer, String role, String jurisdiction) {
        Instant now = Instant.now();
        return "Bearer " + Jwt.issuer(issuer).audience(AUDIENCE).subject("user-" + role).groups(Set.of(role))
                .claim("jurisdiction", jurisdiction).issuedAt(now).expiresAt(now.plus(Duration.ofMinutes(10)))
                .sign(TRUSTED.getPrivate());
    }

    /** The trusted public key, PEM-encoded, for {@code mp.jwt.verify.publickey}. */
    public static String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(TRUSTED.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----";
    }

    private static String token(String subject, Set<String> roles, String jurisdiction, Duration validFor,
            PrivateKey key) {
        Instant now = Instant.now();
        Instant expires = now.plus(validFor);
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .upn(subject)
                .groups(roles)
                .claim("jurisdiction", jurisdiction)
                .issuedAt(validFor.isNegative() ? expires.minus(Duration.ofMinutes(20)) : now)
                .expiresAt(expires)
                .sign(key);
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
