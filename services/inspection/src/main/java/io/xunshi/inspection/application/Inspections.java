package io.xunshi.inspection.application;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.xunshi.contracts.inspection.InspectionEvent;
import io.xunshi.contracts.planning.Assignment;
import io.xunshi.contracts.planning.RoundLaunched;
import io.xunshi.inspection.domain.Inspection;
import io.xunshi.kernel.aggregate.AggregateRepository;
import io.xunshi.kernel.aggregate.EventCodec;
import io.xunshi.kernel.command.Aggregate;
import io.xunshi.kernel.domain.DomainRejection;
import io.xunshi.kernel.eventstore.EventMetadata;
import io.xunshi.kernel.eventstore.EventStore;
import io.xunshi.kernel.eventstore.ExpectedVersion;

/** Opening inspections from launched rounds, moving them through their lifecycle, and loading one by id. */
@ApplicationScoped
public class Inspections {

    public static final String STREAM_TYPE = "Inspection";

    private final AggregateRepository<Inspection.Command, InspectionEvent, Inspection.State> repository;
    private final Aggregate<Inspection.Command, Inspection.State> aggregate;

    @Inject
    public Inspections(EventStore store, ObjectMapper json) {
        EventCodec<InspectionEvent> codec = EventCodec.of(json, InspectionEvent.class);
        this.repository = new AggregateRepository<>(store, json, STREAM_TYPE, new Inspection(), codec,
                Inspection.State.class, 0);
        this.aggregate = Aggregate.of("inspection", repository, Inspection.State::jurisdiction);
    }

    /** Inspections on the command path: seen within the inspecting jurisdiction's subtree. */
    public Aggregate<Inspection.Command, Inspection.State> aggregate() {
        return aggregate;
    }

    public Uni<AggregateRepository.Loaded<Inspection.State>> load(String inspectionId) {
        return repository.load(inspectionId);
    }

    /**
     * Opens one inspection per assignment of a launched round, in the caller's transaction, each a new stream
     * in the round's (the inspecting) jurisdiction. An inspection that is already open (the launch delivered
     * again as another event) is left as it is; an organisation named twice in one round gets one inspection.
     *
     * @return how many inspections were opened now
     */
    public Uni<Integer> openAll(SqlConnection conn, RoundLaunched launch, EventMetadata metadata) {
        Map<String, Assignment> byOrganisation = new LinkedHashMap<>();
        for (Assignment a : launch.assignments()) {
            byOrganisation.putIfAbsent(a.organisationId(), a);
        }
        Uni<Integer> opened = Uni.createFrom().item(0);
        for (Assignment a : byOrganisation.values()) {
            opened = opened.flatMap(count -> openOne(conn, launch, a, metadata).map(done -> done ? count + 1 : count));
        }
        return opened;
    }

    private Uni<Boolean> openOne(SqlConnection conn, RoundLaunched launch, Assignment a, EventMetadata metadata) {
        String id = Inspection.idFor(launch.roundId(), a.organisationId());
        Inspection.Open open = new Inspection.Open(id, launch.roundId(), launch.planId(), launch.jurisdiction(),
                launch.kind(), a.team(), a.organisationId(), a.organisationName(), a.organisationJurisdiction(),
                a.organisationLocation(), launch.stationingStart(), launch.stationingEnd());
        // The decider refuses to open an inspection twice, before anything is written: that is the "already
        // open" answer, and the loaded stream is not read a second time to ask it first.
        return repository.handle(conn, id, launch.jurisdiction(), ExpectedVersion.ANY, open, metadata)
                .replaceWith(true)
                .onFailure(f -> f instanceof DomainRejection r && Inspection.ALREADY_OPENED.equals(r.code()))
                .recoverWithItem(false);
    }
}
