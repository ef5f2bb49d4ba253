package io.xunshi.coordination.infrastructure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.contracts.coordination.JurisdictionRegistered;
import io.xunshi.contracts.coordination.JurisdictionRenamed;
import io.xunshi.kernel.eventstore.StoredEvent;
import io.xunshi.kernel.projection.Projection;
import io.xunshi.kernel.projection.Recorded;

/** Keeps the {@code jurisdictions} read model, which tree reads and roll-ups serve, from the jurisdiction events. */
@ApplicationScoped
public class JurisdictionTreeProjection implements Projection {

    public static final String NAME = "jurisdictions";

    private static final String REGISTER = "INSERT INTO jurisdictions (code, name, level, parent_code, source, version)"
            + " VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (code) DO NOTHING";
    private static final String RENAME = "UPDATE jurisdictions SET name = $2, source = $3, version = $4"
            + " WHERE code = $1 AND version < $4";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Class<? extends Record>> events() {
        return Set.of(JurisdictionRegistered.class, JurisdictionRenamed.class);
    }

    @Override
    public Uni<Void> apply(SqlConnection conn, Recorded<?> event) {
        return applyAll(conn, List.of(event));
    }

    /** One round trip per statement for the whole batch: registrations first, then renames, in stream order. */
    @Override
    public Uni<Void> applyAll(SqlConnection conn, List<Recorded<?>> events) {
        List<Tuple> registrations = new ArrayList<>();
        List<Tuple> renames = new ArrayList<>();
        for (Recorded<?> recorded : events) {
            StoredEvent e = recorded.event();
            if (recorded.payload() instanceof JurisdictionRegistered r) {
                registrations.add(Tuple.tuple(Arrays.asList(e.streamId(), r.name(), r.level().name(), r.parentCode(),
                        r.source(), e.version())));
            } else {
                JurisdictionRenamed renamed = recorded.payloadAs(JurisdictionRenamed.class);
                renames.add(Tuple.tuple(Arrays.asList(e.streamId(), renamed.name(), renamed.source(), e.version())));
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
