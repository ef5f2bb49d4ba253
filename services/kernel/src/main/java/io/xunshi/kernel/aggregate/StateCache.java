package io.xunshi.kernel.aggregate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

import org.jboss.logging.Logger;

/**
 * A bounded, least-recently-used map from stream id to the folded state of that stream, the version it reflects
 * and the id of the event at that version, by which {@link AggregateRepository} verifies it against the store on
 * every load. Only immutable states are kept ({@link ImmutableStates}); a state that is not is refused once with
 * a warning and its streams are folded from the store as if there were no cache.
 */
public final class StateCache<S> {

    private static final Logger LOG = Logger.getLogger(StateCache.class);

    /** A cached state: the stream at {@code version}, whose last event is {@code lastEventId}. */
    record Entry<S>(S state, int version, UUID lastEventId) {
    }

    /** What the cache did so far: loads answered from it, loads folded without it, entries found stale. */
    public record Stats(long hits, long misses, long stale, int entries) {
    }

    private final int capacity;
    private final Map<String, Entry<S>> entries;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder stale = new LongAdder();
    private volatile boolean refusedOnce;

    StateCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("a cache of " + capacity + " streams");
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry<S>> eldest) {
                return size() > StateCache.this.capacity;
            }
        };
    }

    Entry<S> get(String streamId) {
        if (capacity == 0) {
            return null;
        }
        synchronized (entries) {
            return entries.get(streamId);
        }
    }

    /**
     * Keeps the state unless a newer one is kept already; a state that is not immutable is not kept, and drops
     * what the stream had.
     */
    void put(String streamId, S state, int version, UUID lastEventId) {
        if (capacity == 0) {
            return;
        }
        if (!ImmutableStates.isImmutable(state)) {
            if (!refusedOnce) {
                refusedOnce = true;
                LOG.warnf("%s is not immutable throughout (a mutable collection or class in it); its streams are"
                        + " folded from the store on every load", state.getClass().getName());
            }
            remove(streamId);
            return;
        }
        Entry<S> entry = new Entry<>(state, version, lastEventId);
        synchronized (entries) {
            entries.merge(streamId, entry, (old, fresh) -> old.version() > fresh.version() ? old : fresh);
        }
    }

    void remove(String streamId) {
        if (capacity == 0) {
            return;
        }
        synchronized (entries) {
            entries.remove(streamId);
        }
    }

    /** The store no longer holds the event this entry ends with: drops it, unless replaced meanwhile. */
    void stale(String streamId, Entry<S> entry) {
        stale.increment();
        synchronized (entries) {
            entries.remove(streamId, entry);
        }
    }

    void hit() {
        hits.increment();
    }

    void miss() {
        misses.increment();
    }

    Stats stats() {
        synchronized (entries) {
            return new Stats(hits.sum(), misses.sum(), stale.sum(), entries.size());
        }
    }
}
