package io.xunshi.inspection;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.inject.spi.CDI;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.xunshi.contracts.planning.Assignment;
import io.xunshi.contracts.planning.RoundKind;
import io.xunshi.contracts.planning.RoundLaunched;
import io.xunshi.inspection.application.Inspections;
import io.xunshi.inspection.domain.Inspection;
import io.xunshi.inspection.infrastructure.RoundLaunchConsumer;
import io.xunshi.kernel.eventstore.EventMetadata;
import io.xunshi.kernel.security.Role;
import io.xunshi.testing.CloudEventsOnKafka;
import io.xunshi.testing.TestTokens;

/** Launched rounds and inspections in a given state, for the tests. */
public final class InspectionFixtures {

    public static final String PLANNING_TOPIC = "xunshi.planning.events";
    public static final String DEAD_LETTER_TOPIC = "xunshi.planning.events.inspection-rounds.dlq";
    public static final String INSPECTION_TOPIC = "xunshi.inspection.events";
    public static final String ZHEJIANG = "330000";
    public static final String HANGZHOU = "330100";
    public static final String JIANGSU = "320000";
    public static final Duration WAIT = Duration.ofSeconds(60);

    private InspectionFixtures() {
    }

    public static String token(String role, String jurisdiction) {
        return TestTokens.bearer(role, jurisdiction);
    }

    public static final String OFFICE_ZJ = TestTokens.bearer(Role.INSPECTION_OFFICE, ZHEJIANG);
    public static final String LEADER_ZJ = TestTokens.bearer(Role.TEAM_LEADER, ZHEJIANG);
    public static final String MEMBER_ZJ = TestTokens.bearer(Role.TEAM_MEMBER, ZHEJIANG);

    /** A round of Zhejiang's plan inspecting two Hangzhou organisations, each by its own team. */
    public static RoundLaunched zhejiangRound() {
        String round = "round-" + UUID.randomUUID();
        return new RoundLaunched(round, "plan-zj-2023", ZHEJIANG, RoundKind.REGULAR, "十五届省委第三轮巡视",
                LocalDate.of(2026, 3, 2), LocalDate.of(2026, 5, 8), List.of(
                        new Assignment("省委第一巡视组", "org-" + UUID.randomUUID(), "杭州市委", ZHEJIANG, HANGZHOU),
                        new Assignment("省委第二巡视组", "org-" + UUID.randomUUID(), "杭州市人民政府", ZHEJIANG,
                                HANGZHOU)),
                LocalDate.of(2026, 2, 20));
    }

    /** Publishes the launch on the planning topic as the event {@code eventId}, waiting for the broker. */
    public static void publish(RoundLaunched launch, UUID eventId) {
        publish(launch, eventId, launch.roundId());
    }

    /** Publishes the launch under another record key (records of one key keep their order). */
    public static void publish(RoundLaunched launch, UUID eventId, String key) {
        CloudEventsOnKafka.publish(PLANNING_TOPIC, planningEvent(RoundLaunchConsumer.ROUND_LAUNCHED, launch.roundId(),
                launch.jurisdiction()).id(eventId).key(key).data(launch));
    }

    /** An event as the planning service's relay writes it, of a round at its second version. */
    public static CloudEventsOnKafka.Event planningEvent(String type, String subject, String jurisdiction) {
        return CloudEventsOnKafka.event(type, subject).jurisdiction(jurisdiction).aggregateType("Round").version(2);
    }

    /** The inspections the list shows for a round, as Zhejiang's office sees them. */
    public static Response listedFor(String roundId) {
        return given().header("Authorization", OFFICE_ZJ).queryParam("roundId", roundId).get("/api/v1/inspections");
    }

    /** Waits until the list shows {@code count} inspections for the round. */
    public static void awaitListed(String roundId, int count) {
        await().atMost(WAIT).until(() -> listedFor(roundId).jsonPath().getList("items").size() == count);
    }

    /**
     * Opens the inspections of a launch directly through the application service (no Kafka), and returns the
     * first one's id; for tests of the REST API.
     */
    public static String opened(RoundLaunched launch) {
        Inspections inspections = CDI.current().select(Inspections.class).get();
        Pool pool = CDI.current().select(Pool.class).get();
        pool.withTransaction(conn -> inspections.openAll(conn, launch, EventMetadata.none()))
                .await().atMost(Duration.ofSeconds(30));
        return Inspection.idFor(launch.roundId(), launch.assignments().get(0).organisationId());
    }

    public static String opened() {
        return opened(zhejiangRound());
    }

    public static Response post(String token, String id, String action, String body) {
        var request = given().header("Authorization", token).contentType(ContentType.JSON);
        if (body != null) {
            request.body(body);
        }
        return request.post("/api/v1/inspections/" + id + "/" + action);
    }

    public static final String FINDING = "{\"focusArea\":\"GOVERNANCE_RESPONSIBILITY\",\"description\":"
            + "\"主体责任落实不到位\",\"severity\":\"SERIOUS\",\"involvesTopLeader\":true,"
            + "\"involvesLeadershipTeam\":true,\"common\":false,\"deepLevel\":true,\"evidence\":[\"谈话记录 12\"]}";

    /** An inspection of a fresh round, moved on to {@code status} through the API. */
    public static String inStatus(Inspection.Status status) {
        String id = opened();
        if (status == Inspection.Status.PREPARING) {
            return id;
        }
        post(OFFICE_ZJ, id, "stationing", "{\"stationedOn\":\"2026-03-02\"}").then().statusCode(200);
        if (status == Inspection.Status.STATIONED) {
            return id;
        }
        post(MEMBER_ZJ, id, "findings", FINDING).then().statusCode(201);
        post(LEADER_ZJ, id, "report", "{\"reportedOn\":\"2026-05-10\",\"summary\":\"巡视报告\"}").then().statusCode(200);
        if (status == Inspection.Status.REPORTED) {
            return id;
        }
        post(LEADER_ZJ, id, "feedback", "{\"givenOn\":\"2026-06-15\",\"organisationHead\":\"张三\"}").then()
                .statusCode(200);
        if (status == Inspection.Status.FEEDBACK_GIVEN) {
            return id;
        }
        post(OFFICE_ZJ, id, "close", "{\"closedOn\":\"2026-06-30\"}").then().statusCode(200);
        return id;
    }
}
