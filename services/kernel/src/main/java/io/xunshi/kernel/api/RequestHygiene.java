package io.xunshi.kernel.api;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

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
 * <li>a control character (U+0000 to U+001F, U+007F to U+009F, e.g. {@code %00} or {@code %0A}) anywhere
 * in the path or a query parameter, or a NUL in a header value, is a 400: no id, code, cursor or filter
 * holds one, and PostgreSQL cannot store NUL in text, so it would otherwise fail deep down as a 500 (a header
 * may carry a tab, so only NUL is refused there; the HTTP server already refuses line breaks in headers).</li>
 * </ul>
 */
public class RequestHygiene {

    @ServerRequestFilter(preMatching = true)
    public Response clean(ContainerRequestContext request) {
        String method = request.getMethod();
        if (("GET".equals(method) || "HEAD".equals(method))
                && request.getHeaders().containsKey(HttpHeaders.CONTENT_TYPE)) {
            request.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        }
        String where = null;
        if (hasControl(request.getUriInfo().getPath())) {
            where = "path";
        }
        if (where == null) {
            where = firstWith(request.getUriInfo().getQueryParameters(), "", RequestHygiene::hasControl);
        }
        if (where != null) {
            return refuse(request, where, "a control character");
        }
        where = firstWith(request.getHeaders(), "header ", RequestHygiene::hasNul);
        return where == null ? null : refuse(request, where, "a NUL character");
    }

    private static Response refuse(ContainerRequestContext request, String where, String what) {
        return Problem.of(ProblemType.MALFORMED_REQUEST, "the " + where + " holds " + what)
                .withErrors(List.of(new Problem.FieldError(where, "must not hold " + what)))
                .at(request.getUriInfo().getRequestUri().getRawPath()).toResponse();
    }

    private static String firstWith(Map<String, List<String>> values, String prefix, Predicate<String> bad) {
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            if (bad.test(entry.getKey()) || entry.getValue().stream().anyMatch(bad)) {
                return prefix + entry.getKey().chars().map(c -> Character.isISOControl(c) ? '?' : c)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
            }
        }
        return null;
    }

    private static boolean hasNul(String text) {
        return text != null && text.indexOf('\0') >= 0;
    }

    private static boolean hasControl(String text) {
        return text != null && text.chars().anyMatch(Character::isISOControl);
    }
}
