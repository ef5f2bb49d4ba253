package io.xunshi.planning.application;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.contracts.coordination.OrganisationKind;
import io.xunshi.contracts.planning.Assignment;
import io.xunshi.contracts.planning.PlanningEvent;
import io.xunshi.contracts.planning.RoundKind;
import io.xunshi.kernel.aggregate.AggregateRepository;
import io.xunshi.kernel.aggregate.EventCodec;
import io.xunshi.kernel.api.Cursor;
import io.xunshi.kernel.api.Page;
import io.xunshi.kernel.command.Aggregate;
import io.xunshi.kernel.command.CommandPath;
import io.xunshi.kernel.domain.Jurisdictions;
import io.xunshi.kernel.eventstore.EventMetadata;
import io.xunshi.kernel.eventstore.EventStore;
import io.xunshi.kernel.eventstore.ExpectedVersion;
import io.xunshi.planning.domain.Round;

/**
 * Scheduling and launching rounds, loading one by id, and listing a plan's rounds. The round register is
 * written in the same transaction as the round's events.
 */
@ApplicationScoped
public class Rounds {

    public static final String STREAM_TYPE = "Round";

    private static final TypeReference<List<Assignment>> ASSIGNMENTS = new TypeReference<>() {
    };

    /** The round register's columns, as {@link #row} reads them. */
    private static final String SELECT = "SELECT round_id, plan_id, jurisdiction, kind, name, stationing_start,"
            + " stationing_end, assignments::text AS assignments, status, launched_on, version, scheduled_at, theme,"
            + " sector, linked_round_id, filed_with, filed_on, work_plan FROM rounds";

    private final AggregateRepository<Round.Command, PlanningEvent, Round.State> repository;
    private final Aggregate<Round.Command, Round.State> aggregate;
    private final PlanDirectory plans;
    private final Pool pool;
    private final ObjectMapper json;

    private final int mobileMaxDays;

    @Inject
    public Rounds(EventStore store, ObjectMapper json, PlanDirectory plans, Pool pool,
            @ConfigProperty(name = "xunshi.planning.mobile-max-days", defaultValue = "30") int mobileMaxDays) {
        if (mobileMaxDays < 1) {
            throw new IllegalArgumentException("xunshi.planning.mobile-max-days must be at least 1, not "
                    + mobileMaxDays);
        }
        this.mobileMaxDays = mobileMaxDays;
        EventCodec<PlanningEvent> codec = EventCodec.of(json, PlanningEvent.class);
        this.repository = new AggregateRepository<>(store, json, STREAM_TYPE, new Round(), codec, Round.State.class, 0);
        this.plans = plans;
        this.pool = pool;
        this.json = json;
        // The register follows every change of a round (its launch), after the append in the same transaction.
        this.aggregate = Aggregate.of("round", repository, Round.State::jurisdiction)
                .afterChange((conn, after, metadata) -> conn
                        .preparedQuery("UPDATE rounds SET status = $2, launched_on = $3,"
                                + " version = $4, filed_with = $5, filed_on = $6, work_plan = $7 WHERE round_id = $1")
                        .execute(Tuple.tuple(java.util.Arrays.asList(after.state().roundId(),
                                after.state().status().name(), after.state().launchedOn(), after.version(),
                                after.state().filing() == null ? null : after.state().filing().filedWith(),
                                after.state().filing() == null ? null : after.state().filing().filedOn(),
                                after.state().filing() == null ? null : after.state().filing().workPlan())))
                        .replaceWithVoid());
    }

    /** Rounds on the command path: seen within the plan's jurisdiction subtree. */
    public Aggregate<Round.Command, Round.State> aggregate() {
        return aggregate;
    }

    public Uni<AggregateRepository.Loaded<Round.State>> load(String roundId) {
        return repository.load(roundId);
    }

    /** What a round asks to be scheduled as. */
    public record Request(String roundId, Round.Plan plan, RoundKind kind, String name, LocalDate stationingStart,
            LocalDate stationingEnd, List<Round.Pairing> pairings, String theme, OrganisationKind sector,
            String linkedRoundId) {
    }

    /** Scheduling a round of {@code plan} on the command path. */
    public CommandPath.Handler<AggregateRepository.Loaded<Round.State>> scheduling(Request request) {
        return (conn, context) -> schedule(conn, request, context.metadata());
    }

    public Uni<AggregateRepository.Loaded<Round.State>> schedule(SqlConnection conn, Request r,
            EventMetadata metadata) {
        List<String> ids = r.pairings().stream().map(Round.Pairing::organisationId).distinct().toList();
        return plans.targets(conn, ids)
                .flatMap(targets -> facts(conn, r, ids).map(facts -> new Round.Schedule(r.roundId(), r.plan(),
                        r.kind(), r.name(), r.stationingStart(), r.stationingEnd(), r.pairings(), targets, r.theme(),
                        r.sector(), r.linkedRoundId(), facts)))
                .flatMap(command -> repository.handle(conn, r.roundId(), r.plan().jurisdiction(),
                        ExpectedVersion.NO_STREAM, command, metadata))
                .call(scheduled -> register(conn, r, scheduled));
    }

    private Uni<Void> register(SqlConnection conn, Request r, AggregateRepository.Loaded<Round.State> scheduled) {
        Round.State s = scheduled.state();
        List<Tuple> elevated = s.assignments().stream().filter(a -> a.coveredPlanId() != null)
                .map(a -> Tuple.of(r.roundId(), a.organisationId(), a.coveredPlanId())).toList();
        Uni<Void> registered = conn.preparedQuery("INSERT INTO rounds (round_id, plan_id, jurisdiction, kind, name,"
                + " stationing_start, stationing_end, assignments, status, launched_on, version, scheduled_at, theme,"
                + " sector, linked_round_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text::jsonb, $9, NULL, $10, $11,"
                + " $12, $13, $14)")
                .execute(Tuple.tuple(java.util.Arrays.asList(r.roundId(), r.plan().planId(), r.plan().jurisdiction(),
                        r.kind().name(), s.name(), r.stationingStart(), r.stationingEnd(), write(s.assignments()),
                        s.status().name(), scheduled.version(), OffsetDateTime.now(ZoneOffset.UTC), s.theme(),
                        s.sector() == null ? null : s.sector().name(), s.linkedRoundId())))
                .replaceWithVoid();
        return elevated.isEmpty()
                ? registered
                : registered.flatMap(v -> conn.preparedQuery("INSERT INTO elevated_targets (round_id, organisation_id,"
                        + " covered_plan_id) VALUES ($1, $2, $3)").executeBatch(elevated)).replaceWithVoid();
    }

    /** What the rules of the round's kind need, looked up in the transaction. */
    private Uni<Round.KindFacts> facts(SqlConnection conn, Request r, List<String> ids) {
        Uni<Round.LinkedRound> linked = r.linkedRoundId() == null || r.linkedRoundId().isBlank()
                ? Uni.createFrom().nullItem()
                : conn.preparedQuery("SELECT round_id, jurisdiction, kind FROM rounds WHERE round_id = $1")
                        .execute(Tuple.of(r.linkedRoundId().strip())).map(rows -> {
                            if (rows.size() == 0) {
                                return null;
                            }
                            Row row = rows.iterator().next();
                            // A round beside or below the plan's level reads as unknown: its existence is not theirs.
                            return Jurisdictions.contains(row.getString("jurisdiction"), r.plan().jurisdiction())
                                    ? new Round.LinkedRound(row.getString("round_id"), row.getString("jurisdiction"),
                                            RoundKind.valueOf(row.getString("kind")))
                                    : null;
                        });
        Uni<Set<String>> inspected = r.kind() != RoundKind.LOOK_BACK
                ? Uni.createFrom().item(Set.of())
                : conn.preparedQuery("SELECT DISTINCT organisation_id FROM feedback_given WHERE plan_id = $1"
                        + " AND organisation_id = ANY($2)")
                        .execute(Tuple.of(r.plan().planId(), ids.toArray(String[]::new)))
                        .map(rows -> {
                            Set<String> found = new HashSet<>();
                            rows.forEach(row -> found.add(row.getString("organisation_id")));
                            return found;
                        });
        Uni<Map<String, String>> lowerPlans = r.kind() == RoundKind.LOOK_BACK
                ? conn.preparedQuery("SELECT t.organisation_id, t.covered_plan_id FROM elevated_targets t"
                        + " JOIN rounds e ON e.round_id = t.round_id WHERE e.plan_id = $1 AND t.organisation_id = ANY($2)")
                        .execute(Tuple.of(r.plan().planId(), ids.toArray(String[]::new))).map(rows -> {
                            Map<String, String> found = new HashMap<>();
                            rows.forEach(row -> found.put(row.getString("organisation_id"),
                                    row.getString("covered_plan_id")));
                            return found;
                        })
                : r.kind() != RoundKind.ELEVATED
                        ? Uni.createFrom().item(Map.of())
                        : conn.preparedQuery("SELECT u.organisation_id, p.plan_id FROM plan_universe u"
                                + " JOIN plans p ON p.plan_id = u.plan_id"
                                + " JOIN organisations o ON o.organisation_id = u.organisation_id AND o.jurisdiction = p.jurisdiction"
                                + " WHERE u.organisation_id = ANY($1) AND p.term_start <= $2 AND p.term_end >= $2")
                                .execute(Tuple.of(ids.toArray(String[]::new), r.stationingStart().getYear()))
                                .map(rows -> {
                                    Map<String, String> found = new HashMap<>();
                                    rows.forEach(row -> found.put(row.getString("organisation_id"),
                                            row.getString("plan_id")));
                                    return found;
                                });
        return linked.flatMap(l -> inspected.flatMap(i -> lowerPlans.map(p -> new Round.KindFacts(mobileMaxDays, l, i,
                p))));
    }

    /** A plan's rounds in the order they were scheduled. */
    public Uni<Page<RoundView>> list(String planId, String cursor, int limit) {
        List<String> after = Cursor.decode(cursor, 2);
        List<Object> args = new ArrayList<>();
        args.add(planId);
        StringBuilder sql = new StringBuilder(SELECT + " WHERE plan_id = $1");
        if (!after.isEmpty()) {
            args.add(Cursor.timestamp(after.get(0)));
            args.add(after.get(1));
            sql.append(" AND (scheduled_at, round_id) > ($2, $3)");
        }
        args.add(limit + 1);
        sql.append(" ORDER BY scheduled_at, round_id LIMIT $").append(args.size());
        return page(sql.toString(), args, limit,
                last -> Cursor.encode(last.getOffsetDateTime("scheduled_at").toString(), last.getString("round_id")));
    }

    /**
     * The LINKED rounds of lower levels that name {@code roundId}, within the caller's subtree ({@code scope}), in the
     * order they were scheduled: the higher round and its linked rounds are seen together.
     */
    public Uni<List<RoundView>> linkedTo(String roundId, String scope) {
        return pool.preparedQuery(SELECT + " WHERE linked_round_id = $1 AND jurisdiction LIKE $2"
                + " ORDER BY scheduled_at, round_id LIMIT 1000")
                .execute(Tuple.of(roundId, Jurisdictions.subtreePrefix(scope) + "%")).map(rows -> {
                    List<RoundView> items = new ArrayList<>();
                    rows.forEach(row -> items.add(row(row)));
                    return items;
                });
    }

    private RoundView row(Row row) {
        String sector = row.getString("sector");
        return new RoundView(row.getString("round_id"), row.getString("plan_id"), row.getString("jurisdiction"),
                RoundKind.valueOf(row.getString("kind")), row.getString("name"), row.getLocalDate("stationing_start"),
                row.getLocalDate("stationing_end"), read(row.getString("assignments")),
                Round.Status.valueOf(row.getString("status")), row.getLocalDate("launched_on"),
                row.getInteger("version"), row.getString("theme"),
                sector == null ? null : OrganisationKind.valueOf(sector),
                row.getString("linked_round_id"), row.getString("filed_with") == null
                        ? null
                        : new RoundView.Filing(row.getString("filed_with"), row.getLocalDate("filed_on"),
                                row.getString("work_plan")));
    }

    /** The jurisdiction of the parent plan of {@code roundId}'s plan: the level its work plan is filed with. */
    public Uni<String> levelAbove(String roundId) {
        return pool.preparedQuery("SELECT parent.jurisdiction FROM rounds r JOIN plans p ON p.plan_id = r.plan_id"
                + " LEFT JOIN plans parent ON parent.plan_id = p.parent_plan_id WHERE r.round_id = $1")
                .execute(Tuple.of(roundId))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString("jurisdiction"));
    }

    /** The rounds filed with {@code jurisdiction}, the latest filing first, a page at a time. */
    public Uni<Page<RoundView>> filedWith(String jurisdiction, String cursor, int limit) {
        List<String> after = Cursor.decode(cursor, 2);
        List<Object> args = new ArrayList<>();
        args.add(jurisdiction);
        StringBuilder sql = new StringBuilder(SELECT + " WHERE filed_with = $1");
        if (!after.isEmpty()) {
            args.add(Cursor.date(after.get(0)));
            args.add(after.get(1));
            sql.append(" AND (filed_on, round_id) < ($2, $3)");
        }
        args.add(limit + 1);
        sql.append(" ORDER BY filed_on DESC, round_id DESC LIMIT $").append(args.size());
        return page(sql.toString(), args, limit,
                last -> Cursor.encode(last.getLocalDate("filed_on").toString(), last.getString("round_id")));
    }

    /** One page of rounds: {@code limit} rows of the query, which asks for one more to know there is a next page. */
    private Uni<Page<RoundView>> page(String sql, List<Object> args, int limit,
            java.util.function.Function<Row, String> cursorAfter) {
        return pool.preparedQuery(sql).execute(Tuple.tuple(args)).map(rows -> {
            List<RoundView> items = new ArrayList<>();
            String next = null;
            Row last = null;
            for (Row row : rows) {
                if (items.size() == limit) {
                    next = cursorAfter.apply(last);
                    break;
                }
                items.add(row(row));
                last = row;
            }
            return new Page<>(items, next);
        });
    }

    public static RoundView view(AggregateRepository.Loaded<Round.State> loaded) {
        Round.State s = loaded.state();
        return new RoundView(s.roundId(), s.planId(), s.jurisdiction(), s.kind(), s.name(), s.stationingStart(),
                s.stationingEnd(), s.assignments(), s.status(), s.launchedOn(), loaded.version(), s.theme(),
                s.sector(), s.linkedRoundId(), s.filing() == null
                        ? null
                        : new RoundView.Filing(s.filing().filedWith(), s.filing().filedOn(), s.filing().workPlan()));
    }

    private String write(List<Assignment> assignments) {
        try {
            return json.writeValueAsString(assignments);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Assignment> read(String text) {
        try {
            return json.readValue(text, ASSIGNMENTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a round's assignments do not parse", e);
        }
    }
}
