package io.xunshi.kernel.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import io.xunshi.kernel.eventstore.ConcurrencyConflict;
import io.xunshi.kernel.security.Caller;

/**
 * Runs a command in one transaction, and, when the request carries an {@code Idempotency-Key}, keeps its
 * answer in that same transaction: a retry with the same key and the same request gets the first answer
 * (marked {@code Idempotent-Replayed: true}) and does nothing again; the same key with a different
 * request is refused with 422. A command that fails keeps nothing, so its retry runs afresh.
 *
 * <p>A kept answer lasts {@code xunshi.idempotency.retention} (24 hours by default): after that the key is
 * unknown again — a retry with it runs as a new command — and the record is deleted by a purge every
 * {@code xunshi.idempotency.purge-interval} (an hour), so the table holds one retention's worth of commands and
 * no answer, with whatever it named, outlives it.
 */
@ApplicationScoped
public class IdempotentCommands {

    private static final Logger LOG = Logger.getLogger(IdempotentCommands.class);

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 200;

    private final Pool pool;
    private final ObjectMapper json;
    private final Duration retention;
    private final Duration purgeInterval;
    private Cancellable purging;

    @Inject
    public IdempotentCommands(Pool pool, ObjectMapper json,
            @ConfigProperty(name = "xunshi.idempotency.retention", defaultValue = "24h") Duration retention,
            @ConfigProperty(name = "xunshi.idempotency.purge-interval", defaultValue = "1h") Duration purgeInterval) {
        this.pool = pool;
        this.json = json;
        this.retention = retention;
        this.purgeInterval = purgeInterval;
    }

    void start(@Observes StartupEvent started) {
        purging = Multi.createFrom().ticks().every(purgeInterval).onOverflow().drop()
                .onItem().transformToUniAndConcatenate(tick -> purgeExpired()
                        .onFailure().invoke(failure -> LOG.warnf(failure, "could not purge expired idempotency keys"))
                        .onFailure().recoverWithItem(0L))
                .subscribe().with(purged -> {
                    if (purged > 0) {
                        LOG.debugf("purged %d expired idempotency keys", purged);
                    }
                }, failure -> LOG.error("the idempotency key purge stopped", failure));
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (purging != null) {
            purging.cancel();
        }
    }

    /** Deletes the records older than the retention, up to 10,000 a statement; the number deleted. */
    public Uni<Long> purgeExpired() {
        return pool.preparedQuery("DELETE FROM idempotency_keys WHERE ctid IN (SELECT ctid FROM idempotency_keys"
                + " WHERE created_at < clock_timestamp() - make_interval(secs => $1) ORDER BY created_at LIMIT 10000)")
                .execute(Tuple.of(retentionSeconds())).flatMap(rows -> rows.rowCount() == 10_000
                        ? purgeExpired().map(more -> more + 10_000)
                        : Uni.createFrom().item((long) rows.rowCount()));
    }

    /**
     * @param request what identifies the request for the key: method, path and body (any stable text);
     * @param ifMatchGiven whether the expected version came from {@code If-Match}: a version conflict is
     *        then 412 Precondition Failed rather than 409 Conflict.
     */
    public Uni<Response> run(Caller caller, String key, String request, boolean ifMatchGiven,
            Function<SqlConnection, Uni<CommandResult>> command) {
        Uni<Response> answer = key == null
                ? pool.withTransaction(command).map(this::toResponse)
                : runOnce(caller, validKey(key), sha256(request), command);
        return answer.onFailure(ConcurrencyConflict.class).transform(e -> ifMatchGiven
                ? new ProblemException(ProblemType.PRECONDITION_FAILED, "the resource has changed since the"
                        + " version named in If-Match: " + e.getMessage())
                : e);
    }

    private Uni<Response> runOnce(Caller caller, String key, byte[] hash,
            Function<SqlConnection, Uni<CommandResult>> command) {
        return stored(caller, key).flatMap(found -> {
            if (found != null) {
                return Uni.createFrom().item(replay(found, hash));
            }
            return pool.withTransaction(conn -> command.apply(conn)
                    .call(result -> keep(conn, caller, key, hash, result)))
                    .map(this::toResponse)
                    .onFailure(IdempotentCommands::isSameKeyRace)
                    .recoverWithUni(() -> stored(caller, key).map(winner -> replay(winner, hash)));
        });
    }

    private Uni<Row> stored(Caller caller, String key) {
        return pool.preparedQuery("SELECT request_hash, status, headers::text AS headers, body FROM idempotency_keys"
                + " WHERE caller = $1 AND idempotency_key = $2 AND created_at >= clock_timestamp()"
                + " - make_interval(secs => $3)").execute(Tuple.of(caller.subject(), key,
                        retentionSeconds()))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next());
    }

    private Uni<Void> keep(SqlConnection conn, Caller caller, String key, byte[] hash, CommandResult result) {
        String headers;
        String body;
        try {
            headers = json.writeValueAsString(result.headers());
            body = result.body() == null ? null : json.writeValueAsString(result.body());
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        // One statement: an expired record of the same key that the purge has not deleted yet gives way to the new
        // one; a live one (another request with the key committed first) leaves nothing written, as a race.
        return conn
                .preparedQuery("INSERT INTO idempotency_keys (caller, idempotency_key, request_hash, status, headers,"
                        + " body) VALUES ($1, $2, $3, $4, $5::text::jsonb, $6) ON CONFLICT (caller, idempotency_key) DO UPDATE"
                        + " SET request_hash = EXCLUDED.request_hash, status = EXCLUDED.status, headers = EXCLUDED.headers,"
                        + " body = EXCLUDED.body, created_at = clock_timestamp()"
                        + " WHERE idempotency_keys.created_at < clock_timestamp() - make_interval(secs => $7)")
                .execute(Tuple.tuple(Arrays.asList(caller.subject(), key, io.vertx.core.buffer.Buffer.buffer(hash),
                        result.status(), headers, body, retentionSeconds())))
                .flatMap(rows -> rows.rowCount() == 1
                        ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(new KeyTaken()));
    }

    private double retentionSeconds() {
        return retention.toMillis() / 1000.0;
    }

    private Response replay(Row row, byte[] hash) {
        if (!Arrays.equals(row.getBuffer("request_hash").getBytes(), hash)) {
            throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "this Idempotency-Key was used for a different request; use a new key for a new request");
        }
        try {
            Map<String, String> headers = json.readValue(row.getString("headers"), new TypeReference<>() {
            });
            Response.ResponseBuilder builder = Response.status(row.getInteger("status"))
                    .header(REPLAYED, "true");
            headers.forEach(builder::header);
            String body = row.getString("body");
            return body == null ? builder.build() : builder.entity(body).type(MediaType.APPLICATION_JSON).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a kept answer does not parse", e);
        }
    }

    private Response toResponse(CommandResult result) {
        Response.ResponseBuilder builder = Response.status(result.status());
        new LinkedHashMap<>(result.headers()).forEach(builder::header);
        return result.body() == null
                ? builder.build()
                : builder.entity(result.body()).type(MediaType.APPLICATION_JSON)
                        .build();
    }

    private static boolean isSameKeyRace(Throwable failure) {
        return failure instanceof KeyTaken || failure instanceof PgException pg && "23505".equals(pg.getSqlState())
                && "idempotency_keys_pkey".equals(pg.getConstraint());
    }

    /** Another request with the same key kept its answer first; the answer to give is that one. */
    private static final class KeyTaken extends RuntimeException {

        KeyTaken() {
            super("the Idempotency-Key was kept by a concurrent request", null, false, false);
        }
    }

    private static String validKey(String key) {
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, HEADER + " must be 1 to " + MAX_KEY_LENGTH
                    + " visible ASCII characters");
        }
        return key;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
