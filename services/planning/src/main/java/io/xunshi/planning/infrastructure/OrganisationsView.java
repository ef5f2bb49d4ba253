package io.xunshi.planning.infrastructure;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.contracts.coordination.OrganisationRegistered;
import io.xunshi.contracts.coordination.OrganisationRenamed;
import io.xunshi.kernel.consumer.IncomingEvent;
import io.xunshi.kernel.projection.TopicProjection;

/**
 * Planning's view of the organisations coordination registers ({@code organisations}): which jurisdiction
 * manages each (and so whose universe it belongs to), its name and location. A registration seen again
 * changes nothing; a rename applies only over an older version.
 */
@ApplicationScoped
public class OrganisationsView implements TopicProjection {

    public static final String TOPIC = "xunshi.coordination.events";

    private static final String REGISTER = "INSERT INTO organisations (organisation_id, name, kind, jurisdiction,"
            + " location, version) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (organisation_id) DO NOTHING";
    private static final String RENAME = "UPDATE organisations SET name = $2, version = GREATEST(version, $3)"
            + " WHERE organisation_id = $1 AND ($3 = 0 OR version < $3)";

    @Override
    public String name() {
        return "organisations";
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(OrganisationRegistered.TYPE, OrganisationRenamed.TYPE);
    }

    @Override
    public Optional<String> unusable(IncomingEvent e) {
        return e.type().endsWith("Registered") ? e.missingText("organisationId", "name", "kind", "jurisdiction")
                : e.missingText("organisationId", "name");
    }

    @Override
    public Uni<Void> apply(SqlConnection conn, IncomingEvent event) {
        return applyAll(conn, List.of(event));
    }

    /** One round trip per statement for the whole poll: registrations first, then renames in order. */
    @Override
    public Uni<Void> applyAll(SqlConnection conn, List<IncomingEvent> events) {
        List<Tuple> registrations = new ArrayList<>();
        List<Tuple> renames = new ArrayList<>();
        for (IncomingEvent e : events) {
            var p = e.payload();
            if (e.type().equals(OrganisationRegistered.TYPE)) {
                String jurisdiction = p.path("jurisdiction").asText();
                String location = p.path("location").isTextual() ? p.path("location").asText() : jurisdiction;
                registrations.add(Tuple.tuple(List.of(p.path("organisationId").asText(), p.path("name").asText(),
                        p.path("kind").asText(), jurisdiction, location, Math.max(1, Versions.of(e)))));
            } else {
                renames.add(Tuple.of(p.path("organisationId").asText(), p.path("name").asText(), Versions.of(e)));
            }
        }
        Uni<Void> inserted = registrations.isEmpty() ? Uni.createFrom().voidItem()
                : conn.preparedQuery(REGISTER).executeBatch(registrations).replaceWithVoid();
        return inserted.flatMap(ignored -> renames.isEmpty() ? Uni.createFrom().voidItem()
                : conn.preparedQuery(RENAME).executeBatch(renames).replaceWithVoid());
    }

    @Override
    public Uni<Void> reset(SqlConnection conn) {
        return conn.query("DELETE FROM organisations").execute().replaceWithVoid();
    }
}
