package io.xunshi.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * The local stand-in for an OIDC issuer: an RSA key pair kept in the data directory (made on first use,
 * the private half readable by its owner only). The services of a local platform verify bearer tokens
 * with its public half; {@code xunshi token} signs development tokens with its private half.
 */
final class LocalSigningKey {

    static final String ISSUER = "urn:xunshi:local";
    /** The audience the services expect (mp.jwt.verify.audiences in the kernel's configuration). */
    static final String AUDIENCE = "xunshi";
    static final String JURISDICTION_CLAIM = "jurisdiction";

    private final LocalSecrets secrets;
    private final Path privateKeyFile;
    private final Path publicKeyFile;

    LocalSigningKey(DataLayout data) {
        this.secrets = new LocalSecrets(data);
        Path secrets = data.root().resolve("secrets");
        this.privateKeyFile = secrets.resolve("jwt-signing-key.pem");
        this.publicKeyFile = secrets.resolve("jwt-verification-key.pem");
    }

    /** The PEM file of the public key, made together with the private key if neither exists yet. */
    Path publicKeyFile() {
        ensure();
        return publicKeyFile;
    }

    String sign(String subject, List<String> roles, String jurisdiction, Duration validFor) {
        return sign(subject, roles, jurisdiction, null, validFor);
    }

    /** A token for a caller acting for an organisation ({@code organisation} claim), or for none when null. */
    String sign(String subject, List<String> roles, String jurisdiction, String organisation, Duration validFor) {
        ensure();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setSubject(subject);
        claims.setClaim("upn", subject);
        claims.setStringListClaim("groups", roles);
        claims.setClaim(JURISDICTION_CLAIM, jurisdiction);
        if (organisation != null) {
            claims.setClaim("organisation", organisation);
        }
        claims.setJwtId(UUID.randomUUID().toString());
        Instant now = Instant.now();
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(validFor).getEpochSecond()));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(privateKey());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("could not sign the token", e);
        }
    }

    private PrivateKey privateKey() {
        try {
            String pem = Files.readString(privateKeyFile).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
                    .decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(privateKeyFile + " holds no RSA private key", e);
        }
    }

    private synchronized void ensure() {
        if (Files.exists(privateKeyFile) && Files.exists(publicKeyFile)) {
            return;
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            secrets.directory();
            Files.deleteIfExists(privateKeyFile);
            Files.writeString(Files.createFile(privateKeyFile,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
                    pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(publicKeyFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is required of every Java platform", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
