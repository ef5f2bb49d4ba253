package io.xunshi.kernel.eventstore;

/** An append expected a stream version that is no longer the current one; nothing was written. */
public class ConcurrencyConflict extends RuntimeException {

    private final String streamId;
    private final int expectedVersion;
    private final int actualVersion;

    public ConcurrencyConflict(String streamId, int expectedVersion, int actualVersion) {
        super("stream " + streamId + " is at version " + (actualVersion < 0
                ? "(unknown, changed concurrently)"
                : actualVersion) + ", not the expected " + expectedVersion);
        this.streamId = streamId;
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    public String streamId() {
        return streamId;
    }

    public int expectedVersion() {
        return expectedVersion;
    }

    /** The version found, or -1 when another append committed first and the version is not known here. */
    public int actualVersion() {
        return actualVersion;
    }
}
