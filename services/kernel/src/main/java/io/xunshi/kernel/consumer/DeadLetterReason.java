package io.xunshi.kernel.consumer;

/** Why a record was given up on; the code is the {@code reason} tag of the dead-letter counter. */
public enum DeadLetterReason {
    /** A CloudEvents header the kernel needs ({@code ce_id}, {@code ce_type}) is absent. */
    MISSING_HEADER("missing-header"),
    /** A header is present but unreadable: an id that is not a UUID, a type without {@code .vN}, a bad time. */
    MALFORMED_HEADER("malformed-header"),
    /** The value is not JSON. */
    MALFORMED_PAYLOAD("malformed-payload"),
    /** No handler is declared for the record's {@code ce_type}. */
    UNKNOWN_TYPE("unknown-type"),
    /** The payload is JSON but breaks the event's schema: the handler cannot use it (it throws {@link Undeliverable}). */
    INVALID_PAYLOAD("invalid-payload"),
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
