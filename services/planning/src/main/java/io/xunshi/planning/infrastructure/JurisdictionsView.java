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
import io.xunshi.kernel.consumer.IncomingEvent;
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
    public String topic() {
        return OrganisationsView.TOPIC;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(JurisdictionRegistered.TYPE, JurisdictionRenamed.TYPE);
    }

    @Override
    public Optional<String> unusable(IncomingEvent e) {
        return e.type().endsWith("Registered") ? e.missingText("code", "name", "level") : e.missingText("code", "name");
    }

    @Override
    public Uni<Void> apply(SqlConnection conn, IncomingEvent event) {
        return applyAll(conn, List.of(event));
    }

    @Override
    public Uni<Void> applyAll(SqlConnection conn, List<IncomingEvent> events) {
        List<Tuple> registrations = new ArrayList<>();
        List<Tuple> renames = new ArrayList<>();
        for (IncomingEvent e : events) {
            var p = e.payload();
            if (e.type().equals(JurisdictionRegistered.TYPE)) {
                String parent = p.path("parentCode").isTextual() ? p.path("parentCode").asText() : null;
                registrations.add(Tuple.tuple(Arrays.asList(p.path("code").asText(), p.path("name").asText(),
                        p.path("level").asText(), parent, Math.max(1, Versions.of(e)))));
            } else {
                renames.add(Tuple.of(p.path("code").asText(), p.path("name").asText(), Versions.of(e)));
            }
        }
        Uni<Void> inserted = registrations.isEmpty() ? Uni.createFrom().voidItem()
                : conn.preparedQuery(REGISTER).executeBatch(registrations).replaceWithVoid();
        return inserted.flatMap(ignored -> renames.isEmpty() ? Uni.createFrom().voidItem()
                : conn.preparedQuery(RENAME).executeBatch(renames).replaceWithVoid());
    }

    @Override
    public Uni<Void> reset(SqlConnection conn) {
        return conn.query("DELETE FROM jurisdictions").execute().replaceWithVoid();
    }
}
