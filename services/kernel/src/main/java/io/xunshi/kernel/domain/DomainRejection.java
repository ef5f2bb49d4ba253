package io.xunshi.kernel.domain;

/**
 * A command the domain does not allow in the aggregate's current state (an illegal transition, a broken
 * rule). It carries a stable code; the API maps it to 409 Conflict or 422 Unprocessable Content.
 */
public class DomainRejection extends RuntimeException {

    private final String code;

    public DomainRejection(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
