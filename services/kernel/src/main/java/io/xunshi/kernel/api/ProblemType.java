package io.xunshi.kernel.api;

import java.net.URI;

/**
 * The kinds of error the platform's APIs answer with, each with a stable {@code type} URI (RFC 9457),
 * its HTTP status and a short title. Clients branch on the type, never on the title or detail.
 */
public enum ProblemType {

    MALFORMED_REQUEST(400, "Malformed request"), VALIDATION_FAILED(422, "Validation failed"), UNAUTHENTICATED(401,
            "Authentication required"), FORBIDDEN(403, "Forbidden"), NOT_FOUND(404,
                    "Not found"), METHOD_NOT_ALLOWED(405, "Method not allowed"), NOT_ACCEPTABLE(406,
                            "Not acceptable"), VERSION_CONFLICT(409, "Version conflict"), ILLEGAL_STATE(409,
                                    "Not allowed in the current state"), PRECONDITION_FAILED(412,
                                            "Precondition failed"), PAYLOAD_TOO_LARGE(413,
                                                    "Payload too large"), UNSUPPORTED_MEDIA_TYPE(415,
                                                            "Unsupported media type"), TOO_MANY_REQUESTS(429,
                                                                    "Too many requests"), IDEMPOTENCY_KEY_REUSED(422,
                                                                            "Idempotency key reused with a different request"), REDRIVE_FAILED(
                                                                                    422,
                                                                                    "The dead letter could not be processed"), INTERNAL_ERROR(
                                                                                            500,
                                                                                            "Internal error"), UNAVAILABLE(
                                                                                                    503,
                                                                                                    "Service unavailable");

    private final int status;
    private final String title;

    ProblemType(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** e.g. {@code urn:xunshi:problem:version-conflict}. */
    public URI uri() {
        return URI.create("urn:xunshi:problem:" + name().toLowerCase().replace('_', '-'));
    }
}
