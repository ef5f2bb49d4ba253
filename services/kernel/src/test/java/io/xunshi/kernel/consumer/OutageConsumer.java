package io.xunshi.kernel.consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;

/**
 * A consumer whose database sits behind a {@link CuttableTcpProxy}, so that a test can take the database away
 * from it — connections reset, then refused — while the consumer has records to process, and give it back.
 */
@ApplicationScoped
public class OutageConsumer {

    public static final String NAME = "kernel-test-outage";
    public static final String TOPIC = "xunshi.testoutage.events";
    public static final String DEAD_LETTER_TOPIC = "xunshi.testoutage.events.kernel-test-outage.dlq";
    public static final String NOTE_TAKEN = "xunshi.testoutage.NoteTaken.v1";

    public record NoteTaken(String note) {

        public static final String TYPE = "xunshi.testoutage.NoteTaken";
        public static final int VERSION = 1;
    }

    private final CuttableTcpProxy proxy;
    private final Pool pool;
    private final EventConsumer consumer;

    @Inject
    public OutageConsumer(EventConsumers consumers, Vertx vertx,
            @ConfigProperty(name = "xunshi.db.host") String host, @ConfigProperty(name = "xunshi.db.port") int port,
            @ConfigProperty(name = "xunshi.db.name") String database,
            @ConfigProperty(name = "xunshi.db.user") String user,
            @ConfigProperty(name = "xunshi.db.password") String password,
            @ConfigProperty(name = "xunshi.service.schema") String schema) {
        proxy = new CuttableTcpProxy(host, port);
        PgConnectOptions options = new PgConnectOptions().setHost("127.0.0.1").setPort(proxy.port())
                .setDatabase(database).setUser(user).setPassword(password).setConnectTimeout(1_000)
                .addProperty("search_path", schema);
        pool = Pool.pool(vertx, options, new PoolOptions().setMaxSize(2).setConnectionTimeout(2));
        consumer = consumers.define(NAME)
                .inbox(new Inbox(pool))
                .on(NoteTaken.class,
                        (conn, event, taken) -> conn.preparedQuery("INSERT INTO test_note_counts (subject, notes)"
                                + " VALUES ($1, 1) ON CONFLICT (subject) DO UPDATE SET notes = test_note_counts.notes + 1")
                                .execute(Tuple.of(event.subject())).replaceWithVoid())
                .retries(1, java.time.Duration.ofMillis(50))
                .maxBackoff(java.time.Duration.ofMillis(400))
                .build();
    }

    @Incoming("testoutage-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return consumer.consume(record).replaceWithVoid();
    }

    /** The database becomes unreachable for this consumer: open connections reset, new ones refused. */
    public void cutDatabase() {
        proxy.cut();
    }

    public void restoreDatabase() {
        proxy.restore();
    }

    @PreDestroy
    void close() {
        proxy.close();
        pool.closeAndAwait();
    }
}
