package io.xunshi.kernel.eventstore;

/** The version a writer expects a stream to be at; a mismatch is a {@link ConcurrencyConflict}. */
public final class ExpectedVersion {

    /** The stream must not exist yet. */
    public static final int NO_STREAM = 0;
    /** Append whatever the current version (use sparingly: it gives up optimistic concurrency). */
    public static final int ANY = -1;

    private ExpectedVersion() {
    }
}
