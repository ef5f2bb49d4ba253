package io.xunshi.kernel.command;

/** The headers the {@link CommandPath} reads: {@link CommandHeaders} for commands, {@link CreationHeaders} for creations. */
public interface RequestHeaders {

    /** The {@code If-Match} header, or null. */
    String ifMatch();

    /** The {@code Idempotency-Key} header, or null. */
    String idempotencyKey();
}
