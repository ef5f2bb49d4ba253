package io.xunshi.kernel.consumer;

/** Why a record was given up on; the code is the {@code reason} tag of the dead-letter counter. */
public enum DeadLetterReason {

    /** A CloudEvents header the kernel needs ({@code ce_id}, {@code ce_type}) is absent. */
    MISSING_HEADER("missing-header"),
    /**
     * A header is present but unreadable: an id that is too long or holds a control character, a type without
     * {@code .vN}, a bad time, a {@code ce_specversion} other than 1.0.
     */
    MALFORMED_HEADER("malformed-header"),
    /**
     * The {@code ce_source} is not that of the topic's owner ({@code urn:xunshi:<service>}): only the owner's
     * relay writes its topic, so the event is forged or misrouted and has no effect.
     */
    UNTRUSTED_SOURCE("untrusted-source"),
    /** The value is not JSON. */
    MALFORMED_PAYLOAD("malformed-payload"),
    /**
     * The {@code ce_type} is not one the consumer can read: a type the topic's owner does not publish (another
     * service's, or no logical name), or a version of a handled type newer than the consumer knows or with no
     * upcaster to the current one. A type of the topic's owner that the consumer does not handle is not
     * dead-lettered but passed over ({@link PassedOver}).
     */
    UNKNOWN_TYPE("unknown-type"),
    /**
     * The payload is JSON but does not decode into the type's record (the kernel), or lacks what the handler
     * needs (the handler throws {@link Undeliverable}).
     */
    INVALID_PAYLOAD("invalid-payload"),
    /**
     * The event is well formed but the domain refuses it, with the rule it breaks: a partner's report on something
     * that is not the partner's, or that contradicts what was recorded. The handler throws {@link Undeliverable};
     * the partner reads the reason on the dead-letter topic.
     */
    REJECTED("rejected"),
    /** The handler failed on every attempt, for a reason other than the infrastructure. */
    HANDLER_FAILED("handler-failed");

    private final String code;

    DeadLetterReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
