package io.xunshi.inspection.application;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import io.xunshi.contracts.inspection.TeamEvent;
import io.xunshi.contracts.inspection.TeamPosition;
import io.xunshi.inspection.domain.Cadre;
import io.xunshi.inspection.domain.Inspection;
import io.xunshi.inspection.domain.Recusal;
import io.xunshi.inspection.domain.Team;
import io.xunshi.kernel.aggregate.AggregateRepository;
import io.xunshi.kernel.aggregate.AggregateRepository.Loaded;
import io.xunshi.kernel.aggregate.EventCodec;
import io.xunshi.kernel.api.ProblemException;
import io.xunshi.kernel.api.ProblemType;
import io.xunshi.kernel.command.Aggregate;
import io.xunshi.kernel.command.CommandContext;
import io.xunshi.kernel.command.CommandPath;
import io.xunshi.kernel.command.Guard;
import io.xunshi.kernel.domain.DomainRejection;
import io.xunshi.kernel.domain.Jurisdictions;
import io.xunshi.kernel.eventstore.EventMetadata;
import io.xunshi.kernel.eventstore.EventStore;
import io.xunshi.kernel.eventstore.ExpectedVersion;
import io.xunshi.kernel.security.Caller;
import io.xunshi.kernel.security.Role;

/**
 * Inspection teams: formed from the cadre pool for inspections of one round — the rules decided on the inspections'
 * and cadres' state read in the command's transaction, the formation appended (a new stream, the transaction's only
 * append) and the leader's authorisation entered in the register {@code team_leaders} in the same transaction —
 * and stood down, which takes the authorisation out. Who may write to an inspection is read from its team
 * ({@link #mayWrite}).
 */
@ApplicationScoped
public class Teams {

    public static final String STREAM_TYPE = "Team";

    private final AggregateRepository<Team.Command, TeamEvent, Team.State> repository;
    private final Aggregate<Team.Command, Team.State> aggregate;
    private final Inspections inspections;
    private final Cadres cadres;
    private final TeamSizes sizes;

    /** Someone proposed for a team. */
    public record Proposed(String cadreId, TeamPosition position) {
    }

    @Inject
    public Teams(EventStore store, ObjectMapper json, Inspections inspections, Cadres cadres, TeamSizes sizes) {
        this.inspections = inspections;
        this.cadres = cadres;
        this.sizes = sizes;
        this.repository = new AggregateRepository<>(store, json, STREAM_TYPE, new Team(),
                EventCodec.of(json, TeamEvent.class), Team.State.class, 0);
        this.aggregate = Aggregate.of("team", repository, Team.State::jurisdiction).afterChange(Teams::released);
    }

    /** Teams on the command path: seen within the inspecting jurisdiction's subtree. */
    public Aggregate<Team.Command, Team.State> aggregate() {
        return aggregate;
    }

    /**
     * Forming the team {@code name} for {@code inspectionIds} on the command path. An inspection the caller cannot
     * see answers 404 as an unknown one does; a cadre the caller cannot see counts as not in the pool.
     */
    public CommandPath.Handler<Loaded<Team.State>> forming(String name, List<String> inspectionIds,
            List<Proposed> people) {
        return (conn, context) -> inspectionsOf(conn, context, inspectionIds).flatMap(found -> {
            Inspection.State first = found.get(0);
            String teamId = Team.idFor(first.roundId(), name);
            return candidates(conn, context, people).flatMap(candidates -> leads(conn, leaderOf(candidates))
                    .flatMap(leads -> {
                        Team.Form form = new Team.Form(teamId, first.roundId(), first.jurisdiction(), name,
                                candidates, found.stream().map(Teams::assignment).toList(),
                                sizes.of(Jurisdictions.level(first.jurisdiction())), leads);
                        return repository.handle(conn, teamId, first.jurisdiction(), ExpectedVersion.ANY, form,
                                context.metadata());
                    }))
                    .call(formed -> authorise(conn, formed.state()));
        });
    }

    /**
     * Whether {@code caller} may write to the inspection: the inspection office always (it sent the team);
     * otherwise only a member of the inspection's own team while it is formed, in one of {@code positions} (any
     * when none are given).
     */
    public Uni<Boolean> mayWrite(SqlConnection conn, Caller caller, Inspection.State inspection,
            TeamPosition... positions) {
        if (caller.hasRole(Role.INSPECTION_OFFICE)) {
            return Uni.createFrom().item(true);
        }
        return mayWrite(conn, caller, inspection.roundId(), inspection.team(), positions);
    }

    /** The same for the work of the team {@code team} of round {@code roundId} (a petition it received, a clue). */
    public Uni<Boolean> mayWrite(SqlConnection conn, Caller caller, String roundId, String team,
            TeamPosition... positions) {
        if (caller.hasRole(Role.INSPECTION_OFFICE)) {
            return Uni.createFrom().item(true);
        }
        return repository.load(conn, Team.idFor(roundId, team))
                .map(loaded -> loaded.state().inTeam(caller.subject(), positions));
    }

    /** {@link #mayWrite} as the command path's guard: any member of the inspection's own team. */
    public Guard.Reading<Inspection.State> members() {
        return (conn, caller, state) -> mayWrite(conn, caller, state);
    }

    /** {@link #mayWrite} as the command path's guard: the leader and deputy leaders of the inspection's own team. */
    public Guard.Reading<Inspection.State> leaders() {
        return (conn, caller, state) -> mayWrite(conn, caller, state, TeamPosition.LEADER, TeamPosition.DEPUTY_LEADER);
    }

    private Uni<List<Inspection.State>> inspectionsOf(SqlConnection conn, CommandContext context, List<String> ids) {
        Uni<List<Inspection.State>> all = Uni.createFrom().item(new ArrayList<>());
        for (String id : ids.stream().distinct().toList()) {
            all = all.flatMap(list -> inspections.aggregate().load(conn, id).map(loaded -> {
                if (!inspections.aggregate().readableBy(context.caller(), loaded)) {
                    // As for an inspection addressed by its path: one outside the caller's subtree is not there.
                    throw new ProblemException(ProblemType.NOT_FOUND, "inspection " + id + " not found");
                }
                list.add(loaded.state());
                return list;
            }));
        }
        return all.map(List::copyOf);
    }

    /** The proposed people as the pool holds them; someone the caller may not see counts as not in the pool. */
    private Uni<List<Team.Candidate>> candidates(SqlConnection conn, CommandContext context, List<Proposed> people) {
        Uni<List<Team.Candidate>> all = Uni.createFrom().item(new ArrayList<>());
        for (Proposed p : people) {
            all = all.flatMap(list -> cadres.load(conn, p.cadreId()).map(loaded -> {
                Cadre.State cadre = cadres.aggregate().readableBy(context.caller(), loaded)
                        ? loaded.state()
                        : new Cadre().initialState();
                list.add(new Team.Candidate(p.cadreId(), cadre, p.position()));
                return list;
            }));
        }
        return all.map(List::copyOf);
    }

    private static String leaderOf(List<Team.Candidate> candidates) {
        return candidates.stream().filter(c -> c.position() == TeamPosition.LEADER).map(Team.Candidate::cadreId)
                .findFirst().orElse(null);
    }

    /** The team the cadre is authorised to lead now, or null. */
    private static Uni<String> leads(SqlConnection conn, String cadreId) {
        if (cadreId == null) {
            return Uni.createFrom().nullItem();
        }
        return conn.preparedQuery("SELECT team_id FROM team_leaders WHERE cadre_id = $1").execute(Tuple.of(cadreId))
                .map(rows -> {
                    var it = rows.iterator();
                    if (!it.hasNext()) {
                        return null;
                    }
                    Row row = it.next();
                    return row.getString("team_id");
                });
    }

    private static Team.Assignment assignment(Inspection.State i) {
        return new Team.Assignment(i.inspectionId(), i.roundId(), i.jurisdiction(), i.team(), i.status(),
                new Recusal.Target(i.organisationId(), i.organisationName(), null));
    }

    /** The leader's authorisation; a concurrent formation that took the same leader first makes this a 409. */
    private static Uni<Void> authorise(SqlConnection conn, Team.State team) {
        return conn.preparedQuery("INSERT INTO team_leaders (cadre_id, team_id, round_id) VALUES ($1, $2, $3)")
                .execute(Tuple.of(team.leader().cadreId(), team.teamId(), team.roundId()))
                .onFailure(f -> f instanceof PgException pg && "23505".equals(pg.getSqlState()))
                .transform(f -> new DomainRejection(Team.ALREADY_LEADING, team.leader().name()
                        + " was authorised to lead another team a moment ago: a leader is authorised for one round at"
                        + " a time (一次一授权)"))
                .replaceWithVoid();
    }

    /** After a team stood down: its leader's authorisation ends, in the same transaction. */
    private static Uni<Void> released(SqlConnection conn, Loaded<Team.State> after, EventMetadata metadata) {
        Team.State team = after.state();
        if (team.status() != Team.TeamStatus.STOOD_DOWN) {
            return Uni.createFrom().voidItem();
        }
        return conn.preparedQuery("DELETE FROM team_leaders WHERE team_id = $1").execute(Tuple.of(team.teamId()))
                .replaceWithVoid();
    }
}
