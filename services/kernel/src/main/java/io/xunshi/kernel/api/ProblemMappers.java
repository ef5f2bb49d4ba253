package io.xunshi.kernel.api;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.xunshi.kernel.domain.DomainRejection;
import io.xunshi.kernel.domain.InvalidCommand;
import io.xunshi.kernel.eventstore.ConcurrencyConflict;

/**
 * Turns every failure of a request into an {@code application/problem+json} answer with the right status
 * and a stable type — never a stack trace, never 200 with an error body.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return e.problem().at(path(uri)).toResponse();
    }

    @ServerExceptionMapper
    public Response conflict(ConcurrencyConflict e, UriInfo uri) {
        return Problem.of(ProblemType.VERSION_CONFLICT, e.getMessage()).at(path(uri)).toResponse();
    }

    @ServerExceptionMapper
    public Response rejected(DomainRejection e, UriInfo uri) {
        return rejection(e).at(path(uri)).toResponse();
    }

    /** The one mapping of domain rejections: by their kind, never by a service's list of codes. */
    public static Problem rejection(DomainRejection e) {
        if (e instanceof InvalidCommand invalid) {
            return Problem.of(ProblemType.VALIDATION_FAILED, e.getMessage()).withCode(e.code())
                    .withErrors(List.of(new Problem.FieldError(invalid.field(), e.getMessage())));
        }
        ProblemType type = e.kind() == DomainRejection.Kind.NOT_FOUND
                ? ProblemType.NOT_FOUND
                : ProblemType.ILLEGAL_STATE;
        return Problem.of(type, e.getMessage()).withCode(e.code());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .collect(Collectors.toList());
        return Problem.of(ProblemType.VALIDATION_FAILED, "the request has " + errors.size() + " invalid field"
                + (errors.size() == 1 ? "" : "s")).withErrors(errors).at(path(uri)).toResponse();
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        return Problem.of(ProblemType.MALFORMED_REQUEST, "unknown field '" + e.getPropertyName() + "'")
                .withErrors(List.of(new Problem.FieldError(jsonPath(e), "unknown field")))
                .at(path(uri)).toResponse();
    }

    @ServerExceptionMapper
    public Response wrongInput(MismatchedInputException e, UriInfo uri) {
        return wrongShape(e, uri);
    }

    @ServerExceptionMapper
    public Response tooLarge(RequestBodyLimit.TooLarge e, UriInfo uri) {
        return e.problem().at(path(uri)).toResponse();
    }

    @ServerExceptionMapper
    public Response wrongShape(JsonMappingException e, UriInfo uri) {
        if (e.getCause() instanceof RequestBodyLimit.TooLarge tooLarge) {
            return tooLarge(tooLarge, uri);
        }
        String where = jsonPath(e);
        return Problem.of(ProblemType.MALFORMED_REQUEST, where.isEmpty()
                ? "the body does not have the expected shape"
                : "field '" + where + "' has the wrong type or format")
                .withErrors(where.isEmpty() ? null : List.of(new Problem.FieldError(where, "wrong type or format")))
                .at(path(uri)).toResponse();
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e, UriInfo uri) {
        if (e.getCause() instanceof RequestBodyLimit.TooLarge tooLarge) {
            return tooLarge(tooLarge, uri);
        }
        return Problem.of(ProblemType.MALFORMED_REQUEST, "the body is not well-formed JSON").at(path(uri))
                .toResponse();
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return challenge(Problem.of(ProblemType.UNAUTHENTICATED, "a valid bearer token is required").at(path(uri)));
    }

    @ServerExceptionMapper
    public Response badCredentials(AuthenticationFailedException e, UriInfo uri) {
        return challenge(Problem.of(ProblemType.UNAUTHENTICATED,
                "the bearer token is missing, expired, or not signed by a trusted issuer").at(path(uri)));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problem.of(ProblemType.FORBIDDEN, e.getMessage() == null || e.getMessage().isBlank()
                ? "the caller's role does not allow this"
                : e.getMessage()).at(path(uri)).toResponse();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return Problem.of(ProblemType.NOT_FOUND, "no resource at this path").at(path(uri)).toResponse();
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri) {
        Response r = Problem.of(ProblemType.METHOD_NOT_ALLOWED, "the method is not allowed here").at(path(uri))
                .toResponse();
        return Response.fromResponse(r).allow(e.getResponse().getAllowedMethods()).build();
    }

    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e, UriInfo uri) {
        return Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "send application/json").at(path(uri)).toResponse();
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e, UriInfo uri) {
        return Problem.of(ProblemType.NOT_ACCEPTABLE, "this resource answers in application/json").at(path(uri))
                .toResponse();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        for (ProblemType type : ProblemType.values()) {
            if (type.status() == status) {
                return Problem.of(type, e.getMessage()).at(path(uri)).toResponse();
            }
        }
        return new Problem(ProblemType.MALFORMED_REQUEST.uri(), e.getResponse().getStatusInfo().getReasonPhrase(),
                status, e.getMessage(), path(uri), null, null).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (io.xunshi.kernel.consumer.TransientFailures.isTransient(e)) {
            // The database or broker is away for a moment; a retry with the same Idempotency-Key is safe whether
            // or not the failure struck after the commit.
            LOG.warnf("unavailable at %s: %s", path(uri), e.toString());
            return Problem.of(ProblemType.UNAVAILABLE, "the service cannot reach its database"
                    + " or broker just now; retry shortly with the same Idempotency-Key").at(path(uri)).toResponse();
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected failure %s at %s", reference, path(uri));
        return Problem.of(ProblemType.INTERNAL_ERROR, "an unexpected error occurred; reference " + reference)
                .at(path(uri)).toResponse();
    }

    private static Response challenge(Problem problem) {
        return Response.fromResponse(problem.toResponse()).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    /** The JSON path of the offending field, e.g. {@code address.city} or {@code members[2].name}. */
    private static String jsonPath(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    /**
     * The request field a violation is about, as a JSON path like {@link #jsonPath} gives it
     * ({@code assignments[0].team}, {@code evidence[2]}), without the method and parameter names of the
     * resource. In Bean Validation's path an index belongs to the node <em>inside</em> the iterable (it says
     * which element of the previous node holds it), and an element of a container such as
     * {@code List<@NotBlank String>} is a node named {@code <list element>}.
     */
    static String field(ConstraintViolation<?> violation) {
        StringBuilder out = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() != ElementKind.PROPERTY && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                continue;
            }
            if (node.isInIterable() && out.length() > 0) {
                Object at = node.getIndex() != null ? node.getIndex() : node.getKey();
                out.append('[').append(at == null ? "" : at).append(']');
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(name);
            }
        }
        return out.length() == 0 ? "body" : out.toString();
    }
}
