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
    /** The handler failed on every attempt. */
    HANDLER_FAILED("handler-failed");

    private final String code;

    DeadLetterReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
