package io.xunshi.kernel.command;

import jakarta.ws.rs.HeaderParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.xunshi.kernel.api.IdempotentCommands;

/**
 * The two request headers every command accepts, taken with {@code @BeanParam CommandHeaders headers}: an
 * {@code If-Match} with the ETag the client last read (a stale one is 412) and an {@code Idempotency-Key}
 * that makes a retry answer the first result instead of acting twice.
 */
public class CommandHeaders implements RequestHeaders {

    @HeaderParam("If-Match")
    @Parameter(description = "The ETag the change is based on; a stale one is refused with 412. Without it the"
            + " server decides on the current state, whatever changed since the client read it.")
    String ifMatch;

    @HeaderParam(IdempotentCommands.HEADER)
    @Parameter(description = "Makes a retry return the first result instead of acting twice (1 to 200 visible"
            + " ASCII characters, kept per caller)")
    String idempotencyKey;

    public CommandHeaders() {
    }

    public CommandHeaders(String ifMatch, String idempotencyKey) {
        this.ifMatch = ifMatch;
        this.idempotencyKey = idempotencyKey;
    }

    @Override
    public String ifMatch() {
        return ifMatch;
    }

    @Override
    public String idempotencyKey() {
        return idempotencyKey;
    }
}
