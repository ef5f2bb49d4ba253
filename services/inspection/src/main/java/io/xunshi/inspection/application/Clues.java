package io.xunshi.inspection.application;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.xunshi.contracts.inspection.ClueCategory;
import io.xunshi.contracts.inspection.ClueEvent;
import io.xunshi.contracts.inspection.ClueReceiver;
import io.xunshi.contracts.inspection.TeamPosition;
import io.xunshi.inspection.domain.Clue;
import io.xunshi.inspection.domain.Inspection;
import io.xunshi.kernel.aggregate.AggregateRepository;
import io.xunshi.kernel.aggregate.AggregateRepository.Loaded;
import io.xunshi.kernel.aggregate.EventCodec;
import io.xunshi.kernel.api.ProblemException;
import io.xunshi.kernel.api.ProblemType;
import io.xunshi.kernel.command.Aggregate;
import io.xunshi.kernel.command.CommandPath;
import io.xunshi.kernel.domain.InvalidCommand;
import io.xunshi.kernel.domain.Jurisdictions;
import io.xunshi.kernel.eventstore.EventStore;
import io.xunshi.kernel.eventstore.ExpectedVersion;
import io.xunshi.kernel.security.Caller;
import io.xunshi.kernel.security.Role;

/**
 * Problem clues (docs/adr/0026): handed over for an inspection by its own team's leaders or a clue officer, the
 * petitions they rest on checked to be the inspection's; confidential, so a clue is seen only by clue officers and by
 * the liaison of the receiver it went to (the discipline organ's for its clues, the organisation department's for
 * its), within their jurisdiction's subtree.
 */
@ApplicationScoped
public class Clues {

    public static final String STREAM_TYPE = "Clue";
    /** 422 on petitionIds: a petition that is not one of the inspection's. */
    public static final String PETITION_UNKNOWN = "petition-unknown";

    private final AggregateRepository<Clue.Command, ClueEvent, Clue.State> repository;
    private final Aggregate<Clue.Command, Clue.State> aggregate;
    private final Inspections inspections;
    private final Petitions petitions;
    private final Teams teams;
    private final ClueDueMonths dueMonths;

    @Inject
    public Clues(EventStore store, ObjectMapper json, Inspections inspections, Petitions petitions, Teams teams,
            ClueDueMonths dueMonths) {
        this.inspections = inspections;
        this.petitions = petitions;
        this.teams = teams;
        this.dueMonths = dueMonths;
        this.repository = new AggregateRepository<>(store, json, STREAM_TYPE, new Clue(),
                EventCodec.of(json, ClueEvent.class), Clue.State.class, 0);
        this.aggregate = Aggregate.of("clue", repository, Clue.State::jurisdiction)
                .readableBy((caller, clue) -> caller.covers(clue.jurisdiction()) && receives(caller, clue.receiver()));
    }

    /** Clues on the command path: in the subtree, and only for the roles that may see this clue. */
    public Aggregate<Clue.Command, Clue.State> aggregate() {
        return aggregate;
    }

    /** Whether the caller's role sees clues that went to {@code receiver}. */
    public static boolean receives(Caller caller, ClueReceiver receiver) {
        return caller.hasRole(Role.CLUE_OFFICER)
                || caller.hasRole(Role.DISCIPLINE_LIAISON) && receiver == ClueReceiver.DISCIPLINE_ORGAN
                || caller.hasRole(Role.ORGANISATION_LIAISON) && receiver == ClueReceiver.ORGANISATION_DEPARTMENT;
    }

    /** The receivers whose clues the caller sees (for lists). */
    public static List<ClueReceiver> receivers(Caller caller) {
        return java.util.Arrays.stream(ClueReceiver.values()).filter(r -> receives(caller, r)).toList();
    }

    /**
     * Handing a clue of {@code inspectionId} over on the command path: the inspection the caller's to see (404), the
     * caller a clue officer or a leader of its own team (403), every petition named one of its own (422).
     */
    public CommandPath.Handler<Loaded<Clue.State>> handingOver(String clueId, String inspectionId,
            ClueCategory category, String receiverUnit, String summary, String concerns, List<String> petitionIds,
            LocalDate handedOverOn) {
        return (conn, context) -> inspections.aggregate().load(conn, inspectionId).flatMap(loaded -> {
            Caller caller = context.caller();
            if (!inspections.aggregate().readableBy(caller, loaded)) {
                throw new ProblemException(ProblemType.NOT_FOUND, "inspection " + inspectionId + " not found");
            }
            Inspection.State inspection = loaded.state();
            Uni<Boolean> allowed = caller.hasRole(Role.CLUE_OFFICER)
                    ? Uni.createFrom().item(true)
                    : teams.mayWrite(conn, new Caller(caller.subject(), java.util.Set.of(Role.TEAM_LEADER),
                            caller.jurisdiction()), inspection, TeamPosition.LEADER, TeamPosition.DEPUTY_LEADER);
            return allowed.flatMap(may -> {
                if (!may) {
                    throw new ProblemException(ProblemType.FORBIDDEN, "only clue officers and the leader and deputy"
                            + " leaders of the inspection's own team hand its clues over");
                }
                return petitionsOf(conn, inspectionId, petitionIds);
            }).flatMap(checked -> repository.handle(conn, clueId, inspection.jurisdiction(),
                    ExpectedVersion.NO_STREAM, new Clue.HandOver(clueId, inspection, category, receiverUnit, summary,
                            concerns, petitionIds, handedOverOn,
                            dueMonths.of(Jurisdictions.level(inspection.jurisdiction()))),
                    context.metadata()));
        });
    }

    /**
     * A receiver's report from its own topic (docs/adr/0027), in the consumer's transaction: decided by the clue's
     * rules for receivers' reports, which refuse a clue that went to another receiver or lies outside the reporter's
     * subtree, and make a repeated report a no-op. Returns the clue after the report.
     */
    public Uni<Loaded<Clue.State>> reported(io.vertx.mutiny.sqlclient.SqlConnection conn, String clueId,
            Clue.ReceiverReport report, io.xunshi.kernel.eventstore.EventMetadata metadata) {
        return repository.load(conn, clueId).flatMap(loaded -> repository.decide(conn, clueId,
                loaded.state().jurisdiction(), loaded, report, metadata));
    }

    private Uni<Void> petitionsOf(io.vertx.mutiny.sqlclient.SqlConnection conn, String inspectionId,
            List<String> petitionIds) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (String id : petitionIds == null ? List.<String>of() : petitionIds.stream().distinct().toList()) {
            all = all.flatMap(v -> petitions.aggregate().load(conn, id.strip()).map(p -> {
                if (!inspectionId.equals(p.state().inspectionId())) {
                    throw new InvalidCommand(PETITION_UNKNOWN, "petitionIds", "petition " + id + " is not one of"
                            + " this inspection's");
                }
                return null;
            }));
        }
        return all;
    }
}
