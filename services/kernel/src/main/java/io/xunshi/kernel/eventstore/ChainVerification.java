package io.xunshi.kernel.eventstore;

/**
 * The outcome of walking hash chains: how many events were checked and, if the chain is broken, the
 * first event (stream and version) where it breaks and why.
 */
public record ChainVerification(long eventsChecked, String brokenStreamId, Integer brokenVersion, String problem) {

    public static ChainVerification intact(long eventsChecked) {
        return new ChainVerification(eventsChecked, null, null, null);
    }

    public static ChainVerification broken(long eventsChecked, String streamId, int version, String problem) {
        return new ChainVerification(eventsChecked, streamId, version, problem);
    }

    public boolean isIntact() {
        return problem == null;
    }
}
