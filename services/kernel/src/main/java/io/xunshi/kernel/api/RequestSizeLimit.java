package io.xunshi.kernel.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.runtime.configuration.MemorySize;

/**
 * Refuses a request body above {@code xunshi.api.max-body-size} with a 413 problem before it is read.
 * A body sent without a length is counted as it is read instead, by {@link RequestBodyLimit}; the HTTP
 * server's own, far higher limit ({@code quarkus.http.limits.max-body-size}) stays as a backstop.
 */
public class RequestSizeLimit {

    @ConfigProperty(name = "xunshi.api.max-body-size", defaultValue = "1M")
    MemorySize maxBodySize;

    @ServerRequestFilter(preMatching = true)
    public Response limit(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.chars().allMatch(Character::isDigit) && !length.isEmpty()
                && Long.parseLong(length) > maxBodySize.asLongValue()) {
            return Problem.of(ProblemType.PAYLOAD_TOO_LARGE, "the body is " + length
                    + " bytes; at most " + maxBodySize.asLongValue() + " are accepted")
                    .at(request.getUriInfo().getRequestUri().getRawPath()).toResponse();
        }
        return null;
    }
}
