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
                        new Assignment("省委第一巡视组", "org-" + UUID.randomUUID(), "杭州市委", ZHEJIANG, HANGZHOU, null),
                        new Assignment("省委第二巡视组", "org-" + UUID.randomUUID(), "杭州市人民政府", ZHEJIANG,
                                HANGZHOU, null)),
                LocalDate.of(2026, 2, 20), null, null, null);
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
            + "\"involvesLeadershipTeam\":true,\"common\":false,\"deepLevel\":true,\"evidence\":[\"谈话记录 12\"],"
            + "\"rule\":\"《中国共产党问责条例》第七条\",\"responsible\":\"党委书记\"}";

    /** The team leader's approval of a working paper. */
    public static final String APPROVE = "{\"decision\":\"APPROVE\",\"reviewedOn\":\"2026-03-20\"}";

    /** The leader's sending back of a working paper, with its reason. */
    public static final String SEND_BACK = "{\"decision\":\"SEND_BACK\",\"reason\":\"证据不足\","
            + "\"reviewedOn\":\"2026-03-20\"}";

    /**
     * A stationed inspection of a team of these deputies and members with one finding awaiting review, or sent back
     * when {@code sentBack}: {@code <inspectionId>/findings/<findingId>}.
     */
    public static String draftedFinding(List<String> deputies, List<String> members, boolean sentBack) {
        String id = inStatus(Inspection.Status.STATIONED, deputies, members);
        String member = TestTokens.bearer(members.get(0), java.util.Set.of(Role.TEAM_MEMBER), ZHEJIANG);
        String findingId = post(member, id, "findings", FINDING).then().statusCode(201).extract().path("findingId");
        if (sentBack) {
            String leader = TestTokens.bearer(deputies.get(0), java.util.Set.of(Role.TEAM_LEADER), ZHEJIANG);
            post(leader, id, "findings/" + findingId + "/review", SEND_BACK).then().statusCode(200);
        }
        return id + "/findings/" + findingId;
    }

    /** The accounts (token subjects) the fixtures' team has besides its leader: deputies, then members. */
    public static final List<String> DEPUTIES = List.of("user-team-leader-" + ZHEJIANG, "user-team-leader-000000");
    public static final List<String> MEMBERS = List.of("user-team-member-" + ZHEJIANG, "user-team-member-000000");

    private static final java.util.Map<String, String> standing = new java.util.concurrent.ConcurrentHashMap<>();

    /** Registers a cadre of Zhejiang's pool through the API, passing the three checks when {@code vetted}. */
    public static String cadre(String name, String account, boolean vetted) {
        String id = given().header("Authorization", OFFICE_ZJ).contentType(ContentType.JSON)
                .body(java.util.Map.of("jurisdiction", ZHEJIANG, "name", name, "account", account, "rank", "正处级",
                        "expertise", List.of("财务"), "post", java.util.Map.of("unitId", "unit-" + UUID.randomUUID(),
                                "unitName", "省委巡视办", "title", "处长", "since", "2020-01-01")))
                .post("/api/v1/cadres").then().statusCode(201).extract().path("cadreId");
        if (vetted) {
            for (String check : List.of("POLITICAL", "INTEGRITY", "CONDUCT")) {
                given().header("Authorization", OFFICE_ZJ).contentType(ContentType.JSON)
                        .body("{\"check\":\"" + check + "\",\"passedOn\":\"2026-01-10\"}")
                        .post("/api/v1/cadres/" + id + "/vetting").then().statusCode(200);
            }
        }
        return id;
    }

    /**
     * Forms the team of the inspection's assignment through the API: a new vetted leader, and as deputies and
     * members the cadres of {@link #DEPUTIES} and {@link #MEMBERS} (registered once), so that the tests' team
     * tokens write to it. Returns the team id.
     */
    public static String withTeam(String inspectionId) {
        return withTeam(inspectionId, DEPUTIES, MEMBERS);
    }

    /** The same with other deputies and members: a team the tests' team tokens are not in, when none of theirs. */
    public static String withTeam(String inspectionId, List<String> deputies, List<String> members) {
        return given().header("Authorization", OFFICE_ZJ).contentType(ContentType.JSON)
                .body(teamRequest(inspectionId, deputies, members)).post("/api/v1/teams").then().statusCode(201)
                .extract().path("teamId");
    }

    /** The body of a request forming the inspection's team: a new vetted leader, these deputies and members. */
    public static String teamRequest(String inspectionId, List<String> deputies, List<String> members) {
        String team = given().header("Authorization", OFFICE_ZJ).get("/api/v1/inspections/" + inspectionId).then()
                .statusCode(200).extract().path("team");
        List<java.util.Map<String, String>> people = new java.util.ArrayList<>();
        people.add(java.util.Map.of("cadreId", cadre("组长" + UUID.randomUUID().toString().substring(0, 4),
                "leader-" + UUID.randomUUID(), true), "position", "LEADER"));
        for (String account : deputies) {
            people.add(java.util.Map.of("cadreId", standing.computeIfAbsent(account, a -> cadre("副组长", a, false)),
                    "position", "DEPUTY_LEADER"));
        }
        for (String account : members) {
            people.add(java.util.Map.of("cadreId", standing.computeIfAbsent(account, a -> cadre("组员", a, false)),
                    "position", "MEMBER"));
        }
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
                    java.util.Map.of("name", team, "inspectionIds", List.of(inspectionId), "members", people));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An inspection of a fresh round, its team formed ({@link #withTeam}), moved on to {@code status} through the API. */
    public static String inStatus(Inspection.Status status) {
        return inStatus(status, DEPUTIES, MEMBERS);
    }

    /** The same, with a team of these deputies and members (see {@link #withTeam(String, List, List)}). */
    public static String inStatus(Inspection.Status status, List<String> deputies, List<String> members) {
        String id = opened();
        withTeam(id, deputies, members);
        String leader = TestTokens.bearer(deputies.get(0), java.util.Set.of(Role.TEAM_LEADER), ZHEJIANG);
        String member = TestTokens.bearer(members.get(0), java.util.Set.of(Role.TEAM_MEMBER), ZHEJIANG);
        if (status == Inspection.Status.PREPARING) {
            return id;
        }
        post(OFFICE_ZJ, id, "stationing", "{\"stationedOn\":\"2026-03-02\"}").then().statusCode(200);
        if (status == Inspection.Status.STATIONED) {
            return id;
        }
        String findingId = post(member, id, "findings", FINDING).then().statusCode(201).extract().path("findingId");
        post(leader, id, "findings/" + findingId + "/review", APPROVE).then().statusCode(200);
        post(leader, id, "report", "{\"reportedOn\":\"2026-05-10\",\"summary\":\"巡视报告\"}").then().statusCode(200);
        if (status == Inspection.Status.REPORTED) {
            return id;
        }
        post(leader, id, "feedback", "{\"givenOn\":\"2026-06-15\",\"organisationHead\":\"张三\"}").then()
                .statusCode(200);
        if (status == Inspection.Status.FEEDBACK_GIVEN) {
            return id;
        }
        post(OFFICE_ZJ, id, "close", "{\"closedOn\":\"2026-06-30\"}").then().statusCode(200);
        return id;
    }
}
