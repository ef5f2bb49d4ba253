package io.xunshi.benchmarks;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.xunshi.kernel.consumer.Delivered;
import io.xunshi.kernel.projection.TopicProjection;

/**
 * The same findings list as {@link FindingsProjection}, kept from the service's topic instead of its
 * store, as another service would keep it: idempotent per finding, one statement per poll.
 */
@ApplicationScoped
public class FindingsFromTopicProjection implements TopicProjection {

    static final String NAME = "bench-findings-from-topic";

    private final String topic;

    @Inject
    public FindingsFromTopicProjection(@ConfigProperty(name = "xunshi.kafka.topic") String topic) {
        this.topic = topic;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public Set<Class<? extends Record>> events() {
        return Set.of(BenchEvents.Finding.class);
    }

    @Override
    public Uni<Void> apply(SqlConnection conn, Delivered<?> event) {
        return applyAll(conn, List.of(event));
    }

    @Override
    public Uni<Void> applyAll(SqlConnection conn, List<Delivered<?>> events) {
        FindingsProjection.Rows rows = new FindingsProjection.Rows(events.size());
        events.forEach(e -> rows.add(e.event().subject(), e.event().aggregateVersion().orElseThrow(),
                e.event().jurisdiction(), e.payloadAs(BenchEvents.Finding.class)));
        return conn.preparedQuery(FindingsProjection.INSERT.formatted("findings_from_topic")).execute(rows.tuple())
                .replaceWithVoid();
    }

    @Override
    public Uni<Void> reset(SqlConnection conn) {
        return conn.query("DELETE FROM findings_from_topic").execute().replaceWithVoid();
    }
}
