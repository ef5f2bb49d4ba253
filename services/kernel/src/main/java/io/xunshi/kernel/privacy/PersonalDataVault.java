package io.xunshi.kernel.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Crypto-shredding for personal data. A personal value is never written in clear into an event: it is
 * sealed (AES-256-GCM) under a key of its own subject, kept in {@code subject_keys} apart from the
 * events and itself wrapped by a master key from configuration. Erasing the subject deletes that key:
 * the sealed values — in the store, on Kafka, in any projection rebuilt later — can no longer be
 * opened, while the events stay byte for byte as written and their hash chain still verifies.
 *
 * <p>A sealed value is a JSON object {@code {"sealed":"A256GCM","subject":…,"iv":…,"data":…}}; unsealing
 * turns it back into the text, or into {@code {"erased":true,"subject":…}} once the key is gone.
 */
@ApplicationScoped
public class PersonalDataVault {

    static final String ALGORITHM = "A256GCM";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Pool pool;
    private final SecretKey masterKey;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public PersonalDataVault(Pool pool, PrivacyConfig config) {
        this.pool = pool;
        byte[] master = Base64.getDecoder().decode(config.masterKey());
        if (master.length != 32) {
            throw new IllegalArgumentException("xunshi.privacy.master-key must be base64 of 32 bytes");
        }
        this.masterKey = new SecretKeySpec(master, "AES");
    }

    /**
     * Seals a personal value under its subject's key, creating the key on first use. Runs in a
     * transaction of its own, before the event that carries the value is appended.
     */
    public Uni<JsonNode> seal(String subjectId, String value) {
        return subjectKey(subjectId).map(key -> {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            byte[] data = crypt(Cipher.ENCRYPT_MODE, key, iv, subjectId, value.getBytes(StandardCharsets.UTF_8));
            ObjectNode sealed = JsonNodeFactory.instance.objectNode();
            sealed.put("sealed", ALGORITHM);
            sealed.put("subject", subjectId);
            sealed.put("iv", Base64.getEncoder().encodeToString(iv));
            sealed.put("data", Base64.getEncoder().encodeToString(data));
            return sealed;
        });
    }

    /** A copy of {@code payload} with every sealed value opened, or marked erased where its key is gone. */
    public Uni<JsonNode> unseal(JsonNode payload) {
        Set<String> subjects = new HashSet<>();
        collectSubjects(payload, subjects);
        if (subjects.isEmpty()) {
            return Uni.createFrom().item(payload);
        }
        return pool.preparedQuery("SELECT subject_id, key_bytes FROM subject_keys WHERE subject_id = ANY($1)")
                .execute(Tuple.of(subjects.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, SecretKey> keys = new HashMap<>();
                    for (Row row : rows) {
                        keys.put(row.getString("subject_id"), unwrap(row));
                    }
                    return open(payload.deepCopy(), keys);
                });
    }

    /**
     * Erases a subject: deletes its key and records the erasure (never the key), so that no new value is
     * ever sealed for it again. Idempotent.
     */
    public Uni<Void> erase(String subjectId, String reason) {
        return pool.withTransaction(conn -> conn
                .preparedQuery("DELETE FROM subject_keys WHERE subject_id = $1").execute(Tuple.of(subjectId))
                .flatMap(deleted -> conn.preparedQuery("INSERT INTO subject_erasures (subject_id, reason)"
                        + " VALUES ($1, $2) ON CONFLICT (subject_id) DO NOTHING").execute(Tuple.of(subjectId, reason)))
                .replaceWithVoid());
    }

    private Uni<SecretKey> subjectKey(String subjectId) {
        byte[] fresh = new byte[32];
        random.nextBytes(fresh);
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] wrapped = concat(iv, crypt(Cipher.ENCRYPT_MODE, masterKey, iv, subjectId, fresh));
        // Insert-if-absent and read back in one statement: concurrent first uses agree on one key.
        return pool.preparedQuery("WITH erased AS (SELECT 1 FROM subject_erasures WHERE subject_id = $1),"
                + " ins AS (INSERT INTO subject_keys (subject_id, key_bytes) SELECT $1, $2 WHERE NOT EXISTS"
                + " (SELECT 1 FROM erased) ON CONFLICT (subject_id) DO NOTHING RETURNING subject_id, key_bytes)"
                + " SELECT subject_id, key_bytes FROM ins UNION ALL SELECT subject_id, key_bytes FROM subject_keys"
                + " WHERE subject_id = $1 AND NOT EXISTS (SELECT 1 FROM ins)")
                .execute(Tuple.of(subjectId, io.vertx.core.buffer.Buffer.buffer(wrapped)))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw new SubjectErased(subjectId);
                    }
                    return unwrap(rows.iterator().next());
                });
    }

    private SecretKey unwrap(Row row) {
        byte[] stored = row.getBuffer("key_bytes").getBytes();
        byte[] iv = java.util.Arrays.copyOfRange(stored, 0, IV_BYTES);
        byte[] wrapped = java.util.Arrays.copyOfRange(stored, IV_BYTES, stored.length);
        return new SecretKeySpec(crypt(Cipher.DECRYPT_MODE, masterKey, iv, row.getString("subject_id"), wrapped),
                "AES");
    }

    private JsonNode open(JsonNode node, Map<String, SecretKey> keys) {
        if (isSealed(node)) {
            String subject = node.get("subject").asText();
            SecretKey key = keys.get(subject);
            if (key == null) {
                return JsonNodeFactory.instance.objectNode().put("erased", true).put("subject", subject);
            }
            byte[] iv = Base64.getDecoder().decode(node.get("iv").asText());
            byte[] data = Base64.getDecoder().decode(node.get("data").asText());
            return TextNode.valueOf(new String(crypt(Cipher.DECRYPT_MODE, key, iv, subject, data),
                    StandardCharsets.UTF_8));
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            List<String> names = new java.util.ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                object.set(name, open(object.get(name), keys));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i, open(node.get(i), keys));
            }
        }
        return node;
    }

    private static void collectSubjects(JsonNode node, Set<String> subjects) {
        if (isSealed(node)) {
            subjects.add(node.get("subject").asText());
        } else if (node.isContainerNode()) {
            node.forEach(child -> collectSubjects(child, subjects));
        }
    }

    static boolean isSealed(JsonNode node) {
        return node.isObject() && ALGORITHM.equals(node.path("sealed").asText(null)) && node.has("subject");
    }

    private static byte[] crypt(int mode, SecretKey key, byte[] iv, String subjectId, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            // The subject is authenticated with the data: a value cannot be moved to another subject's key.
            cipher.updateAAD(subjectId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("personal data could not be " + (mode == Cipher.ENCRYPT_MODE
                    ? "sealed"
                    : "opened") + " for subject " + subjectId, e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
