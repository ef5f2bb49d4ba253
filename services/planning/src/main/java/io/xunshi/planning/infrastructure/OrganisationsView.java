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
import io.xunshi.kernel.consumer.Delivered;
import io.xunshi.kernel.projection.TopicProjection;

/**
 * Planning's view of the organisations coordination registers ({@code organisations}): which jurisdiction
 * manages each (and so whose universe it belongs to), its name and location. A registration seen again
 * changes nothing; a rename applies only over an older version.
 */
@ApplicationScoped
public class OrganisationsView implements TopicProjection {

    private static final String REGISTER = "INSERT INTO organisations (organisation_id, name, kind, jurisdiction,"
            + " location, version) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (organisation_id) DO NOTHING";
    private static final String RENAME = "UPDATE organisations SET name = $2, version = GREATEST(version, $3)"
            + " WHERE organisation_id = $1 AND ($3 = 0 OR version < $3)";

    @Override
    public String name() {
        return "organisations";
    }

    @Override
    public Set<Class<? extends Record>> events() {
        return Set.of(OrganisationRegistered.class, OrganisationRenamed.class);
    }

    @Override
    public Optional<String> unusable(Delivered<?> e) {
        if (e.payload() instanceof OrganisationRegistered r) {
            return Versions.missing(Versions.names("organisationId", "name", "kind", "jurisdiction"),
                    r.organisationId(), r.name(), r.kind(), r.jurisdiction());
        }
        OrganisationRenamed r = e.payloadAs(OrganisationRenamed.class);
        return Versions.missing(Versions.names("organisationId", "name"), r.organisationId(), r.name());
    }

    @Override
    public Uni<Void> apply(SqlConnection conn, Delivered<?> event) {
        return applyAll(conn, List.of(event));
    }

    /** One round trip per statement for the whole poll: registrations first, then renames in order. */
    @Override
    public Uni<Void> applyAll(SqlConnection conn, List<Delivered<?>> events) {
        List<Tuple> registrations = new ArrayList<>();
        List<Tuple> renames = new ArrayList<>();
        for (Delivered<?> e : events) {
            if (e.payload() instanceof OrganisationRegistered r) {
                String location = r.location() != null ? r.location() : r.jurisdiction();
                registrations.add(Tuple.tuple(List.of(r.organisationId(), r.name(), r.kind().name(), r.jurisdiction(),
                        location, Math.max(1, Versions.of(e)))));
            } else {
                OrganisationRenamed r = e.payloadAs(OrganisationRenamed.class);
                renames.add(Tuple.of(r.organisationId(), r.name(), Versions.of(e)));
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
        return conn.query("DELETE FROM organisations").execute().replaceWithVoid();
    }
}
