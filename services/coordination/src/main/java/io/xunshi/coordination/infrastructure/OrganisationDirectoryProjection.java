package io.xunshi.coordination.infrastructure;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.contracts.coordination.OrganisationRegistered;
import io.xunshi.contracts.coordination.OrganisationRenamed;
import io.xunshi.kernel.eventstore.StoredEvent;
import io.xunshi.kernel.projection.Projection;
import io.xunshi.kernel.projection.Recorded;

/** Keeps the {@code organisations} read model, which lists and filters serve, from the organisation events. */
@ApplicationScoped
public class OrganisationDirectoryProjection implements Projection {

    private static final String REGISTER = "INSERT INTO organisations (organisation_id, name, kind, jurisdiction,"
            + " location, version, registered_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)"
            + " ON CONFLICT (organisation_id) DO NOTHING";
    private static final String RENAME = "UPDATE organisations SET name = $2, version = $3, updated_at = $4"
            + " WHERE organisation_id = $1 AND version < $3";

    @Override
    public String name() {
        return "organisations";
    }

    @Override
    public Set<Class<? extends Record>> events() {
        return Set.of(OrganisationRegistered.class, OrganisationRenamed.class);
    }

    @Override
    public Uni<Void> apply(SqlConnection conn, Recorded<?> event) {
        return applyAll(conn, List.of(event));
    }

    /** One round trip per statement for the whole batch: inserts first, then renames, each in stream order. */
    @Override
    public Uni<Void> applyAll(SqlConnection conn, List<Recorded<?>> events) {
        List<Tuple> registrations = new ArrayList<>();
        List<Tuple> renames = new ArrayList<>();
        for (Recorded<?> recorded : events) {
            StoredEvent e = recorded.event();
            OffsetDateTime at = OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC);
            if (recorded.payload() instanceof OrganisationRegistered r) {
                registrations.add(Tuple.tuple(List.of(e.streamId(), r.name(), r.kind().name(), r.jurisdiction(),
                        r.location(), e.version(), at)));
            } else {
                renames.add(Tuple.of(e.streamId(), recorded.payloadAs(OrganisationRenamed.class).name(), e.version(),
                        at));
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
