package io.xunshi.kernel.audit;

import java.util.Locale;

/** What the tamper verification found wrong with one event of a stream (docs/adr/0011-tamper-verification.md). */
public enum TamperKind {

    /** The stored event's content no longer matches its hash, or its hash differs from the topic's witness. */
    ALTERED,
    /** A version inside the stream is not in the store: the stream goes on after it. */
    MISSING,
    /** The event is stored at another version than the one its hash chains it at. */
    REORDERED,
    /** The topic witnessed this version, but the store's stream ends before it (a deleted last event). */
    TRUNCATED,
    /** Stored at or before the relay's checkpoint, yet never published: written behind the store's back. */
    UNWITNESSED;

    /** The name in the API: {@code altered}, {@code missing}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
