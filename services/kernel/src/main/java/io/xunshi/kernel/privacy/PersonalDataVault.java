package io.xunshi.kernel.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.quarkus.runtime.StartupEvent;
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
 *
 * <p>Master keys are versioned ({@link MasterKeys}): each subject key is stored with the id of the master key that
 * wrapped it, new ones are wrapped with the current id, a key wrapped under an older id opens while that id's key is
 * configured, and {@link #rewrap()} (run once the service has started, unless
 * {@code xunshi.privacy.rewrap-on-start=false}) moves every subject key to the current master key. A service whose
 * current id has no key does not start. See docs/adr/0020-personal-data.md.
 */
@ApplicationScoped
public class PersonalDataVault {

    static final String ALGORITHM = "A256GCM";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int REWRAP_BATCH = 500;
    private static final Logger LOG = Logger.getLogger(PersonalDataVault.class);

    private final Pool pool;
    private final MasterKeys masterKeys;
    private final boolean rewrapOnStart;
    private final SecureRandom random = new SecureRandom();

    /** Fails, and with it the service's startup, when the current master key id has no key. */
    @Inject
    public PersonalDataVault(Pool pool, PrivacyConfig config) {
        this(pool, MasterKeys.from(config), config.rewrapOnStart());
    }

    PersonalDataVault(Pool pool, MasterKeys masterKeys, boolean rewrapOnStart) {
        this.pool = pool;
        this.masterKeys = masterKeys;
        this.rewrapOnStart = rewrapOnStart;
    }

    /** Built at startup, so that a missing master key stops the service there; then rewraps older subject keys. */
    void start(@Observes StartupEvent started) {
        LOG.debugf("personal data: subject keys are wrapped with master key %s (configured: %s)",
                masterKeys.currentId(), masterKeys.ids());
        if (rewrapOnStart) {
            rewrap().subscribe().with(report -> {
                if (report.rewrapped() > 0 || !report.remaining().isEmpty()) {
                    LOG.infof("personal data: %d subject keys rewrapped with master key %s; left under other keys: %s",
                            report.rewrapped(), masterKeys.currentId(), report.remaining());
                }
            }, failure -> LOG.warn("personal data: the subject keys could not be rewrapped", failure));
        }
    }

    /** The id of the master key new subject keys are wrapped with. */
    public String currentMasterKeyId() {
        return masterKeys.currentId();
    }

    /**
     * Seals a personal value under its subject's key, creating the key on first use. Runs in a
     * transaction of its own, before the event that carries the value is appended.
     */
    public Uni<JsonNode> seal(String subjectId, String value) {
        return seal(subjectId, List.of(value)).map(sealed -> sealed.get(0));
    }

    /** Seals several values of one subject under its key (one lookup of the key), in their order. */
    public Uni<List<JsonNode>> seal(String subjectId, List<String> values) {
        return subjectKey(subjectId).map(key -> {
            List<JsonNode> sealed = new ArrayList<>(values.size());
            for (String value : values) {
                sealed.add(sealWith(key, subjectId, value));
            }
            return sealed;
        });
    }

    private JsonNode sealWith(SecretKey key, String subjectId, String value) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] data = crypt(Cipher.ENCRYPT_MODE, key, iv, subjectId, value.getBytes(StandardCharsets.UTF_8));
        ObjectNode sealed = JsonNodeFactory.instance.objectNode();
        sealed.put("sealed", ALGORITHM);
        sealed.put("subject", subjectId);
        sealed.put("iv", Base64.getEncoder().encodeToString(iv));
        sealed.put("data", Base64.getEncoder().encodeToString(data));
        return sealed;
    }

    /**
     * A copy of {@code payload} with every sealed value opened, or marked erased where its key is gone. Fails when
     * a subject key is wrapped under a master key id that is no longer configured.
     */
    public Uni<JsonNode> unseal(JsonNode payload) {
        Set<String> subjects = new HashSet<>();
        collectSubjects(payload, subjects);
        if (subjects.isEmpty()) {
            return Uni.createFrom().item(payload);
        }
        return pool.preparedQuery("SELECT subject_id, key_bytes, master_key_id FROM subject_keys"
                + " WHERE subject_id = ANY($1)")
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
        return pool.withTransaction(conn -> erase(conn, subjectId, reason));
    }

    /**
     * The same in the caller's transaction, so that the erasure and the event that records it are committed together
     * or not at all.
     */
    public Uni<Void> erase(io.vertx.mutiny.sqlclient.SqlConnection conn, String subjectId, String reason) {
        return conn.preparedQuery("DELETE FROM subject_keys WHERE subject_id = $1").execute(Tuple.of(subjectId))
                .flatMap(deleted -> conn.preparedQuery("INSERT INTO subject_erasures (subject_id, reason)"
                        + " VALUES ($1, $2) ON CONFLICT (subject_id) DO NOTHING").execute(Tuple.of(subjectId, reason)))
                .replaceWithVoid();
    }

    /** What a rewrap did: keys moved to the current master key, and the keys left under others, by id. */
    public record RewrapReport(long rewrapped, Map<String, Long> remaining) {
    }

    /**
     * Rewraps every subject key wrapped under another configured master key than the current one with the current
     * one, {@value #REWRAP_BATCH} a statement; the subject keys themselves, and so every sealed value, stay as they
     * are. Safe to run on several replicas at once: a key is rewrapped only while it is still under its old id.
     * Keys under an id that is not configured cannot be opened and are left, and counted, as they are.
     */
    public Uni<RewrapReport> rewrap() {
        return rewrapBatches(0).flatMap(rewrapped -> keysByMasterKey().map(counts -> {
            Map<String, Long> remaining = new TreeMap<>(counts);
            remaining.remove(masterKeys.currentId());
            return new RewrapReport(rewrapped, remaining);
        }));
    }

    /** How many subject keys are wrapped under each master key id: an old key may go once it has none. */
    public Uni<Map<String, Long>> keysByMasterKey() {
        return pool.query("SELECT master_key_id, count(*) AS n FROM subject_keys GROUP BY master_key_id").execute()
                .map(rows -> {
                    Map<String, Long> counts = new TreeMap<>();
                    for (Row row : rows) {
                        counts.put(row.getString("master_key_id"), row.getLong("n"));
                    }
                    return counts;
                });
    }

    private Uni<Long> rewrapBatches(long done) {
        String[] older = masterKeys.ids().stream().filter(id -> !id.equals(masterKeys.currentId()))
                .toArray(String[]::new);
        if (older.length == 0) {
            return Uni.createFrom().item(done);
        }
        return pool.preparedQuery("SELECT subject_id, key_bytes, master_key_id FROM subject_keys"
                + " WHERE master_key_id = ANY($1) LIMIT " + REWRAP_BATCH).execute(Tuple.of(older))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(done);
                    }
                    List<Tuple> updates = new ArrayList<>();
                    for (Row row : rows) {
                        SecretKey key = unwrap(row);
                        updates.add(Tuple.of(row.getString("subject_id"), row.getString("master_key_id"),
                                io.vertx.core.buffer.Buffer.buffer(wrap(row.getString("subject_id"), key.getEncoded())),
                                masterKeys.currentId()));
                    }
                    int batch = rows.size();
                    return pool.preparedQuery("UPDATE subject_keys SET key_bytes = $3, master_key_id = $4"
                            + " WHERE subject_id = $1 AND master_key_id = $2").executeBatch(updates)
                            .flatMap(updated -> batch < REWRAP_BATCH
                                    ? Uni.createFrom().item(done + batch)
                                    : rewrapBatches(done + batch));
                });
    }

    private Uni<SecretKey> subjectKey(String subjectId) {
        byte[] fresh = new byte[32];
        random.nextBytes(fresh);
        byte[] wrapped = wrap(subjectId, fresh);
        // Insert-if-absent and read back in one statement: concurrent first uses agree on one key.
        return pool.preparedQuery("WITH erased AS (SELECT 1 FROM subject_erasures WHERE subject_id = $1),"
                + " ins AS (INSERT INTO subject_keys (subject_id, key_bytes, master_key_id) SELECT $1, $2, $3"
                + " WHERE NOT EXISTS (SELECT 1 FROM erased) ON CONFLICT (subject_id) DO NOTHING"
                + " RETURNING subject_id, key_bytes, master_key_id)"
                + " SELECT subject_id, key_bytes, master_key_id FROM ins UNION ALL"
                + " SELECT subject_id, key_bytes, master_key_id FROM subject_keys"
                + " WHERE subject_id = $1 AND NOT EXISTS (SELECT 1 FROM ins)")
                .execute(Tuple.of(subjectId, io.vertx.core.buffer.Buffer.buffer(wrapped), masterKeys.currentId()))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw new SubjectErased(subjectId);
                    }
                    return unwrap(rows.iterator().next());
                });
    }

    /** A subject key wrapped with the current master key: its IV, then the sealed key. */
    private byte[] wrap(String subjectId, byte[] subjectKey) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        return concat(iv, crypt(Cipher.ENCRYPT_MODE, masterKeys.current(), iv, subjectId, subjectKey));
    }

    private SecretKey unwrap(Row row) {
        String subjectId = row.getString("subject_id");
        String keyId = row.getString("master_key_id");
        SecretKey master = masterKeys.get(keyId).orElseThrow(() -> new IllegalStateException("the key of subject "
                + subjectId + " is wrapped with master key " + keyId + ", which is not configured (configured: "
                + masterKeys.ids() + "): put it back in xunshi.privacy.master-keys-dir"));
        byte[] stored = row.getBuffer("key_bytes").getBytes();
        byte[] iv = java.util.Arrays.copyOfRange(stored, 0, IV_BYTES);
        byte[] wrapped = java.util.Arrays.copyOfRange(stored, IV_BYTES, stored.length);
        return new SecretKeySpec(crypt(Cipher.DECRYPT_MODE, master, iv, subjectId, wrapped), "AES");
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
