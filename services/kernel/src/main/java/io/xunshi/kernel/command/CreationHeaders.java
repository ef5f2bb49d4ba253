package io.xunshi.kernel.command;

import jakarta.ws.rs.HeaderParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.xunshi.kernel.api.IdempotentCommands;

/**
 * The header a creation accepts, taken with {@code @BeanParam CreationHeaders headers}: an
 * {@code Idempotency-Key} that makes a retry answer what the first request created instead of creating twice.
 * A new resource has no version to match, so there is no {@code If-Match}.
 */
public class CreationHeaders implements RequestHeaders {

    @HeaderParam(IdempotentCommands.HEADER)
    @Parameter(description = "Makes a retry return what the first request created instead of creating it twice"
            + " (1 to 200 visible ASCII characters, kept per caller)")
    String idempotencyKey;

    @Override
    public String ifMatch() {
        return null;
    }

    @Override
    public String idempotencyKey() {
        return idempotencyKey;
    }
}
