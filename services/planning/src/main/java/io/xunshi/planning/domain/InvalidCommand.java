package io.xunshi.planning.domain;

import java.util.List;

import io.xunshi.kernel.domain.DomainRejection;

/**
 * A command that breaks a rule about its own content (a term, a parent plan, a universe, a stationing
 * window) rather than about the aggregate's state: the API answers 422 naming the offending field, where a
 * plain {@link DomainRejection} (a duplicate plan, a round launched twice) answers 409.
 */
public class InvalidCommand extends DomainRejection {

    private final String field;
    private final List<String> ids;

    public InvalidCommand(String code, String field, String message) {
        this(code, field, message, List.of());
    }

    public InvalidCommand(String code, String field, String message, List<String> ids) {
        super(code, message);
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
