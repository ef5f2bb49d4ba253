package io.xunshi.kernel.command;

import java.util.function.BiPredicate;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.xunshi.kernel.aggregate.AggregateRepository;
import io.xunshi.kernel.aggregate.AggregateRepository.Loaded;
import io.xunshi.kernel.eventstore.EventMetadata;
import io.xunshi.kernel.security.Caller;

/**
 * One kind of aggregate as the {@link CommandPath} sees it: its repository, the name a 404 uses, the
 * jurisdiction its stream belongs to, and who may see one ({@code readable}: by default whoever's subtree
 * holds that jurisdiction). A service's application class builds one per aggregate type.
 */
public final class Aggregate<C, S> {

    private final String noun;
    private final AggregateRepository<C, ?, S> repository;
    private final Function<S, String> jurisdiction;
    private final BiPredicate<Caller, S> readable;
    private final AfterChange<S> afterChange;

    private Aggregate(String noun, AggregateRepository<C, ?, S> repository, Function<S, String> jurisdiction,
            BiPredicate<Caller, S> readable, AfterChange<S> afterChange) {
        this.noun = noun;
        this.repository = repository;
        this.jurisdiction = jurisdiction;
        this.readable = readable;
        this.afterChange = afterChange;
    }

    /**
     * What else a command that changed the aggregate writes, after its append in the same transaction; events it
     * appends to other streams carry {@code metadata}, the command's.
     */
    @FunctionalInterface
    public interface AfterChange<S> {

        Uni<Void> write(SqlConnection conn, Loaded<S> after, EventMetadata metadata);
    }

    /** An aggregate any caller sees whose subtree holds its jurisdiction. */
    public static <C, S> Aggregate<C, S> of(String noun, AggregateRepository<C, ?, S> repository,
            Function<S, String> jurisdiction) {
        return new Aggregate<>(noun, repository, jurisdiction,
                (caller, state) -> caller.covers(jurisdiction.apply(state)),
                (conn, after, metadata) -> Uni.createFrom().voidItem());
    }

    /** The same aggregate, seen only by the callers {@code readable} accepts (others get 404). */
    public Aggregate<C, S> readableBy(BiPredicate<Caller, S> readable) {
        return new Aggregate<>(noun, repository, jurisdiction, readable, afterChange);
    }

    /**
     * The same aggregate, keeping a register of its own up to date: {@code write} runs after every command the
     * command path appends for it, in that command's transaction (the append stays the transaction's first write).
     */
    public Aggregate<C, S> afterChange(AfterChange<S> write) {
        return new Aggregate<>(noun, repository, jurisdiction, readable, write);
    }

    Uni<Void> afterChange(SqlConnection conn, Loaded<S> after, EventMetadata metadata) {
        return afterChange.write(conn, after, metadata);
    }

    public String noun() {
        return noun;
    }

    public AggregateRepository<C, ?, S> repository() {
        return repository;
    }

    public String jurisdictionOf(S state) {
        return jurisdiction.apply(state);
    }

    public boolean readableBy(Caller caller, Loaded<S> loaded) {
        return loaded.exists() && readable.test(caller, loaded.state());
    }

    public Uni<Loaded<S>> load(String id) {
        return repository.load(id);
    }

    /** Loads through the command's own transaction's connection. */
    public Uni<Loaded<S>> load(SqlConnection conn, String id) {
        return repository.load(conn, id);
    }
}
