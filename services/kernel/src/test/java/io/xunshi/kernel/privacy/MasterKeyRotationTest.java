package io.xunshi.kernel.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.testing.RealInfrastructureResource;

/**
 * Rotating the master key on the real database: subject keys keep the id of the master key that wrapped them, an
 * older id's keys open while its key is configured, and a rewrap moves them to the current one.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class MasterKeyRotationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    PersonalDataVault vault;

    @Inject
    Pool pool;

    @ConfigProperty(name = "xunshi.privacy.master-key")
    String testKey;

    private String keyIdOf(String subject) {
        return pool.preparedQuery("SELECT master_key_id FROM subject_keys WHERE subject_id = $1")
                .execute(Tuple.of(subject)).await().atMost(WAIT).iterator().next().getString("master_key_id");
    }

    private static ObjectNode carrying(JsonNode sealed) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.set("reporterName", sealed);
        return payload;
    }

    private String opened(PersonalDataVault by, JsonNode sealed) {
        return by.unseal(carrying(sealed)).await().atMost(WAIT).get("reporterName").asText();
    }

    @Test
    void keys_wrapped_under_an_older_id_open_while_it_is_configured_and_a_rewrap_moves_them_to_the_current_one() {
        String v2 = MasterKeysTest.newKey();
        PersonalDataVault rotated = new PersonalDataVault(pool,
                MasterKeys.of("v2", Optional.empty(), Optional.of(v2)).withOlder("v1", testKey), false);
        PersonalDataVault v2Only = new PersonalDataVault(pool, MasterKeys.of("v2", Optional.empty(), Optional.of(v2)),
                false);
        PersonalDataVault back = new PersonalDataVault(pool,
                MasterKeys.of("v1", Optional.empty(), Optional.of(testKey)).withOlder("v2", v2), false);
        String before = "reporter-" + UUID.randomUUID();
        JsonNode oldValue = vault.seal(before, "孙八").await().atMost(WAIT);
        assertThat(vault.currentMasterKeyId()).isEqualTo("v1");
        assertThat(keyIdOf(before)).isEqualTo("v1");
        try {
            // Rotated: v2 wraps new keys, v1 still opens the old ones.
            assertThat(opened(rotated, oldValue)).isEqualTo("孙八");
            String after = "reporter-" + UUID.randomUUID();
            JsonNode newValue = rotated.seal(after, "周九").await().atMost(WAIT);
            assertThat(keyIdOf(after)).isEqualTo("v2");
            assertThat(opened(rotated, newValue)).isEqualTo("周九");
            // Without v1 an old key cannot be opened, and the failure names the id to put back, not a key.
            assertThatThrownBy(() -> opened(v2Only, oldValue)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("wrapped with master key v1, which is not configured");

            PersonalDataVault.RewrapReport report = rotated.rewrap().await().atMost(WAIT);
            assertThat(report.rewrapped()).isPositive();
            assertThat(report.remaining()).isEmpty();
            assertThat(rotated.keysByMasterKey().await().atMost(WAIT)).containsOnlyKeys("v2");
            assertThat(keyIdOf(before)).isEqualTo("v2");
            // Now v1 may go: the old value opens with v2 alone, the sealed value itself unchanged.
            assertThat(opened(v2Only, oldValue)).isEqualTo("孙八");
            assertThat(rotated.rewrap().await().atMost(WAIT).rewrapped()).isZero();
        } finally {
            // The other tests of this database run with v1 only: rewrap everything back.
            back.rewrap().await().atMost(WAIT);
        }
        assertThat(keyIdOf(before)).isEqualTo("v1");
        assertThat(opened(vault, oldValue)).isEqualTo("孙八");
    }

    @Test
    void an_erased_subject_stays_erased_under_a_new_master_key() {
        String subject = "reporter-" + UUID.randomUUID();
        JsonNode sealed = vault.seal(subject, "吴十").await().atMost(WAIT);
        vault.erase(subject, "request of the reporter").await().atMost(WAIT);
        PersonalDataVault rotated = new PersonalDataVault(pool,
                MasterKeys.of("v2", Optional.empty(), Optional.of(MasterKeysTest.newKey())).withOlder("v1", testKey),
                false);
        assertThat(rotated.unseal(carrying(sealed)).await().atMost(WAIT).get("reporterName").get("erased").asBoolean())
                .isTrue();
        assertThatThrownBy(() -> rotated.seal(subject, "吴十").await().atMost(WAIT)).isInstanceOf(SubjectErased.class);
    }
}
