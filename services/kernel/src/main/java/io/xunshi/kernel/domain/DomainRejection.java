package io.xunshi.kernel.domain;

/**
 * A command the domain does not allow. It carries a stable code and says what kind of refusal it is, and the
 * kernel alone maps the kind to HTTP: an illegal transition or broken rule about the aggregate's state is
 * 409 Conflict ({@code urn:xunshi:problem:illegal-state}), an {@link InvalidCommand} (a rule about the
 * command's own content, with the field at fault) is 422, and a part the aggregate does not have (a task
 * of a case, a finding of an inspection) is 404. No service keeps its own list of codes.
 */
public class DomainRejection extends RuntimeException {

    /** How the refusal is answered. */
    public enum Kind {
        /** The aggregate's state does not allow the command: 409. */
        ILLEGAL_STATE,
        /** The command's own content breaks a rule: 422 naming the field. */
        INVALID,
        /** The command names a part of the aggregate that does not exist: 404. */
        NOT_FOUND
    }

    private final Kind kind;
    private final String code;

    /** An illegal state (409). */
    public DomainRejection(String code, String message) {
        this(Kind.ILLEGAL_STATE, code, message);
    }

    protected DomainRejection(Kind kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    /** The command names a part of the aggregate it does not have (404). */
    public static DomainRejection notFound(String code, String message) {
        return new DomainRejection(Kind.NOT_FOUND, code, message);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }
}
