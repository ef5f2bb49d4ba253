package io.xunshi.kernel.domain;

import java.util.List;

/**
 * A command that breaks a rule about its own content (a term, a parent plan, a universe, a date before the
 * step it follows) rather than about the aggregate's state: the API answers 422 with the rule's code and
 * the request field at fault, where a plain {@link DomainRejection} answers 409.
 */
public class InvalidCommand extends DomainRejection {

    private final String field;
    private final List<String> ids;

    public InvalidCommand(String code, String field, String message) {
        this(code, field, message, List.of());
    }

    public InvalidCommand(String code, String field, String message, List<String> ids) {
        super(Kind.INVALID, code, message);
        this.field = field;
        this.ids = List.copyOf(ids);
    }

    /** The request field at fault, e.g. {@code termEnd} or {@code universe}. */
    public String field() {
        return field;
    }

    /** The ids at fault, when the rule is about some of a list's ids. */
    public List<String> ids() {
        return ids;
    }
}
