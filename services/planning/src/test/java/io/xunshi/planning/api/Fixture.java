package io.xunshi.planning.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.kernel.domain.Jurisdictions;
import io.xunshi.kernel.security.Role;
import io.xunshi.testing.CloudEventsOnKafka;
import io.xunshi.testing.TestTokens;

/**
 * The other services' side of the log, and the plans every test class shares: coordination's organisations
 * and jurisdictions, inspection's feedback and rectification's evaluations are published as those
 * services' relays would, and the Centre's 2023–2027 plan is issued once per test run.
 */
final class Fixture {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String CENTRE = Jurisdictions.CENTRE;
    static final String ZHEJIANG = "330000";
    static final String HANGZHOU = "330100";
    static final String NINGBO = "330200";
    static final String JIANGSU = "320000";
    static final String GUANGDONG = "440000";
    /** A province no test issues a plan for. */
    static final String HAINAN = "460000";
    static final String OFFICE_CENTRE = TestTokens.bearer(Role.INSPECTION_OFFICE, CENTRE);
    static final String OFFICE_ZJ = TestTokens.bearer(Role.INSPECTION_OFFICE, ZHEJIANG);

    private static String centrePlan;
    private static List<String> centreUniverse;

    private Fixture() {
    }

    /** The Centre's 2023–2027 plan, issued once, with a universe of three centrally managed organisations. */
    static synchronized String centrePlan(Pool pool) {
        if (centrePlan == null) {
            jurisdictions(pool, Map.of(CENTRE, "中央", ZHEJIANG, "浙江省", JIANGSU, "江苏省", GUANGDONG, "广东省",
                    HANGZHOU, "杭州市", NINGBO, "宁波市", HAINAN, "海南省"));
            centreUniverse = List.of(organisation(pool, "中共浙江省委员会", "LOCALITY", CENTRE, ZHEJIANG),
                    organisation(pool, "国家统计局", "DEPARTMENT", CENTRE, CENTRE),
                    organisation(pool, "中国华能集团有限公司", "STATE_OWNED_ENTERPRISE", CENTRE, "110000"));
            centrePlan = issue(OFFICE_CENTRE, plan("中央巡视工作规划（2023－2027年）", CENTRE, 2023, 2027, null,
                    centreUniverse)).then().statusCode(201).extract().path("id");
        }
        return centrePlan;
    }

    static synchronized List<String> centreUniverse(Pool pool) {
        centrePlan(pool);
        return centreUniverse;
    }

    static String plan(String title, String jurisdiction, int start, int end, String parent, List<String> universe) {
        StringBuilder json = new StringBuilder("{\"title\":\"" + title + "\",\"jurisdiction\":\"" + jurisdiction
                + "\",\"termStart\":" + start + ",\"termEnd\":" + end);
        if (parent != null) {
            json.append(",\"parentPlanId\":\"").append(parent).append('"');
        }
        if (universe != null) {
            json.append(",\"universe\":[");
            for (int i = 0; i < universe.size(); i++) {
                json.append(i == 0 ? "" : ",").append('"').append(universe.get(i)).append('"');
            }
            json.append(']');
        }
        return json.append('}').toString();
    }

    static Response issue(String token, String json) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(json).post("/api/v1/plans");
    }

    /** Publishes OrganisationRegistered and waits until planning's view has it; returns its id. */
    static String organisation(Pool pool, String name, String kind, String jurisdiction, String location) {
        String id = "org-" + UUID.randomUUID();
        publish("xunshi.coordination.events", "xunshi.coordination.OrganisationRegistered.v1", id, 1, jurisdiction,
                "{\"organisationId\":\"" + id + "\",\"name\":\"" + name + "\",\"kind\":\"" + kind
                        + "\",\"jurisdiction\":\"" + jurisdiction + "\",\"location\":\"" + location + "\"}");
        await().atMost(WAIT)
                .until(() -> count(pool, "SELECT count(*) AS n FROM organisations WHERE organisation_id = $1",
                        id) == 1);
        return id;
    }

    /** Publishes JurisdictionRegistered for each code (parent from the code) and waits for the view. */
    static void jurisdictions(Pool pool, Map<String, String> names) {
        List<CloudEventsOnKafka.Event> events = new ArrayList<>();
        names.forEach((code, name) -> {
            String parent = Jurisdictions.parent(code);
            String level = switch (Jurisdictions.level(code)) {
                case CENTRAL -> "CENTRAL";
                case PROVINCIAL -> "PROVINCIAL";
                case CITY -> "CITY";
                default -> "COUNTY";
            };
            events.add(event("xunshi.coordination.JurisdictionRegistered.v1", code, 1, code,
                    "{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"level\":\"" + level
                            + "\",\"parentCode\":" + (parent == null ? "null" : "\"" + parent + "\"")
                            + ",\"source\":\"test\"}"));
        });
        CloudEventsOnKafka.publish("xunshi.coordination.events", events);
        await().atMost(WAIT).until(() -> count(pool, "SELECT count(*) AS n FROM jurisdictions WHERE code = ANY($1)",
                names.keySet().toArray(String[]::new)) == names.size());
    }

    /** Feedback of an inspection that found one problem. */
    static void feedbackGiven(String inspectionId, String planId, String organisationId, String givenOn) {
        feedbackGiven(inspectionId, planId, organisationId, givenOn, "[{\"findingId\":\"f-" + inspectionId
                + "\",\"focusArea\":\"PARTY_LINE\",\"description\":\"问题\",\"severity\":\"SERIOUS\"}]");
    }

    /** Feedback of an inspection that found nothing. */
    static void cleanFeedbackGiven(String inspectionId, String planId, String organisationId, String givenOn) {
        feedbackGiven(inspectionId, planId, organisationId, givenOn, "[]");
    }

    private static void feedbackGiven(String inspectionId, String planId, String organisationId, String givenOn,
            String findings) {
        feedbackGiven(inspectionId, "round-x", planId, organisationId, givenOn, findings);
    }

    /** Feedback of an inspection of round {@code roundId} that found one problem. */
    static void feedbackGivenInRound(String inspectionId, String roundId, String planId, String organisationId,
            String givenOn) {
        feedbackGiven(inspectionId, roundId, planId, organisationId, givenOn, "[{\"findingId\":\"f-" + inspectionId
                + "\",\"focusArea\":\"PARTY_LINE\",\"description\":\"问题\",\"severity\":\"SERIOUS\"}]");
    }

    /** A case of the inspection judged not effective put its organisation forward for a look-back round. */
    static void lookBackCandidate(String caseId, String inspectionId, String planId, String jurisdiction,
            String organisationId, String on) {
        publish("xunshi.rectification.events", "xunshi.rectification.LookBackCandidatePublished.v1", caseId, 9,
                jurisdiction, "{\"caseId\":\"" + caseId + "\",\"inspectionId\":\"" + inspectionId
                        + "\",\"planId\":\"" + planId + "\",\"jurisdiction\":\"" + jurisdiction
                        + "\",\"organisationId\":\"" + organisationId + "\",\"organisationName\":\"受检单位\","
                        + "\"organisationJurisdiction\":\"" + jurisdiction + "\",\"organisationLocation\":\""
                        + jurisdiction + "\",\"evaluatedOn\":\"" + on + "\",\"grade\":\"POOR\"}");
    }

    private static void feedbackGiven(String inspectionId, String roundId, String planId, String organisationId,
            String givenOn, String findings) {
        publish("xunshi.inspection.events", "xunshi.inspection.FeedbackGiven.v1", inspectionId, 5, CENTRE,
                "{\"inspectionId\":\"" + inspectionId + "\",\"roundId\":\"" + roundId + "\",\"planId\":\"" + planId
                        + "\",\"jurisdiction\":\"000000\",\"organisationId\":\"" + organisationId
                        + "\",\"organisationName\":\"x\",\"organisationJurisdiction\":\"000000\","
                        + "\"organisationLocation\":\"000000\",\"organisationHead\":\"张三\",\"givenOn\":\"" + givenOn
                        + "\",\"findings\":" + findings + "}");
    }

    static void evaluated(String caseId, int version, String inspectionId, String planId, String organisationId,
            String outcome, String on) {
        publish("xunshi.rectification.events", "xunshi.rectification.RectificationEvaluated.v1", caseId, version,
                CENTRE, "{\"caseId\":\"" + caseId + "\",\"inspectionId\":\"" + inspectionId + "\",\"planId\":\""
                        + planId + "\",\"organisationId\":\"" + organisationId + "\",\"outcome\":\"" + outcome
                        + "\",\"evaluatedOn\":\"" + on + "\",\"remarks\":\"评估\"}");
    }

    /** An event of a type planning does not read, on one of the topics it reads. */
    static void other(String topic, String type, String subject) {
        publish(topic, type, subject, 1, CENTRE, "{\"anything\":true}");
    }

    /** Publishes one event on another service's topic, as its relay would, and waits for the broker. */
    static void publish(String topic, String type, String subject, int version, String jurisdiction, String json) {
        CloudEventsOnKafka.publish(topic, event(type, subject, version, jurisdiction, json));
    }

    private static CloudEventsOnKafka.Event event(String type, String subject, int version, String jurisdiction,
            String json) {
        return CloudEventsOnKafka.event(type, subject).version(version).jurisdiction(jurisdiction).json(json);
    }

    static long count(Pool pool, String sql, Object arg) {
        return pool.preparedQuery(sql).executeAndAwait(Tuple.of(arg)).iterator().next().getLong("n");
    }

    static List<String> ids(int n, Pool pool, String jurisdiction) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(organisation(pool, "单位" + i + "-" + UUID.randomUUID().toString().substring(0, 8), "DEPARTMENT",
                    jurisdiction, jurisdiction));
        }
        return ids;
    }
}
