package io.xunshi.kernel.eventstore;

/**
 * A place in the store's global order: the appending transaction's id, then the row's position. Events
 * are read in this order only below the oldest transaction still running, so the order never changes
 * behind a reader and a late-committing transaction is never skipped.
 */
public record GlobalPosition(long txId, long position) implements Comparable<GlobalPosition> {

    public static final GlobalPosition START = new GlobalPosition(0, 0);

    @Override
    public int compareTo(GlobalPosition other) {
        int byTx = Long.compareUnsigned(txId, other.txId);
        return byTx != 0 ? byTx : Long.compare(position, other.position);
    }

    @Override
    public String toString() {
        return txId + ":" + position;
    }
}
