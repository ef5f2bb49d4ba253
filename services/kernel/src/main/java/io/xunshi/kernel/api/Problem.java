package io.xunshi.kernel.api;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail: what every error response of the platform carries, as
 * {@code application/problem+json}. Validation problems list the offending fields.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail, String instance, String code,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One offending field: where it is (e.g. {@code name} or {@code address.city}) and what is wrong. */
    public record FieldError(String field, String message) {
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri(), type.title(), type.status(), detail, null, null, null);
    }

    public Problem withCode(String domainCode) {
        return new Problem(type, title, status, detail, instance, domainCode, errors);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, code, fieldErrors);
    }

    public Problem at(String requestPath) {
        return new Problem(type, title, status, detail, requestPath, code, errors);
    }

    /** The problem as its answer; a 503 or 429 also says when to try again ({@code Retry-After}, seconds). */
    public Response toResponse() {
        Response.ResponseBuilder answer = Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(this);
        if (status == 503 || status == 429) {
            answer.header("Retry-After", "1");
        }
        return answer.build();
    }
}
