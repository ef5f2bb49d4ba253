package io.xunshi.testing.access;

/** What one cell of the matrix expects. */
public enum Outcome {

    /** The call passes the access checks: 2xx, or the domain's answer to the state (409, 422). */
    ALLOWED("✓"),
    /** A view that answers 200 and includes the resource. */
    LISTED("sees"),
    /** A view that answers 200 without the resource: not in its items, counts or roll-ups. */
    NOT_LISTED("blind"),
    /** 403: the role may not call the operation, or the write or filter lies outside the caller's subtree. */
    FORBIDDEN("403"),
    /** 404: the resource lies outside what the caller may see, answered as for an unknown id. */
    HIDDEN("404"),
    /** 401: no bearer token. */
    UNAUTHENTICATED("401"),
    /** No such caller: nothing lies above or beside the Centre. */
    NO_SUCH_CALLER("–");

    private final String symbol;

    Outcome(String symbol) {
        this.symbol = symbol;
    }

    /** How the published table shows it. */
    public String symbol() {
        return symbol;
    }

    /**
     * The problem type (README, "API conventions") of a refusal: a hidden resource answers the same
     * {@code not-found} as an unknown id.
     */
    String problemType() {
        return switch (this) {
            case FORBIDDEN -> "urn:xunshi:problem:forbidden";
            case HIDDEN -> "urn:xunshi:problem:not-found";
            case UNAUTHENTICATED -> "urn:xunshi:problem:unauthenticated";
            default -> null;
        };
    }

    /** The HTTP status this outcome is, or 0 when it is a class of answers. */
    int status() {
        return switch (this) {
            case FORBIDDEN -> 403;
            case HIDDEN -> 404;
            case UNAUTHENTICATED -> 401;
            default -> 0;
        };
    }
}
