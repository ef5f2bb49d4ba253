package io.xunshi.kernel.api;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * What every request is cleaned of, or refused for, before it is matched to a resource:
 * <ul>
 * <li>a read's {@code Content-Type} is dropped: a GET or HEAD has no body to describe, so a client library
 * that sends one anyway (say {@code text/plain}) must not be refused with 415 by a resource that consumes
 * JSON;</li>
 * <li>a NUL character anywhere in the path, a query parameter or a header value is a 400: no id, code or
 * key holds one, and PostgreSQL cannot store one in text, so it would otherwise fail deep down as a 500.</li>
 * </ul>
 */
public class RequestHygiene {

    @ServerRequestFilter(preMatching = true)
    public Response clean(ContainerRequestContext request) {
        String method = request.getMethod();
        if (("GET".equals(method) || "HEAD".equals(method)) && request.getHeaders().containsKey(HttpHeaders.CONTENT_TYPE)) {
            request.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        }
        String where = null;
        if (hasNul(request.getUriInfo().getPath())) {
            where = "path";
        }
        if (where == null) {
            where = firstWithNul(request.getUriInfo().getQueryParameters(), "");
        }
        if (where == null) {
            where = firstWithNul(request.getHeaders(), "header ");
        }
        if (where == null) {
            return null;
        }
        return Problem.of(ProblemType.MALFORMED_REQUEST, "the " + where + " holds a NUL character")
                .withErrors(List.of(new Problem.FieldError(where, "must not hold a NUL character")))
                .at(request.getUriInfo().getRequestUri().getRawPath()).toResponse();
    }

    private static String firstWithNul(Map<String, List<String>> values, String prefix) {
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            if (hasNul(entry.getKey()) || entry.getValue().stream().anyMatch(RequestHygiene::hasNul)) {
                return prefix + entry.getKey().replace('\0', '?');
            }
        }
        return null;
    }

    private static boolean hasNul(String text) {
        return text != null && text.indexOf('\0') >= 0;
    }
}
