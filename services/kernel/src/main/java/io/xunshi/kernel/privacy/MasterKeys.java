package io.xunshi.kernel.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The master keys, by id, and which of them wraps new subject keys. Built once at startup from
 * {@link PrivacyConfig}; every failure names the setting to fix and never the key.
 */
public final class MasterKeys {

    /** The id of the master key when none is configured, and of subject keys wrapped before ids existed. */
    public static final String DEFAULT_ID = "v1";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final String currentId;
    private final Map<String, SecretKey> keys;

    private MasterKeys(String currentId, Map<String, SecretKey> keys) {
        this.currentId = currentId;
        this.keys = Collections.unmodifiableMap(keys);
    }

    /** From the configuration: the keys directory, then {@code master-key} as the current id's key. */
    public static MasterKeys from(PrivacyConfig config) {
        return of(config.masterKeyId(), config.masterKeysDir(), config.masterKey());
    }

    static MasterKeys of(String currentId, Optional<Path> directory, Optional<String> currentKey) {
        if (currentId == null || !ID.matcher(currentId).matches()) {
            throw new IllegalStateException("xunshi.privacy.master-key-id must be 1 to 64 letters, digits, '.', '_'"
                    + " or '-', starting with a letter or digit");
        }
        Map<String, SecretKey> keys = new TreeMap<>();
        directory.ifPresent(dir -> keys.putAll(readDirectory(dir)));
        if (currentKey.isPresent() && !currentKey.get().isBlank()) {
            SecretKey given = decode(currentKey.get().strip(), "xunshi.privacy.master-key");
            SecretKey inDirectory = keys.get(currentId);
            if (inDirectory != null
                    && !java.security.MessageDigest.isEqual(inDirectory.getEncoded(), given.getEncoded())) {
                throw new IllegalStateException("xunshi.privacy.master-key and the file " + currentId + " of"
                        + " xunshi.privacy.master-keys-dir hold different keys for the current id " + currentId
                        + ": configure one of them");
            }
            keys.put(currentId, given);
        }
        if (!keys.containsKey(currentId)) {
            throw new IllegalStateException("no master key for the current id " + currentId
                    + " (xunshi.privacy.master-key-id): set xunshi.privacy.master-key (XUNSHI_PRIVACY_MASTER_KEY) or put"
                    + " a file named " + currentId
                    + " in xunshi.privacy.master-keys-dir (XUNSHI_PRIVACY_MASTER_KEYS_DIR)"
                    + directory.map(d -> ", now " + d + " with " + keys.keySet()).orElse(", which is not set"));
        }
        return new MasterKeys(currentId, keys);
    }

    private static Map<String, SecretKey> readDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("xunshi.privacy.master-keys-dir " + dir + " is not a directory");
        }
        Map<String, SecretKey> keys = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String id = file.getFileName().toString();
                if (id.startsWith(".") || Files.isDirectory(file)) {
                    continue;
                }
                if (!ID.matcher(id).matches()) {
                    throw new IllegalStateException("the file " + id + " of xunshi.privacy.master-keys-dir " + dir
                            + " is not named as a key id (1 to 64 letters, digits, '.', '_' or '-')");
                }
                keys.put(id, decode(Files.readString(file, StandardCharsets.US_ASCII).strip(),
                        "the file " + id + " of xunshi.privacy.master-keys-dir"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read xunshi.privacy.master-keys-dir " + dir, e);
        }
        return keys;
    }

    private static SecretKey decode(String base64, String where) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + " must be base64 of 32 bytes; it is not base64");
        }
        if (key.length != 32) {
            throw new IllegalStateException(where + " must be base64 of 32 bytes; it holds " + key.length);
        }
        return new SecretKeySpec(key, "AES");
    }

    /** These keys and {@code key} (base64) under the older {@code id}, as a keys directory would add it. */
    MasterKeys withOlder(String id, String key) {
        Map<String, SecretKey> more = new TreeMap<>(keys);
        more.put(id, decode(key, "the key " + id));
        return new MasterKeys(currentId, more);
    }

    /** The id new subject keys are wrapped with. */
    public String currentId() {
        return currentId;
    }

    SecretKey current() {
        return keys.get(currentId);
    }

    /** The key of {@code id}, or empty when it is not configured (any more). */
    Optional<SecretKey> get(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    /** The ids of every configured key. */
    public java.util.Set<String> ids() {
        return keys.keySet();
    }
}
