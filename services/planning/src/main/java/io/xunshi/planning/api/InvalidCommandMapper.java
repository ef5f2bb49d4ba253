package io.xunshi.planning.api;

import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.xunshi.kernel.api.Problem;
import io.xunshi.kernel.api.ProblemType;
import io.xunshi.planning.domain.InvalidCommand;

/**
 * A command that breaks a rule about its own content is 422 with the rule's code and the field at fault
 * (other domain rejections stay 409 through the kernel's mappers).
 */
public class InvalidCommandMapper {

    @ServerExceptionMapper
    public Response invalid(InvalidCommand e, UriInfo uri) {
        return Problem.of(ProblemType.VALIDATION_FAILED, e.getMessage()).withCode(e.code())
                .withErrors(List.of(new Problem.FieldError(e.field(), e.getMessage())))
                .at(uri == null ? null : uri.getRequestUri().getRawPath()).toResponse();
    }
}
