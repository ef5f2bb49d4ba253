package io.xunshi.coordination.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.xunshi.contracts.coordination.OrganisationEvent;
import io.xunshi.coordination.domain.Organisation;
import io.xunshi.kernel.aggregate.AggregateRepository;
import io.xunshi.kernel.aggregate.EventCodec;
import io.xunshi.kernel.command.Aggregate;
import io.xunshi.kernel.command.CommandPath;
import io.xunshi.kernel.eventstore.EventMetadata;
import io.xunshi.kernel.eventstore.EventStore;
import io.xunshi.kernel.eventstore.ExpectedVersion;

/** Registering and renaming organisations, and loading one by id. */
@ApplicationScoped
public class Organisations {

    public static final String STREAM_TYPE = "Organisation";

    private final AggregateRepository<Organisation.Command, OrganisationEvent, Organisation.State> repository;
    private final Aggregate<Organisation.Command, Organisation.State> aggregate;

    @Inject
    public Organisations(EventStore store, ObjectMapper json) {
        EventCodec<OrganisationEvent> codec = EventCodec.of(json, OrganisationEvent.class);
        this.repository = new AggregateRepository<>(store, json, STREAM_TYPE, new Organisation(), codec,
                Organisation.State.class, 0);
        this.aggregate = Aggregate.of("organisation", repository, Organisation.State::jurisdiction);
    }

    /** Organisations on the command path: seen within their managing jurisdiction's subtree. */
    public Aggregate<Organisation.Command, Organisation.State> aggregate() {
        return aggregate;
    }

    public Uni<AggregateRepository.Loaded<Organisation.State>> load(String organisationId) {
        return repository.load(organisationId);
    }

    /** Registering a new organisation on the command path. */
    public CommandPath.Handler<AggregateRepository.Loaded<Organisation.State>> registering(
            Organisation.Register command) {
        return (conn, context) -> repository.handle(conn, command.organisationId(), command.jurisdiction(),
                ExpectedVersion.NO_STREAM, command, context.metadata());
    }

    public Uni<AggregateRepository.Loaded<Organisation.State>> handle(SqlConnection conn, String organisationId,
            String jurisdiction,
            int expectedVersion, Organisation.Command command, EventMetadata metadata) {
        return repository.handle(conn, organisationId, jurisdiction, expectedVersion, command, metadata);
    }
}
