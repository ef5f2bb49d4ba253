package io.xunshi.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSigningKeyTest {

    @TempDir
    Path dir;

    private JwtConsumer verifierOf(LocalSigningKey key) throws Exception {
        String pem = Files.readString(key.publicKeyFile()).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PublicKey publicKey = KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        return new JwtConsumerBuilder().setVerificationKey(publicKey).setExpectedIssuer(LocalSigningKey.ISSUER)
                .setExpectedAudience(LocalSigningKey.AUDIENCE)
                .setRequireExpirationTime().build();
    }

    @Test
    void a_minted_token_verifies_with_the_published_key_and_carries_roles_and_jurisdiction() throws Exception {
        LocalSigningKey key = new LocalSigningKey(new DataLayout(dir));

        String token = key.sign("office@440000", List.of("inspection-office", "auditor"), "440000",
                Duration.ofHours(1));

        JwtClaims claims = verifierOf(key).processToClaims(token);
        assertThat(claims.getSubject()).isEqualTo("office@440000");
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("inspection-office", "auditor");
        assertThat(claims.getStringClaimValue("jurisdiction")).isEqualTo("440000");
        assertThat(Files.getPosixFilePermissions(dir.resolve("secrets/jwt-signing-key.pem")))
                .extracting(Object::toString).containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
    }

    @Test
    void a_token_for_an_owner_names_the_organisation_it_acts_for_and_one_without_names_none() throws Exception {
        LocalSigningKey key = new LocalSigningKey(new DataLayout(dir));

        String owner = key.sign("owner@330000", List.of("rectification-owner"), "330000", "org-330000",
                Duration.ofHours(1));
        String office = key.sign("office@330000", List.of("inspection-office"), "330000", Duration.ofHours(1));

        assertThat(verifierOf(key).processToClaims(owner).getStringClaimValue("organisation")).isEqualTo("org-330000");
        assertThat(verifierOf(key).processToClaims(office).hasClaim("organisation")).isFalse();
    }

    @Test
    void the_key_is_kept_so_tokens_outlive_a_restart_and_another_data_directory_does_not_trust_them()
            throws Exception {
        String token = new LocalSigningKey(new DataLayout(dir)).sign("a", List.of("auditor"), "000000",
                Duration.ofHours(1));

        assertThat(verifierOf(new LocalSigningKey(new DataLayout(dir))).processToClaims(token).getSubject())
                .isEqualTo("a");
        JwtConsumer stranger = verifierOf(new LocalSigningKey(new DataLayout(dir.resolve("other"))));
        assertThatThrownBy(() -> stranger.processToClaims(token)).isInstanceOf(InvalidJwtException.class);
    }
}
