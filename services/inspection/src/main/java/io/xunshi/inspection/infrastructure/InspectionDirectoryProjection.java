package io.xunshi.inspection.infrastructure;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.contracts.inspection.FeedbackGiven;
import io.xunshi.contracts.inspection.FindingRecorded;
import io.xunshi.contracts.inspection.InspectionClosed;
import io.xunshi.contracts.inspection.InspectionOpened;
import io.xunshi.contracts.inspection.InspectionReported;
import io.xunshi.contracts.inspection.InspectionStationed;
import io.xunshi.inspection.domain.Inspection;
import io.xunshi.kernel.eventstore.StoredEvent;
import io.xunshi.kernel.projection.Projection;
import io.xunshi.kernel.projection.Recorded;

/**
 * Keeps the {@code inspections} read model, which lists serve, from the inspection events: one row per
 * inspection with its status, its number of findings and its version. Each change applies only to a row at
 * an older version, so a replayed event changes nothing.
 */
@ApplicationScoped
public class InspectionDirectoryProjection implements Projection {

    private static final String OPEN = "INSERT INTO inspections (inspection_id, round_id, plan_id, jurisdiction,"
            + " round_kind, team, organisation_id, organisation_name, organisation_jurisdiction, organisation_location,"
            + " stationing_start, stationing_end, status, findings, version, opened_at, updated_at)"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 0, $14, $15, $15)"
            + " ON CONFLICT (inspection_id) DO NOTHING";
    /** A status change ($2 non-null) or one more finding ($3 = 1). */
    private static final String CHANGE = "UPDATE inspections SET status = COALESCE($2::text, status),"
            + " findings = findings + $3, version = $4, updated_at = $5 WHERE inspection_id = $1 AND version < $4";

    @Override
    public String name() {
        return "inspections";
    }

    @Override
    public Set<Class<? extends Record>> events() {
        return Set.of(InspectionOpened.class, InspectionStationed.class, FindingRecorded.class,
                InspectionReported.class, FeedbackGiven.class, InspectionClosed.class);
    }

    @Override
    public Uni<Void> apply(SqlConnection conn, Recorded<?> event) {
        return applyAll(conn, List.of(event));
    }

    /**
     * Two round trips for the whole batch: the openings (each inspection's first event), then every change in
     * the store's order, which keeps each inspection's events in version order.
     */
    @Override
    public Uni<Void> applyAll(SqlConnection conn, List<Recorded<?>> events) {
        List<Tuple> openings = new ArrayList<>();
        List<Tuple> changes = new ArrayList<>();
        for (Recorded<?> recorded : events) {
            StoredEvent e = recorded.event();
            OffsetDateTime at = OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC);
            Object payload = recorded.payload();
            if (payload instanceof InspectionOpened o) {
                openings.add(Tuple.tuple(Arrays.asList(e.streamId(), o.roundId(), o.planId(), o.jurisdiction(),
                        o.roundKind().name(), o.team(), o.organisationId(), o.organisationName(),
                        o.organisationJurisdiction(), o.organisationLocation(), o.stationingStart(), o.stationingEnd(),
                        Inspection.Status.PREPARING.name(), e.version(), at)));
            } else {
                changes.add(change(e, statusAfter(payload), payload instanceof FindingRecorded ? 1 : 0, at));
            }
        }
        Uni<Void> opened = openings.isEmpty()
                ? Uni.createFrom().voidItem()
                : conn.preparedQuery(OPEN).executeBatch(openings).replaceWithVoid();
        return opened.flatMap(ignored -> changes.isEmpty()
                ? Uni.createFrom().voidItem()
                : conn.preparedQuery(CHANGE).executeBatch(changes).replaceWithVoid());
    }

    /** The status the event moves the inspection to; null for a finding, which leaves it. */
    private static Inspection.Status statusAfter(Object event) {
        if (event instanceof InspectionStationed) {
            return Inspection.Status.STATIONED;
        } else if (event instanceof InspectionReported) {
            return Inspection.Status.REPORTED;
        } else if (event instanceof FeedbackGiven) {
            return Inspection.Status.FEEDBACK_GIVEN;
        } else if (event instanceof InspectionClosed) {
            return Inspection.Status.CLOSED;
        } else if (event instanceof FindingRecorded) {
            return null;
        }
        throw new IllegalArgumentException("not an event of this projection: " + event.getClass().getName());
    }

    private static Tuple change(StoredEvent e, Inspection.Status status, int findings, OffsetDateTime at) {
        return Tuple.tuple(Arrays.asList(e.streamId(), status == null ? null : status.name(), findings, e.version(),
                at));
    }

    @Override
    public Uni<Void> reset(SqlConnection conn) {
        return conn.query("DELETE FROM inspections").execute().replaceWithVoid();
    }
}
