package io.xunshi.kernel.command;

import java.util.function.BiPredicate;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.xunshi.kernel.api.ProblemException;
import io.xunshi.kernel.api.ProblemType;
import io.xunshi.kernel.security.Caller;

/**
 * Who may send one command to an aggregate the caller can see (beyond the roles its resource method allows):
 * a refusal is 403 with the reason. Checked on the state the command is decided on.
 */
@FunctionalInterface
public interface Guard<S> {

    /** Throws a {@link ProblemException} when the caller may not act on {@code state}. */
    void check(Caller caller, S state);

    /** Anyone who can see the aggregate and holds one of the method's roles. */
    static <S> Guard<S> none() {
        return (caller, state) -> {
        };
    }

    /**
     * A guard that reads what it decides on (another aggregate, a register) through the command's transaction:
     * {@code allowed} answers whether the caller may act on {@code state}; 403 with the reason when not.
     */
    @FunctionalInterface
    interface Reading<S> {

        Uni<Boolean> allowed(SqlConnection conn, Caller caller, S state);
    }

    /** 403 with {@code reason} unless {@code allowed} holds. */
    static <S> Guard<S> allow(BiPredicate<Caller, S> allowed, String reason) {
        return (caller, state) -> {
            if (!allowed.test(caller, state)) {
                throw new ProblemException(ProblemType.FORBIDDEN, reason);
            }
        };
    }
}
