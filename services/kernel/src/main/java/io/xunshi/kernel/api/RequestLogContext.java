package io.xunshi.kernel.api;

import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.opentelemetry.api.trace.Span;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.xunshi.kernel.security.CurrentCaller;

/**
 * Puts who is calling and why into the logging context (MDC) of every API request, so that each line logged
 * while serving it — in JSON logs ({@code quarkus.log.console.json.enabled=true}) the {@code mdc} object — carries
 * them next to the {@code traceId} and {@code spanId} that OpenTelemetry puts there:
 *
 * <ul>
 * <li>{@code correlationId}: the request's {@code X-Correlation-Id} header when it is a plain token of at most
 * 128 characters, otherwise the request's trace id (or a random id when there is no trace);</li>
 * <li>{@code callerSubject}, {@code callerRoles}, {@code callerJurisdiction}: the verified token's subject,
 * roles and home jurisdiction — nothing else of the token, and no name.</li>
 * </ul>
 *
 * A request with no valid token gets no caller fields; its 401 comes from the security checks as before. Each
 * answered command (any method but GET, HEAD and OPTIONS) is logged at INFO with its status, reads at DEBUG.
 * MDC lives in the request's own Vert.x context, so it ends with the request.
 */
public class RequestLogContext {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    private static final Pattern PLAIN_TOKEN = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");
    private static final Logger LOG = Logger.getLogger(RequestLogContext.class);

    @Inject
    CurrentIdentityAssociation identities;

    @ServerRequestFilter
    public Uni<Void> enter(ContainerRequestContext request) {
        MDC.put("correlationId", correlationId(request.getHeaderString(CORRELATION_HEADER)));
        return identities.getDeferredIdentity().onItemOrFailure().transform((identity, failure) -> {
            if (failure == null) {
                putCaller(identity);
            }
            return null;
        });
    }

    @ServerResponseFilter
    public void exit(ContainerRequestContext request, ContainerResponseContext response) {
        String method = request.getMethod();
        boolean read = HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)
                || HttpMethod.OPTIONS.equals(method);
        Logger.Level level = read ? Logger.Level.DEBUG : Logger.Level.INFO;
        if (LOG.isEnabled(level)) {
            // The path without its query: filters may carry search terms.
            LOG.logf(level, "%s %s answered %d", method, request.getUriInfo().getRequestUri().getRawPath(),
                    response.getStatus());
        }
    }

    static String correlationId(String header) {
        if (header != null && PLAIN_TOKEN.matcher(header).matches()) {
            return header;
        }
        String traceId = Span.current().getSpanContext().getTraceId();
        return Span.current().getSpanContext().isValid() ? traceId : UUID.randomUUID().toString();
    }

    private static void putCaller(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return;
        }
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            putIfPresent("callerSubject", token.getSubject());
            Object jurisdiction = token.getClaim(CurrentCaller.JURISDICTION_CLAIM);
            putIfPresent("callerJurisdiction", jurisdiction == null ? null : jurisdiction.toString());
        } else {
            putIfPresent("callerSubject", identity.getPrincipal().getName());
        }
        putIfPresent("callerRoles", String.join(",", new TreeSet<>(identity.getRoles())));
    }

    private static void putIfPresent(String key, String value) {
        if (value != null && !value.isEmpty()) {
            MDC.put(key, value);
        }
    }
}
