package io.xunshi.inspection.api;

import static io.restassured.RestAssured.given;
import static io.xunshi.inspection.InspectionFixtures.INSPECTION_TOPIC;
import static io.xunshi.inspection.InspectionFixtures.OFFICE_ZJ;
import static io.xunshi.inspection.InspectionFixtures.WAIT;
import static io.xunshi.inspection.InspectionFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.xunshi.inspection.InspectionFixtures;
import io.xunshi.kernel.security.Role;
import io.xunshi.testing.KafkaTopicReader;
import io.xunshi.testing.RealInfrastructureResource;
import io.xunshi.testing.TestTokens;

/**
 * Teams over REST on real PostgreSQL and Kafka: formed with the leader's vetting, recusal and the one-round
 * authorisation enforced; the team's own members write to its inspection, others do not; standing down releases
 * the leader and ends the team's writes.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class TeamFormationTest {

    private static final String ZHEJIANG = InspectionFixtures.ZHEJIANG;

    private static String member(String account) {
        return InspectionFixtures.cadre("组员", account, false);
    }

    private static Map<String, Object> person(String cadreId, String position) {
        return Map.of("cadreId", cadreId, "position", position);
    }

    private static Response form(String inspectionId, List<Map<String, Object>> people) {
        String name = given().header("Authorization", OFFICE_ZJ).get("/api/v1/inspections/" + inspectionId).then()
                .statusCode(200).extract().path("team");
        return given().header("Authorization", OFFICE_ZJ).contentType(ContentType.JSON)
                .body(Map.of("name", name, "inspectionIds", List.of(inspectionId), "members", people))
                .post("/api/v1/teams");
    }

    /** A vetted leader and two more, fresh accounts. */
    private static List<Map<String, Object>> crew(String leader) {
        List<Map<String, Object>> people = new ArrayList<>();
        people.add(person(leader, "LEADER"));
        people.add(person(member("deputy-" + UUID.randomUUID()), "DEPUTY_LEADER"));
        people.add(person(member("member-" + UUID.randomUUID()), "MEMBER"));
        return people;
    }

    private static void assertProblem(Response response, int status, String code) {
        response.then().statusCode(status).contentType("application/problem+json");
        assertThat(response.jsonPath().getString("code")).as(response.asString()).isEqualTo(code);
    }

    @Test
    void a_leader_leads_one_team_at_a_time_until_it_stands_down() {
        String leader = InspectionFixtures.cadre("王强", "leader-" + UUID.randomUUID(), true);
        Response first = form(InspectionFixtures.opened(), crew(leader));
        first.then().statusCode(201);
        String team = first.jsonPath().getString("teamId");
        assertThat(first.header("Location")).endsWith("/api/v1/teams/" + team);
        assertThat(first.jsonPath().getList("members.position")).containsExactly("LEADER", "DEPUTY_LEADER", "MEMBER");

        String second = InspectionFixtures.opened();
        assertProblem(form(second, crew(leader)), 409, "cadre-already-leading");

        given().header("Authorization", OFFICE_ZJ).contentType(ContentType.JSON).body("{\"on\":\"2026-07-01\"}")
                .post("/api/v1/teams/" + team + "/stand-down").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("STOOD_DOWN"));
        form(second, crew(leader)).then().statusCode(201);
    }

    @Test
    void a_leader_who_has_not_passed_all_three_checks_is_refused_naming_what_is_missing() {
        String leader = InspectionFixtures.cadre("李敏", "leader-" + UUID.randomUUID(), false);
        given().header("Authorization", OFFICE_ZJ).contentType(ContentType.JSON).body("{\"check\":\"POLITICAL\"}")
                .post("/api/v1/cadres/" + leader + "/vetting").then().statusCode(200).body("vetted",
                        org.hamcrest.Matchers.equalTo(false));
        Response refused = form(InspectionFixtures.opened(), crew(leader));
        assertProblem(refused, 422, "leader-not-vetted");
        assertThat(refused.asString()).contains("INTEGRITY").contains("CONDUCT");
    }

    @Test
    void a_declared_close_relation_to_the_target_keeps_the_cadre_out_and_nothing_is_written() {
        String inspection = InspectionFixtures.opened();
        String organisation = given().header("Authorization", OFFICE_ZJ).get("/api/v1/inspections/" + inspection)
                .then().extract().path("organisationId");
        String related = member("related-" + UUID.randomUUID());
        given().header("Authorization", OFFICE_ZJ).contentType(ContentType.JSON)
                .body(Map.of("organisationId", organisation, "relation", "SPOUSE"))
                .post("/api/v1/cadres/" + related + "/relations").then().statusCode(200);
        List<Map<String, Object>> people = crew(InspectionFixtures.cadre("组长", "leader-" + UUID.randomUUID(), true));
        people.add(person(related, "MEMBER"));
        Response refused = form(inspection, people);
        assertProblem(refused, 422, "recusal-close-relation");
        assertThat(refused.jsonPath().getList("errors.field")).contains("members");

        // Nothing was formed: the same team without them is formed now, under the leader just refused.
        people.remove(people.size() - 1);
        form(inspection, people).then().statusCode(201);
    }

    @Test
    void only_the_inspections_own_team_writes_to_it_and_not_after_it_stood_down() {
        String inspection = InspectionFixtures.opened();
        String deputyAccount = "deputy-" + UUID.randomUUID();
        String memberAccount = "member-" + UUID.randomUUID();
        List<Map<String, Object>> people = List.of(
                person(InspectionFixtures.cadre("组长", "leader-" + UUID.randomUUID(), true), "LEADER"),
                person(member(deputyAccount), "DEPUTY_LEADER"), person(member(memberAccount), "MEMBER"));
        String deputy = TestTokens.bearer(deputyAccount, Set.of(Role.TEAM_LEADER), ZHEJIANG);
        String ownMember = TestTokens.bearer(memberAccount, Set.of(Role.TEAM_MEMBER), ZHEJIANG);
        String stranger = TestTokens.bearer("member-" + UUID.randomUUID(), Set.of(Role.TEAM_MEMBER), ZHEJIANG);
        String strangeLeader = TestTokens.bearer("leader-" + UUID.randomUUID(), Set.of(Role.TEAM_LEADER), ZHEJIANG);

        // Before its team is formed, no team caller writes to it.
        assertProblem403(post(deputy, inspection, "stationing", "{}"));
        String team = form(inspection, people).then().statusCode(201).extract().path("teamId");
        assertThat(given().header("Authorization", OFFICE_ZJ).get("/api/v1/inspections/" + inspection).then()
                .extract().<String>path("teamId")).isEqualTo(team);

        assertProblem403(post(strangeLeader, inspection, "stationing", "{}"));
        post(deputy, inspection, "stationing", "{\"stationedOn\":\"2026-03-02\"}").then().statusCode(200);
        assertProblem403(post(stranger, inspection, "findings", InspectionFixtures.FINDING));
        post(ownMember, inspection, "findings", InspectionFixtures.FINDING).then().statusCode(201);

        given().header("Authorization", OFFICE_ZJ).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/teams/" + team + "/stand-down").then().statusCode(200);
        assertProblem403(post(ownMember, inspection, "findings", InspectionFixtures.FINDING));
        post(OFFICE_ZJ, inspection, "findings", InspectionFixtures.FINDING).then().statusCode(201);

        // The team's formation and its standing down are on the shared log, keyed by the team.
        List<ConsumerRecord<String, String>> published = KafkaTopicReader.readUntil(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), INSPECTION_TOPIC,
                r -> team.equals(r.key()) && "xunshi.inspection.TeamStoodDown.v1".equals(type(r)), WAIT);
        assertThat(published.stream().filter(r -> team.equals(r.key())).map(TeamFormationTest::type))
                .containsExactly("xunshi.inspection.TeamFormed.v1", "xunshi.inspection.TeamStoodDown.v1");
    }

    private static void assertProblem403(Response response) {
        response.then().statusCode(403).contentType("application/problem+json");
        assertThat(response.jsonPath().getString("detail")).contains("own team");
    }

    private static String type(ConsumerRecord<String, String> record) {
        var header = record.headers().lastHeader("ce_type");
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void a_suggested_team_matches_expertise_keeps_recusal_and_forms_nothing() {
        String inspection = InspectionFixtures.opened();
        String organisation = given().header("Authorization", OFFICE_ZJ).get("/api/v1/inspections/" + inspection)
                .then().extract().path("organisationId");
        String tag = "专项-" + UUID.randomUUID().toString().substring(0, 8);
        String both = registered("全能", List.of(tag, tag + "-审计"), "unit-" + UUID.randomUUID(), true);
        String one = registered("审计", List.of(tag + "-审计"), "unit-" + UUID.randomUUID(), false);
        String insider = registered("本单位", List.of(tag, tag + "-审计"), organisation, true);
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> given().header("Authorization", OFFICE_ZJ)
                .queryParam("expertise", tag + "-审计").get("/api/v1/cadres").jsonPath().getList("items").size() == 3);

        Response suggestion = given().header("Authorization", OFFICE_ZJ).queryParam("inspectionId", inspection)
                .queryParam("expertise", tag).queryParam("expertise", tag + "-审计").queryParam("size", 2)
                .get("/api/v1/cadres/suggestions");
        suggestion.then().statusCode(200);
        assertThat(suggestion.jsonPath().getString("leader.cadreId")).isEqualTo(both);
        assertThat(suggestion.jsonPath().getList("members.cadreId")).containsExactly(one);
        assertThat(suggestion.jsonPath().getList("excluded.cadreId")).containsExactly(insider);
        assertThat(suggestion.jsonPath().getList("excluded.rule")).containsExactly("recusal-works-there");
        // A query, not a decision: no team exists for the inspection.
        String teamId = given().header("Authorization", OFFICE_ZJ).get("/api/v1/inspections/" + inspection).then()
                .extract().path("teamId");
        given().header("Authorization", OFFICE_ZJ).get("/api/v1/teams/" + teamId).then().statusCode(404);
        // Another province's office does not see the inspection.
        given().header("Authorization", TestTokens.bearer(Role.INSPECTION_OFFICE, InspectionFixtures.JIANGSU))
                .queryParam("inspectionId", inspection).get("/api/v1/cadres/suggestions").then().statusCode(404);
    }

    private static String registered(String name, List<String> expertise, String unit, boolean vetted) {
        String id = given().header("Authorization", OFFICE_ZJ).contentType(ContentType.JSON)
                .body(Map.of("jurisdiction", ZHEJIANG, "name", name, "account", "acct-" + UUID.randomUUID(), "rank",
                        "正处级", "expertise", expertise, "post", Map.of("unitId", unit, "unitName", "单位", "title",
                                "处长", "since", "2020-01-01")))
                .post("/api/v1/cadres").then().statusCode(201).extract().path("cadreId");
        if (vetted) {
            for (String check : List.of("POLITICAL", "INTEGRITY", "CONDUCT")) {
                given().header("Authorization", OFFICE_ZJ).contentType(ContentType.JSON)
                        .body(Map.of("check", check)).post("/api/v1/cadres/" + id + "/vetting").then().statusCode(200);
            }
        }
        return id;
    }
}
