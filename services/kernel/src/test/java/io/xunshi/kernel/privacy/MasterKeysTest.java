package io.xunshi.kernel.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeysTest {

    @TempDir
    Path dir;

    static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    static PrivacyConfig config(String id, Optional<Path> dir, Optional<String> key) {
        return new PrivacyConfig() {

            public String masterKeyId() {
                return id;
            }

            public Optional<Path> masterKeysDir() {
                return dir;
            }

            public Optional<String> masterKey() {
                return key;
            }

            public boolean rewrapOnStart() {
                return false;
            }
        };
    }

    @Test
    void the_master_key_alone_is_the_key_of_the_current_id_v1_by_default() {
        MasterKeys keys = MasterKeys.from(config(MasterKeys.DEFAULT_ID, Optional.empty(), Optional.of(newKey())));
        assertThat(keys.currentId()).isEqualTo("v1");
        assertThat(keys.ids()).containsExactly("v1");
    }

    @Test
    void a_keys_directory_holds_one_key_per_file_named_by_its_id_and_its_dot_files_are_passed_over()
            throws IOException {
        Files.writeString(dir.resolve("v1"), newKey() + "\n");
        Files.writeString(dir.resolve("v2"), newKey());
        Files.createDirectory(dir.resolve("..2026_01_01"));
        Files.writeString(dir.resolve("..data"), "not a key");
        MasterKeys keys = MasterKeys.from(config("v2", Optional.of(dir), Optional.empty()));
        assertThat(keys.currentId()).isEqualTo("v2");
        assertThat(keys.ids()).containsExactly("v1", "v2");
        assertThat(keys.get("v1")).isPresent();
        assertThat(keys.get("v0")).isEmpty();
    }

    @Test
    void the_service_does_not_start_when_the_current_id_has_no_key_and_says_what_to_set() throws IOException {
        Files.writeString(dir.resolve("v1"), newKey());
        assertThatThrownBy(() -> MasterKeys.from(config("v2", Optional.of(dir), Optional.empty())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no master key for the current id v2")
                .hasMessageContaining("XUNSHI_PRIVACY_MASTER_KEYS_DIR").hasMessageContaining("[v1]");
        assertThatThrownBy(() -> MasterKeys.from(config("v1", Optional.empty(), Optional.empty())))
                .hasMessageContaining("XUNSHI_PRIVACY_MASTER_KEY");
        // The vault builds its keys in its constructor, which runs at startup (it observes StartupEvent).
        assertThatThrownBy(() -> new PersonalDataVault(null, config("v3", Optional.of(dir), Optional.empty())))
                .hasMessageContaining("no master key for the current id v3");
    }

    @Test
    void the_master_key_and_the_directory_must_agree_on_the_current_id() throws IOException {
        String key = newKey();
        Files.writeString(dir.resolve("v1"), key);
        assertThat(MasterKeys.from(config("v1", Optional.of(dir), Optional.of(key))).ids()).containsExactly("v1");
        assertThatThrownBy(() -> MasterKeys.from(config("v1", Optional.of(dir), Optional.of(newKey()))))
                .hasMessageContaining("hold different keys for the current id v1");
    }

    @Test
    void a_key_that_is_not_base64_of_32_bytes_or_a_badly_named_file_is_refused_without_showing_the_key()
            throws IOException {
        assertThatThrownBy(() -> MasterKeys.from(config("v1", Optional.empty(), Optional.of("c2hvcnQ="))))
                .hasMessageContaining("base64 of 32 bytes; it holds 5").hasMessageNotContaining("c2hvcnQ=");
        assertThatThrownBy(() -> MasterKeys.from(config("v1", Optional.empty(), Optional.of("not base64!"))))
                .hasMessageContaining("it is not base64").hasMessageNotContaining("not base64!");
        Files.writeString(dir.resolve("v 2"), newKey());
        assertThatThrownBy(() -> MasterKeys.from(config("v1", Optional.of(dir), Optional.of(newKey()))))
                .hasMessageContaining("is not named as a key id");
        assertThatThrownBy(() -> MasterKeys.from(config("../v1", Optional.empty(), Optional.of(newKey()))))
                .hasMessageContaining("xunshi.privacy.master-key-id must be");
        assertThatThrownBy(() -> MasterKeys.from(config("v1", Optional.of(dir.resolve("absent")), Optional.empty())))
                .hasMessageContaining("is not a directory");
    }
}
