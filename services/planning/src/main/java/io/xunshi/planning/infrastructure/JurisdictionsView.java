package io.xunshi.planning.infrastructure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.contracts.coordination.JurisdictionRegistered;
import io.xunshi.contracts.coordination.JurisdictionRenamed;
import io.xunshi.kernel.consumer.Delivered;
import io.xunshi.kernel.projection.TopicProjection;

/**
 * Planning's view of the jurisdiction tree coordination keeps ({@code jurisdictions}), for the subordinate
 * plans a higher level expects. Coordination seeds some 3,300 jurisdictions at once, so a poll is written
 * in one batch per statement.
 */
@ApplicationScoped
public class JurisdictionsView implements TopicProjection {

    private static final String REGISTER = "INSERT INTO jurisdictions (code, name, level, parent_code, version)"
            + " VALUES ($1, $2, $3, $4, $5) ON CONFLICT (code) DO NOTHING";
    private static final String RENAME = "UPDATE jurisdictions SET name = $2, version = GREATEST(version, $3)"
            + " WHERE code = $1 AND ($3 = 0 OR version < $3)";

    @Override
    public String name() {
        return "jurisdictions";
    }

    @Override
    public Set<Class<? extends Record>> events() {
        return Set.of(JurisdictionRegistered.class, JurisdictionRenamed.class);
    }

    @Override
    public Optional<String> unusable(Delivered<?> e) {
        if (e.payload() instanceof JurisdictionRegistered r) {
            return Versions.missing(Versions.names("code", "name", "level"), r.code(), r.name(), r.level());
        }
        JurisdictionRenamed r = e.payloadAs(JurisdictionRenamed.class);
        return Versions.missing(Versions.names("code", "name"), r.code(), r.name());
    }

    @Override
    public Uni<Void> apply(SqlConnection conn, Delivered<?> event) {
        return applyAll(conn, List.of(event));
    }

    @Override
    public Uni<Void> applyAll(SqlConnection conn, List<Delivered<?>> events) {
        List<Tuple> registrations = new ArrayList<>();
        List<Tuple> renames = new ArrayList<>();
        for (Delivered<?> e : events) {
            if (e.payload() instanceof JurisdictionRegistered r) {
                registrations.add(Tuple.tuple(Arrays.asList(r.code(), r.name(), r.level().name(), r.parentCode(),
                        Math.max(1, Versions.of(e)))));
            } else {
                JurisdictionRenamed r = e.payloadAs(JurisdictionRenamed.class);
                renames.add(Tuple.of(r.code(), r.name(), Versions.of(e)));
            }
        }
        Uni<Void> inserted = registrations.isEmpty()
                ? Uni.createFrom().voidItem()
                : conn.preparedQuery(REGISTER).executeBatch(registrations).replaceWithVoid();
        return inserted.flatMap(ignored -> renames.isEmpty()
                ? Uni.createFrom().voidItem()
                : conn.preparedQuery(RENAME).executeBatch(renames).replaceWithVoid());
    }

    @Override
    public Uni<Void> reset(SqlConnection conn) {
        return conn.query("DELETE FROM jurisdictions").execute().replaceWithVoid();
    }
}
