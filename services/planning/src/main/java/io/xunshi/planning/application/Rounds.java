package io.xunshi.planning.application;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.contracts.planning.Assignment;
import io.xunshi.contracts.planning.PlanningEvent;
import io.xunshi.contracts.planning.RoundKind;
import io.xunshi.kernel.aggregate.AggregateRepository;
import io.xunshi.kernel.aggregate.EventCodec;
import io.xunshi.kernel.api.Cursor;
import io.xunshi.kernel.api.Page;
import io.xunshi.kernel.command.Aggregate;
import io.xunshi.kernel.command.CommandPath;
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

    private final AggregateRepository<Round.Command, PlanningEvent, Round.State> repository;
    private final Aggregate<Round.Command, Round.State> aggregate;
    private final PlanDirectory plans;
    private final Pool pool;
    private final ObjectMapper json;

    @Inject
    public Rounds(EventStore store, ObjectMapper json, PlanDirectory plans, Pool pool) {
        EventCodec<PlanningEvent> codec = EventCodec.of(json, PlanningEvent.class);
        this.repository = new AggregateRepository<>(store, json, STREAM_TYPE, new Round(), codec, Round.State.class, 0);
        this.plans = plans;
        this.pool = pool;
        this.json = json;
        // The register follows every change of a round (its launch), after the append in the same transaction.
        this.aggregate = Aggregate.of("round", repository, Round.State::jurisdiction)
                .afterChange((conn, after, metadata) -> conn
                        .preparedQuery("UPDATE rounds SET status = $2, launched_on = $3,"
                                + " version = $4 WHERE round_id = $1")
                        .execute(Tuple.of(after.state().roundId(),
                                after.state().status().name(), after.state().launchedOn(), after.version()))
                        .replaceWithVoid());
    }

    /** Rounds on the command path: seen within the plan's jurisdiction subtree. */
    public Aggregate<Round.Command, Round.State> aggregate() {
        return aggregate;
    }

    public Uni<AggregateRepository.Loaded<Round.State>> load(String roundId) {
        return repository.load(roundId);
    }

    /** Scheduling a round of {@code plan} on the command path. */
    public CommandPath.Handler<AggregateRepository.Loaded<Round.State>> scheduling(String roundId, Round.Plan plan,
            RoundKind kind, String name, LocalDate stationingStart, LocalDate stationingEnd,
            List<Round.Pairing> pairings) {
        return (conn, context) -> schedule(conn, roundId, plan, kind, name, stationingStart, stationingEnd, pairings,
                context.metadata());
    }

    public Uni<AggregateRepository.Loaded<Round.State>> schedule(SqlConnection conn, String roundId, Round.Plan plan,
            RoundKind kind, String name, LocalDate stationingStart, LocalDate stationingEnd,
            List<Round.Pairing> pairings, EventMetadata metadata) {
        return plans.targets(conn, pairings.stream().map(Round.Pairing::organisationId).distinct().toList())
                .map(targets -> new Round.Schedule(roundId, plan, kind, name, stationingStart, stationingEnd, pairings,
                        targets))
                .flatMap(command -> repository.handle(conn, roundId, plan.jurisdiction(), ExpectedVersion.NO_STREAM,
                        command, metadata))
                .call(scheduled -> conn.preparedQuery("INSERT INTO rounds (round_id, plan_id, jurisdiction, kind, name,"
                        + " stationing_start, stationing_end, assignments, status, launched_on, version, scheduled_at)"
                        + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text::jsonb, $9, NULL, $10, $11)")
                        .execute(Tuple.tuple(List.of(roundId, plan.planId(), plan.jurisdiction(), kind.name(),
                                scheduled.state().name(), stationingStart, stationingEnd,
                                write(scheduled.state().assignments()), scheduled.state().status().name(),
                                scheduled.version(), OffsetDateTime.now(ZoneOffset.UTC)))));
    }

    /** A plan's rounds in the order they were scheduled. */
    public Uni<Page<RoundView>> list(String planId, String cursor, int limit) {
        List<String> after = Cursor.decode(cursor, 2);
        List<Object> args = new ArrayList<>();
        args.add(planId);
        StringBuilder sql = new StringBuilder("SELECT round_id, plan_id, jurisdiction, kind, name, stationing_start,"
                + " stationing_end, assignments::text AS assignments, status, launched_on, version, scheduled_at"
                + " FROM rounds WHERE plan_id = $1");
        if (!after.isEmpty()) {
            args.add(Cursor.timestamp(after.get(0)));
            args.add(after.get(1));
            sql.append(" AND (scheduled_at, round_id) > ($2, $3)");
        }
        args.add(limit + 1);
        sql.append(" ORDER BY scheduled_at, round_id LIMIT $").append(args.size());
        return pool.preparedQuery(sql.toString()).execute(Tuple.tuple(args)).map(rows -> {
            List<RoundView> items = new ArrayList<>();
            String next = null;
            Row last = null;
            for (Row row : rows) {
                if (items.size() == limit) {
                    next = Cursor.encode(last.getOffsetDateTime("scheduled_at").toString(), last.getString("round_id"));
                    break;
                }
                items.add(new RoundView(row.getString("round_id"), row.getString("plan_id"),
                        row.getString("jurisdiction"), RoundKind.valueOf(row.getString("kind")), row.getString("name"),
                        row.getLocalDate("stationing_start"), row.getLocalDate("stationing_end"),
                        read(row.getString("assignments")), Round.Status.valueOf(row.getString("status")),
                        row.getLocalDate("launched_on"), row.getInteger("version")));
                last = row;
            }
            return new Page<>(items, next);
        });
    }

    public static RoundView view(AggregateRepository.Loaded<Round.State> loaded) {
        Round.State s = loaded.state();
        return new RoundView(s.roundId(), s.planId(), s.jurisdiction(), s.kind(), s.name(), s.stationingStart(),
                s.stationingEnd(), s.assignments(), s.status(), s.launchedOn(), loaded.version());
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
