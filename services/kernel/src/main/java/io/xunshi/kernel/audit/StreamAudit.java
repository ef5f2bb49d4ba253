package io.xunshi.kernel.audit;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.xunshi.kernel.eventstore.GlobalPosition;
import io.xunshi.kernel.eventstore.HashChain;
import io.xunshi.kernel.eventstore.RawEvent;
import io.xunshi.kernel.eventstore.StoredEvent;

/**
 * Checks one stream — its stored events in version order and what the topic witnessed of it — and names
 * every event that is wrong, at most one finding per version. Pure: no database, no Kafka.
 *
 * <ul>
 * <li>{@code missing}: a version below the stream's last stored one is not stored;</li>
 * <li>{@code reordered}: the hash chain, followed from each event's previous-hash, places the event at
 * another version than the one it is stored at;</li>
 * <li>{@code altered}: the event's content no longer gives its hash; or the next event does not link to
 * its hash (its hash was recomputed); or its hash differs from the one the topic witnessed, the chain
 * having been recomputed from there on (the first such version is named: the later ones follow from it);</li>
 * <li>{@code truncated}: the topic witnessed versions after the stream's last stored one;</li>
 * <li>{@code unwitnessed}: an event at or before the relay's checkpoint that the topic never saw.</li>
 * </ul>
 */
final class StreamAudit {

    /** The outcome for one stream: its jurisdictions (as stored and as witnessed), its size, its findings. */
    record Result(String streamId, Set<String> jurisdictions, int storedEvents, List<TamperFinding> findings) {
    }

    private StreamAudit() {
    }

    /**
     * @param stored the stream's events as stored, in version order (possibly none, if the topic witnessed
     *     a stream the store no longer has)
     * @param witness what the topic holds of the stream, or null if nothing
     * @param relayed the relay's checkpoint: every event at or before it was acknowledged by Kafka
     */
    static Result check(String streamId, List<RawEvent> stored, WitnessedStream witness, GlobalPosition relayed) {
        Set<String> jurisdictions = new LinkedHashSet<>();
        for (RawEvent r : stored) {
            jurisdictions.add(r.event().jurisdiction());
        }
        if (witness != null && witness.jurisdiction() != null) {
            jurisdictions.add(witness.jurisdiction());
        }
        String jurisdiction = jurisdictions.isEmpty() ? null : jurisdictions.iterator().next();
        TreeMap<Integer, TamperFinding> findings = new TreeMap<>();
        Map<Integer, RawEvent> byVersion = new HashMap<>();
        for (RawEvent r : stored) {
            byVersion.put(r.event().version(), r);
        }

        int expected = 1;
        for (RawEvent r : stored) {
            int version = r.event().version();
            for (int v = expected; v < version; v++) {
                findings.put(v, TamperFinding.of(streamId, v, TamperKind.MISSING, jurisdiction,
                        "version " + v + " is not in the store; the stream goes on at version " + version));
            }
            expected = version + 1;
        }
        int last = stored.isEmpty() ? 0 : stored.get(stored.size() - 1).event().version();

        Map<RawEvent, Integer> chained = chainedVersions(stored);
        for (RawEvent r : stored) {
            StoredEvent e = r.event();
            int version = e.version();
            int chainedAt = chained.getOrDefault(r, version);
            if (chainedAt != version) {
                findings.put(version, TamperFinding.of(streamId, version, TamperKind.REORDERED, e.jurisdiction(),
                        "stored as version " + version + ", but its hash chains it as version " + chainedAt));
            } else if (!Arrays.equals(HashChain.link(e.prevHash(), r.contentDigestAt(version)), e.hash())) {
                findings.put(version, TamperFinding.of(streamId, version, TamperKind.ALTERED, e.jurisdiction(),
                        "its content does not match its hash: changed after it was written"));
            }
        }
        for (RawEvent r : stored) {
            StoredEvent e = r.event();
            int version = e.version();
            if (findings.containsKey(version)) {
                continue;
            }
            RawEvent before = byVersion.get(version - 1);
            if (version == 1 && e.prevHash() != null) {
                findings.put(1, TamperFinding.of(streamId, 1, TamperKind.ALTERED, e.jurisdiction(),
                        "version 1 links to an earlier event, which the store does not have"));
            } else if (before != null && !findings.containsKey(version - 1)
                    && !Arrays.equals(e.prevHash(), before.event().hash())) {
                findings.put(version - 1, TamperFinding.of(streamId, version - 1, TamperKind.ALTERED,
                        before.event().jurisdiction(), "version " + version + " does not link to its hash: its"
                                + " hash was recomputed after it was changed"));
            }
        }

        if (witness != null) {
            int upTo = Math.min(last, witness.maxVersion());
            for (int v = 1; v <= upTo; v++) {
                RawEvent r = byVersion.get(v);
                if (r == null || findings.containsKey(v) || !witness.knowsHashOf(v)) {
                    continue;
                }
                if (!witness.hashEquals(v, r.event().hash())) {
                    findings.put(v, TamperFinding.of(streamId, v, TamperKind.ALTERED, r.event().jurisdiction(),
                            "its hash differs from the one published on the topic: it was changed and the chain"
                                    + " recomputed from here on"));
                    break;
                }
            }
            for (int v = last + 1; v <= witness.maxVersion(); v++) {
                findings.put(v, TamperFinding.of(streamId, v, TamperKind.TRUNCATED,
                        witness.jurisdiction() != null ? witness.jurisdiction() : jurisdiction,
                        "the topic has version " + v + ", but " + (last == 0
                                ? "the store has no event of this stream"
                                : "the store's stream ends at version " + last)));
            }
        }
        int witnessed = witness == null ? 0 : witness.maxVersion();
        for (RawEvent r : stored) {
            StoredEvent e = r.event();
            if (e.version() > witnessed && !findings.containsKey(e.version()) && relayed != null
                    && e.position().compareTo(relayed) <= 0) {
                findings.put(e.version(), TamperFinding.of(streamId, e.version(), TamperKind.UNWITNESSED,
                        e.jurisdiction(), "stored at or before the relay's checkpoint, yet never published on the"
                                + " topic: written behind the store's back"));
            }
        }
        return new Result(streamId, jurisdictions, stored.size(), new ArrayList<>(findings.values()));
    }

    /**
     * The version each event holds in its stream's chain, found by following previous-hash links: from the
     * event without one (version 1), and from each event whose previous-hash is no stored event's hash (it
     * keeps its stored version). An event no chain reaches keeps its stored version.
     */
    private static Map<RawEvent, Integer> chainedVersions(List<RawEvent> stored) {
        Map<ByteBuffer, RawEvent> byHash = new HashMap<>();
        Map<ByteBuffer, RawEvent> byPrevious = new HashMap<>();
        for (RawEvent r : stored) {
            byHash.putIfAbsent(key(r.event().hash()), r);
            if (r.event().prevHash() != null) {
                byPrevious.putIfAbsent(key(r.event().prevHash()), r);
            }
        }
        Map<RawEvent, Integer> chained = new IdentityHashMap<>();
        for (RawEvent r : stored) {
            byte[] prev = r.event().prevHash();
            boolean head = prev == null || !byHash.containsKey(key(prev));
            if (!head || chained.containsKey(r)) {
                continue;
            }
            int version = prev == null ? 1 : r.event().version();
            for (RawEvent next = r; next != null
                    && !chained.containsKey(next); next = byPrevious.get(key(next.event().hash()))) {
                chained.put(next, version++);
            }
        }
        return chained;
    }

    private static ByteBuffer key(byte[] hash) {
        return ByteBuffer.wrap(hash == null ? new byte[0] : hash);
    }
}
