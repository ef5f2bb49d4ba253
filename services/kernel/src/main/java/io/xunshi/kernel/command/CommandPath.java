package io.xunshi.kernel.command;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.xunshi.kernel.aggregate.AggregateRepository.Loaded;
import io.xunshi.kernel.api.CommandResult;
import io.xunshi.kernel.api.ETags;
import io.xunshi.kernel.api.IdempotentCommands;
import io.xunshi.kernel.api.ProblemException;
import io.xunshi.kernel.api.ProblemType;
import io.xunshi.kernel.eventstore.ConcurrencyConflict;
import io.xunshi.kernel.eventstore.EventMetadata;
import io.xunshi.kernel.eventstore.ExpectedVersion;
import io.xunshi.kernel.security.Caller;
import io.xunshi.kernel.security.CurrentCaller;

/**
 * The one command path of every service. A resource method declares who may call it (its roles, and a
 * {@link Guard} for what roles cannot say), builds the domain command from the request and says what it
 * answers; the path does the rest, the same way everywhere:
 * <ol>
 * <li>the caller, from the token; the expected version, from {@code If-Match};</li>
 * <li>one transaction, which also keeps the answer under the {@code Idempotency-Key} when one is sent, so
 * that a retry gets the first answer and nothing happens twice ({@link IdempotentCommands});</li>
 * <li>the aggregate, loaded once: absent or outside what the caller may see is 404, as if it did not exist;
 * the guard's 403; a stale {@code If-Match} 412;</li>
 * <li>decide and append; a domain rejection is answered by its kind (409, 422 naming the field, 404) by
 * the kernel's one mapping;</li>
 * <li>commands to one aggregate are decided in turn within the process ({@link StreamQueue}), and a command sent
 * <em>without</em> {@code If-Match} that still meets a change appended a moment before (by another replica) is
 * decided again on the new state, up to {@value #ATTEMPTS} times: the client never asked for optimistic
 * concurrency, so it does not get a 409 for someone else's write.</li>
 * </ol>
 * Creations and commands that consult other data first use {@link #run} with a handler of their own, and
 * get the same transaction, idempotency, retries and answers.
 */
@ApplicationScoped
public class CommandPath {

    /** How many times a command without {@code If-Match} is decided before a conflict is answered 409. */
    public static final int ATTEMPTS = 10;

    private static final Logger LOG = Logger.getLogger(CommandPath.class);

    private final IdempotentCommands idempotent;
    private final CurrentCaller callers;
    private final CurrentVertxRequest request;
    private final ObjectMapper json;
    private final Counter retries;
    private final StreamQueue queue = new StreamQueue();

    @Inject
    public CommandPath(IdempotentCommands idempotent, CurrentCaller callers, CurrentVertxRequest request,
            ObjectMapper json, MeterRegistry metrics) {
        this.idempotent = idempotent;
        this.callers = callers;
        this.request = request;
        this.json = json;
        this.retries = Counter.builder("xunshi.command.retries")
                .description("Commands without If-Match decided again after a concurrent change to their aggregate")
                .register(metrics);
    }

    /** Decides {@code command} on the aggregate {@code id} and answers as {@code answer} says. */
    public <C, S> Uni<Response> execute(Aggregate<C, S> aggregate, String id, CommandHeaders headers, Object body,
            C command, Answer<S> answer) {
        return executeOnState(aggregate, id, headers, body, Guard.none(), state -> command, answer);
    }

    /** The same, refused with 403 when {@code guard} says the caller may not act on the aggregate. */
    public <C, S> Uni<Response> execute(Aggregate<C, S> aggregate, String id, CommandHeaders headers, Object body,
            Guard<S> guard, C command, Answer<S> answer) {
        return executeOnState(aggregate, id, headers, body, guard, state -> command, answer);
    }

    /** The same, with a command built from the state it is decided on. */
    public <C, S> Uni<Response> executeOnState(Aggregate<C, S> aggregate, String id, CommandHeaders headers,
            Object body, Guard<S> guard, Function<S, C> command, Answer<S> answer) {
        return executeOnState(aggregate, id, headers, body, (conn, caller, state) -> {
            guard.check(caller, state);
            return Uni.createFrom().item(true);
        }, null, command, answer);
    }

    /**
     * The same, refused with 403 and {@code reason} unless {@code guard}, reading through the command's
     * transaction, allows the caller to act on the aggregate.
     */
    public <C, S> Uni<Response> execute(Aggregate<C, S> aggregate, String id, CommandHeaders headers, Object body,
            Guard.Reading<S> guard, String reason, C command, Answer<S> answer) {
        return executeOnState(aggregate, id, headers, body, guard, reason, state -> command, answer);
    }

    private <C, S> Uni<Response> executeOnState(Aggregate<C, S> aggregate, String id, CommandHeaders headers,
            Object body, Guard.Reading<S> guard, String reason, Function<S, C> command, Answer<S> answer) {
        return queue.inTurn(id, run(headers, body, (conn, context) -> aggregate.load(conn, id).flatMap(loaded -> {
            Caller caller = context.caller();
            if (!aggregate.readableBy(caller, loaded)) {
                throw notFound(aggregate);
            }
            return guard.allowed(conn, caller, loaded.state()).flatMap(allowed -> {
                if (!allowed) {
                    throw new ProblemException(ProblemType.FORBIDDEN, reason);
                }
                if (context.expectedVersion() != ExpectedVersion.ANY
                        && context.expectedVersion() != loaded.version()) {
                    throw new ConcurrencyConflict(id, context.expectedVersion(), loaded.version());
                }
                return aggregate.repository().decide(conn, id, aggregate.jurisdictionOf(loaded.state()), loaded,
                        command.apply(loaded.state()), context.metadata())
                        .call(after -> after.version() == loaded.version()
                                ? Uni.createFrom().voidItem()
                                : aggregate.afterChange(conn, after, context.metadata()));
            });
        }), answer));
    }

    /**
     * Runs {@code handler} on the command path: in one transaction with the idempotency record, decided again
     * on a conflict when the client sent no {@code If-Match}, answered by {@code answer}.
     */
    public <T> Uni<Response> run(RequestHeaders headers, Object body, Handler<T> handler,
            Function<? super T, CommandResult> answer) {
        Caller caller = callers.get();
        RequestHeaders given = headers == null ? new CommandHeaders(null, null) : headers;
        int expected = ETags.expectedVersion(given.ifMatch());
        boolean ifMatch = expected != ExpectedVersion.ANY;
        CommandContext context = new CommandContext(caller, expected, new EventMetadata(null, null, caller.subject()));
        String fingerprint = fingerprint(body);
        return attempt(1, caller, given, fingerprint, ifMatch, conn -> handler.handle(conn, context).map(answer));
    }

    private Uni<Response> attempt(int attempt, Caller caller, RequestHeaders headers, String fingerprint,
            boolean ifMatch, Function<SqlConnection, Uni<CommandResult>> command) {
        Uni<Response> once = idempotent.run(caller, headers.idempotencyKey(), fingerprint, ifMatch, command);
        if (ifMatch || attempt >= ATTEMPTS) {
            return once;
        }
        return once.onFailure(ConcurrencyConflict.class).recoverWithUni(conflict -> {
            retries.increment();
            LOG.debugf("decided again after a concurrent change (attempt %d): %s", attempt + 1, conflict.getMessage());
            return attempt(attempt + 1, caller, headers, fingerprint, false, command);
        });
    }

    /** Reads the aggregate {@code id} as {@code view} with its ETag; 404 when absent or not the caller's to see. */
    public <S> Uni<Response> read(Aggregate<?, S> aggregate, String id, Function<Loaded<S>, ?> view) {
        return visible(aggregate, id)
                .map(loaded -> Response.ok(view.apply(loaded)).header("ETag", ETags.of(loaded.version())).build());
    }

    /** The aggregate {@code id}, or 404 when it is absent or not the caller's to see. */
    public <S> Uni<Loaded<S>> visible(Aggregate<?, S> aggregate, String id) {
        Caller caller = callers.get();
        return aggregate.load(id).map(loaded -> {
            if (!aggregate.readableBy(caller, loaded)) {
                throw notFound(aggregate);
            }
            return loaded;
        });
    }

    private static ProblemException notFound(Aggregate<?, ?> aggregate) {
        return new ProblemException(ProblemType.NOT_FOUND, aggregate.noun() + " not found");
    }

    /** What identifies a request for its idempotency key: method, path and body. */
    private String fingerprint(Object body) {
        var http = request.getCurrent().request();
        try {
            return http.method().name() + " " + http.path() + " " + json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A command's own work in the command path's transaction, on {@code conn}: usually an aggregate after its
     * append (the append first, then what else it must write), or a report of what it did.
     */
    @FunctionalInterface
    public interface Handler<T> {

        Uni<T> handle(SqlConnection conn, CommandContext context);
    }
}
