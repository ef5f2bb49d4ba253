package io.xunshi.inspection.infrastructure;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.contracts.inspection.PetitionClassified;
import io.xunshi.contracts.inspection.PetitionReceived;
import io.xunshi.contracts.inspection.PetitionTransferred;
import io.xunshi.contracts.inspection.ReporterErased;
import io.xunshi.contracts.inspection.TransferAnswered;
import io.xunshi.inspection.domain.Petition;
import io.xunshi.kernel.eventstore.StoredEvent;
import io.xunshi.kernel.projection.Projection;
import io.xunshi.kernel.projection.Recorded;

/**
 * Keeps the {@code petitions} read model from the petition events: one row per petition with its status, scope and
 * transfer; never any part of the reporter, only whether there was one and whether they were erased. A change
 * applies only to a row at an older version, so a replayed event changes nothing.
 */
@ApplicationScoped
public class PetitionDirectoryProjection implements Projection {

    private static final String RECEIVED = "INSERT INTO petitions (petition_id, inspection_id, jurisdiction, channel,"
            + " received_on, summary, concerns, anonymous, status, version, received_at) VALUES ($1, $2, $3, $4, $5,"
            + " $6, $7, $8, $9, $10, $11) ON CONFLICT (petition_id) DO NOTHING";
    private static final String CLASSIFIED = "UPDATE petitions SET scope = $2, status = $3, version = $4"
            + " WHERE petition_id = $1 AND version < $4";
    private static final String TRANSFERRED = "UPDATE petitions SET department = $2, answer_due = $3, status = $4,"
            + " version = $5 WHERE petition_id = $1 AND version < $5";
    private static final String ANSWERED = "UPDATE petitions SET answered_on = $2, answered_late = $3, status = $4,"
            + " version = $5 WHERE petition_id = $1 AND version < $5";
    private static final String ERASED = "UPDATE petitions SET reporter_erased = TRUE, version = $2"
            + " WHERE petition_id = $1 AND version < $2";

    @Override
    public String name() {
        return "petitions";
    }

    @Override
    public Set<Class<? extends Record>> events() {
        return Set.of(PetitionReceived.class, PetitionClassified.class, PetitionTransferred.class,
                TransferAnswered.class, ReporterErased.class);
    }

    @Override
    public Uni<Void> apply(SqlConnection conn, Recorded<?> recorded) {
        StoredEvent e = recorded.event();
        Object payload = recorded.payload();
        if (payload instanceof PetitionReceived r) {
            return conn.preparedQuery(RECEIVED).execute(Tuple.tuple(Arrays.asList(e.streamId(), r.inspectionId(),
                    r.jurisdiction(), r.channel().name(), r.receivedOn(), r.summary(), r.concerns(),
                    r.reporter() == null, Petition.PetitionStatus.RECEIVED.name(), e.version(),
                    OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC)))).replaceWithVoid();
        } else if (payload instanceof PetitionClassified c) {
            Petition.PetitionStatus status = c.scope().inScope()
                    ? Petition.PetitionStatus.IN_SCOPE
                    : Petition.PetitionStatus.OUT_OF_SCOPE;
            return conn.preparedQuery(CLASSIFIED).execute(Tuple.of(e.streamId(), c.scope().name(), status.name(),
                    e.version())).replaceWithVoid();
        } else if (payload instanceof PetitionTransferred t) {
            return conn.preparedQuery(TRANSFERRED).execute(Tuple.of(e.streamId(), t.department(), t.answerDue(),
                    Petition.PetitionStatus.TRANSFERRED.name(), e.version())).replaceWithVoid();
        } else if (payload instanceof TransferAnswered a) {
            return conn.preparedQuery(ANSWERED).execute(Tuple.of(e.streamId(), a.answeredOn(), a.late(),
                    Petition.PetitionStatus.ANSWERED.name(), e.version())).replaceWithVoid();
        } else if (payload instanceof ReporterErased) {
            return conn.preparedQuery(ERASED).execute(Tuple.of(e.streamId(), e.version())).replaceWithVoid();
        }
        throw new IllegalArgumentException("not an event of this projection: " + payload.getClass().getName());
    }

    @Override
    public Uni<Void> reset(SqlConnection conn) {
        return conn.query("DELETE FROM petitions").execute().replaceWithVoid();
    }
}
