package io.xunshi.kernel.command;

import java.util.function.Function;

import io.xunshi.kernel.aggregate.AggregateRepository.Loaded;
import io.xunshi.kernel.api.CommandResult;

/**
 * What a command answers once it has been decided and appended, from the aggregate after it: 200 with a view
 * and the new ETag, or 201 with the created resource, its {@code Location} and ETag.
 */
@FunctionalInterface
public interface Answer<S> extends Function<Loaded<S>, CommandResult> {

    /** 200 with {@code view} of the aggregate and its new ETag. */
    static <S> Answer<S> ok(Function<Loaded<S>, ?> view) {
        return after -> CommandResult.ok(after.version(), view.apply(after));
    }

    /** 201 with {@code view}, {@code Location: location} and the aggregate's new ETag. */
    static <S> Answer<S> created(Function<Loaded<S>, String> location, Function<Loaded<S>, ?> view) {
        return after -> CommandResult.created(location.apply(after), after.version(), view.apply(after));
    }
}
