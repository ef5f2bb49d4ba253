package io.xunshi.kernel.audit;

import java.util.Arrays;
import java.util.BitSet;

/**
 * What the service's topic witnessed of one stream: the highest version published, the jurisdiction it was
 * published under, and each version's chain hash where the record carried one ({@code ce_chainhash}). The
 * hashes are kept packed, 32 bytes a version, so that a store of a million events costs some 32 MB.
 */
final class WitnessedStream {

    static final int HASH_BYTES = 32;

    private String jurisdiction;
    private int maxVersion;
    private byte[] hashes = new byte[HASH_BYTES * 4];
    private final BitSet known = new BitSet();

    /** Records one published version; a repeat (at-least-once delivery) changes nothing. */
    void witness(int version, String publishedJurisdiction, byte[] hash) {
        if (jurisdiction == null) {
            jurisdiction = publishedJurisdiction;
        }
        maxVersion = Math.max(maxVersion, version);
        if (hash == null || hash.length != HASH_BYTES || known.get(version)) {
            return;
        }
        int at = (version - 1) * HASH_BYTES;
        if (at + HASH_BYTES > hashes.length) {
            hashes = Arrays.copyOf(hashes, Math.max(hashes.length * 2, at + HASH_BYTES));
        }
        System.arraycopy(hash, 0, hashes, at, HASH_BYTES);
        known.set(version);
    }

    int maxVersion() {
        return maxVersion;
    }

    String jurisdiction() {
        return jurisdiction;
    }

    boolean knowsHashOf(int version) {
        return known.get(version);
    }

    /** True when the witnessed hash of {@code version} is {@code hash}; only where {@link #knowsHashOf}. */
    boolean hashEquals(int version, byte[] hash) {
        int at = (version - 1) * HASH_BYTES;
        return hash != null && hash.length == HASH_BYTES
                && Arrays.equals(hashes, at, at + HASH_BYTES, hash, 0, HASH_BYTES);
    }
}
