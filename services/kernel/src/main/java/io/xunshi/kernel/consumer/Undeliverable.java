package io.xunshi.kernel.consumer;

/**
 * A record that this consumer will never process: retrying cannot help, so it goes to the dead-letter
 * topic. The message starts with the reason's code ({@code unknown-type: ...}) because the
 * dead-letter-queue failure strategy copies the message into the {@code dead-letter-reason} header.
 */
public class Undeliverable extends RuntimeException {

    private final DeadLetterReason reason;

    public Undeliverable(DeadLetterReason reason, String detail) {
        this(reason, detail, null);
    }

    public Undeliverable(DeadLetterReason reason, String detail, Throwable cause) {
        super(reason.code() + ": " + detail, cause, false, false);
        this.reason = reason;
    }

    public DeadLetterReason reason() {
        return reason;
    }
}
