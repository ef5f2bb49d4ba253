package io.xunshi.inspection.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.xunshi.contracts.inspection.CadreEvent;
import io.xunshi.inspection.domain.Cadre;
import io.xunshi.kernel.aggregate.AggregateRepository;
import io.xunshi.kernel.aggregate.EventCodec;
import io.xunshi.kernel.command.Aggregate;
import io.xunshi.kernel.command.CommandPath;
import io.xunshi.kernel.eventstore.EventMetadata;
import io.xunshi.kernel.eventstore.EventStore;
import io.xunshi.kernel.eventstore.ExpectedVersion;

/** The cadre pool: registering people, their posts, relations and vetting, and loading one by id. */
@ApplicationScoped
public class Cadres {

    public static final String STREAM_TYPE = "Cadre";

    private final AggregateRepository<Cadre.Command, CadreEvent, Cadre.State> repository;
    private final Aggregate<Cadre.Command, Cadre.State> aggregate;

    @Inject
    public Cadres(EventStore store, ObjectMapper json) {
        this.repository = new AggregateRepository<>(store, json, STREAM_TYPE, new Cadre(),
                EventCodec.of(json, CadreEvent.class), Cadre.State.class, 0);
        this.aggregate = Aggregate.of("cadre", repository, Cadre.State::jurisdiction);
    }

    /** Cadres on the command path: seen within their pool's jurisdiction subtree. */
    public Aggregate<Cadre.Command, Cadre.State> aggregate() {
        return aggregate;
    }

    /** Registering a new cadre on the command path. */
    public CommandPath.Handler<AggregateRepository.Loaded<Cadre.State>> registering(Cadre.Register command) {
        return (conn, context) -> repository.handle(conn, command.cadreId(), command.jurisdiction(),
                ExpectedVersion.NO_STREAM, command, context.metadata());
    }

    public Uni<AggregateRepository.Loaded<Cadre.State>> load(SqlConnection conn, String cadreId) {
        return repository.load(conn, cadreId);
    }

    /** Decides {@code command} on a cadre in the caller's transaction (a team formed, a team stood down). */
    Uni<AggregateRepository.Loaded<Cadre.State>> handle(SqlConnection conn, Cadre.State cadre, Cadre.Command command,
            EventMetadata metadata) {
        return repository.handle(conn, cadre.cadreId(), cadre.jurisdiction(), ExpectedVersion.ANY, command, metadata);
    }
}
