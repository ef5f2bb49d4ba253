package io.xunshi.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.opentelemetry.proto.trace.v1.Span.SpanKind;

/**
 * The walking skeleton, end to end: the packaged platform runs as separate processes (see
 * {@link LocalPlatform}) and this test is an agency system that only speaks REST. The Centre plans its
 * 2023–2027 term and inspects a provincial-level organisation; a province (Zhejiang, 330000) issues its plan
 * under the central plan and inspects a city's organisation (Hangzhou, 330100). Both inspections are
 * stationed, find problems, report and feed back; the feedback opens rectification cases, which are worked
 * through and evaluated effective. Then every service's state is checked, and that a provincial caller sees
 * its own province and not another's.
 *
 * <p>Everything between the services travels over Kafka, so each step that depends on another service
 * waits (briefly) until that service has caught up, as an agency system would poll.
 *
 * <p>The services export their traces to an OTLP receiver of the test's own and write JSON logs: the launch of
 * a round is followed as one trace from planning's REST call to inspection's consumer of the event, and
 * planning's log line of that request carries its trace id, correlation id and caller.
 */
class WalkingSkeletonIT {

    private static final Duration PROPAGATION = Duration.ofSeconds(90);
    private static final String CENTRE = "000000";
    private static final String ZHEJIANG = "330000";
    private static final String HANGZHOU = "330100";
    private static final String GUANGDONG = "440000";

    private static final String INSPECTION_CONSUMER = "inspection-rounds";
    private static final String PLANNING_TOPIC = "xunshi.planning.events";

    private static OtlpReceiver collector;
    private static LocalPlatform platform;

    @BeforeAll
    static void startPlatform() throws Exception {
        long started = System.nanoTime();
        collector = OtlpReceiver.start();
        platform = LocalPlatform.start(Map.of(
                "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", collector.endpoint(),
                "QUARKUS_OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "500ms",
                "QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true"));
        System.out.printf("platform up after %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        try {
            if (platform != null) {
                platform.close();
            }
        } finally {
            if (collector != null) {
                collector.close();
            }
        }
    }

    /** One level's inspection office, and the callers acting for it and for the organisations it inspects. */
    private record Level(String jurisdiction, Api coordination, Api planning, Api inspectionOffice, Api teamLeader,
            Api teamMember, Api rectificationOffice) {
    }

    private static Level level(String jurisdiction) {
        String office = platform.token("inspection-office", jurisdiction);
        String leader = platform.token("team-leader", jurisdiction);
        String member = platform.token("team-member", jurisdiction);
        return new Level(jurisdiction, api("coordination", office), api("planning", office),
                api("inspection", office), api("inspection", leader), api("inspection", member),
                api("rectification", office));
    }

    private static Api api(String service, String token) {
        return new Api(platform.service(service).resolve("/api/v1/"), token);
    }

    @Test
    void the_centre_and_a_province_each_plan_inspect_and_rectify_through_rest_alone() {
        long started = System.nanoTime();
        try {
            run();
            System.out.printf("scenario through REST took %.1f s%n", (System.nanoTime() - started) / 1e9);
        } catch (AssertionError | RuntimeException failure) {
            throw new AssertionError(failure.getMessage() + "\n\n" + platform.diagnostics(), failure);
        }
    }

    private void run() {
        Level centre = level(CENTRE);
        Level zhejiang = level(ZHEJIANG);

        // Coordination: the jurisdiction tree is there from the start, from the shipped division table.
        JsonNode hangzhou = ok(centre.coordination().get("jurisdictions/" + HANGZHOU));
        assertThat(hangzhou.path("parentCode").asText()).isEqualTo(ZHEJIANG);
        assertThat(hangzhou.path("level").asText()).isEqualTo("CITY");

        // Each level registers the organisations it manages: its universe.
        String zhejiangCommittee = register(centre, "中共浙江省委员会", "LOCALITY", CENTRE, ZHEJIANG);
        String guangdongCommittee = register(centre, "中共广东省委员会", "LOCALITY", CENTRE, GUANGDONG);
        String hangzhouCommittee = register(zhejiang, "中共杭州市委员会", "LOCALITY", ZHEJIANG, HANGZHOU);
        String zhejiangInvestment = register(zhejiang, "浙江省交通投资集团有限公司", "STATE_OWNED_ENTERPRISE", ZHEJIANG,
                ZHEJIANG);

        // Planning: the Centre's 2023–2027 plan, and the province's according to it. Planning learns about the
        // organisations from coordination's events, so the plan is accepted once it has seen them.
        String centralPlan = issuePlan(centre, "中央巡视工作规划（2023－2027年）", null,
                List.of(zhejiangCommittee, guangdongCommittee));
        String provincialPlan = issuePlan(zhejiang, "浙江省委巡视工作规划（2023－2027年）", centralPlan,
                List.of(hangzhouCommittee, zhejiangInvestment));
        JsonNode subordinates = ok(centre.planning().get("plans/" + centralPlan + "/subordinates"));
        assertThat(subordinates.toString()).contains(ZHEJIANG);

        // A regular round at each level, one team per target, launched.
        String centralRound = scheduleAndLaunch(centre, centralPlan, "二十届中央第一轮巡视", "中央第一巡视组",
                zhejiangCommittee);
        String provincialRound = scheduleAndLaunch(zhejiang, provincialPlan, "十五届省委第一轮巡视", "省委第一巡视组",
                hangzhouCommittee);

        // Inspection: the launched rounds opened one inspection each, from the Kafka event.
        String centralInspection = inspectionOpenedBy(centre, centralRound);
        String provincialInspection = inspectionOpenedBy(zhejiang, provincialRound);
        // The launch was one trace from planning's API through the outbox and Kafka to inspection's consumer.
        String launchTrace = assertOneTraceFromLaunchToInspection(centralRound);
        assertRequestLogged(launchTrace, "/api/v1/rounds/" + centralRound + "/launch", CENTRE);
        inspect(centre, centralInspection, "王某某");
        inspect(zhejiang, provincialInspection, "李某某");

        // Rectification: feedback opened a case; the organisation works it through, the office evaluates it.
        rectify(centre, centralInspection, ZHEJIANG);
        rectify(zhejiang, provincialInspection, HANGZHOU);

        // The state in every service.
        for (Level level : List.of(centre, zhejiang)) {
            String inspection = level == centre ? centralInspection : provincialInspection;
            assertThat(ok(level.inspectionOffice().get("inspections/" + inspection)).path("status").asText())
                    .as("inspection %s", inspection).isEqualTo("CLOSED");
        }
        assertCoverage(centre, centralPlan, zhejiangCommittee, guangdongCommittee);
        assertCoverage(zhejiang, provincialPlan, hangzhouCommittee, zhejiangInvestment);

        JsonNode centreRollUp = awaitJson(() -> centre.coordination().get("jurisdictions/" + CENTRE + "/roll-up"),
                r -> r.path("rectifications").path("effective").asInt() == 2);
        assertThat(centreRollUp.path("inspections").path("total").asInt()).isEqualTo(2);
        assertThat(centreRollUp.path("inspections").path("closed").asInt()).isEqualTo(2);
        JsonNode provinceRollUp = awaitJson(() -> zhejiang.coordination().get("jurisdictions/" + ZHEJIANG + "/roll-up"),
                r -> r.path("rectifications").path("effective").asInt() == 1);
        assertThat(provinceRollUp.path("inspections").path("total").asInt()).isEqualTo(1);
        assertThat(provinceRollUp.path("inspections").path("closed").asInt()).isEqualTo(1);

        // A provincial caller sees its own province and not another, nor the Centre's own work.
        assertThat(zhejiang.coordination().get("jurisdictions/" + GUANGDONG + "/roll-up").status()).isEqualTo(404);
        assertThat(zhejiang.coordination().get("jurisdictions/" + CENTRE + "/roll-up").status()).isEqualTo(404);
        assertThat(zhejiang.planning().get("plans/" + centralPlan).status()).isEqualTo(404);
        assertThat(zhejiang.inspectionOffice().get("inspections/" + centralInspection).status()).isEqualTo(404);
        JsonNode provincialList = ok(zhejiang.inspectionOffice().get("inspections"));
        assertThat(ids(provincialList, "inspectionId")).containsExactly(provincialInspection);
        Level guangdong = level(GUANGDONG);
        assertThat(guangdong.planning().get("plans/" + provincialPlan).status()).isEqualTo(404);
        assertThat(guangdong.inspectionOffice().get("inspections/" + provincialInspection).status()).isEqualTo(404);
    }

    private static String register(Level level, String name, String kind, String jurisdiction, String location) {
        Api.Reply reply = level.coordination().post("organisations",
                Map.of("name", name, "kind", kind, "jurisdiction", jurisdiction, "location", location));
        assertThat(reply.status()).as("register %s: %s", name, reply).isEqualTo(201);
        return reply.body().path("id").asText();
    }

    private static String issuePlan(Level level, String title, String parentPlanId, List<String> universe) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("title", title);
        request.put("jurisdiction", level.jurisdiction());
        request.put("termStart", 2023);
        request.put("termEnd", 2027);
        if (parentPlanId != null) {
            request.put("parentPlanId", parentPlanId);
        }
        request.put("universe", universe);
        Api.Reply reply = awaitReply(() -> level.planning().post("plans", request), r -> r.status() != 422);
        assertThat(reply.status()).as("issue %s: %s", title, reply).isEqualTo(201);
        return reply.body().path("id").asText();
    }

    private static String scheduleAndLaunch(Level level, String planId, String name, String team, String target) {
        Api.Reply scheduled = level.planning().post("plans/" + planId + "/rounds", Map.of("kind", "REGULAR",
                "name", name, "stationingStart", "2026-03-02", "stationingEnd", "2026-05-08",
                "assignments", List.of(Map.of("team", team, "organisationId", target))));
        assertThat(scheduled.status()).as("schedule %s: %s", name, scheduled).isEqualTo(201);
        String roundId = scheduled.body().path("id").asText();
        Api.Reply launched = level.planning().post("rounds/" + roundId + "/launch", Map.of("launchedOn", "2026-02-20"));
        assertThat(launched.status()).as("launch %s: %s", name, launched).isBetween(200, 201);
        return roundId;
    }

    private static String inspectionOpenedBy(Level level, String roundId) {
        JsonNode page = awaitJson(() -> level.inspectionOffice().get("inspections?roundId=" + roundId),
                r -> r.path("items").size() == 1);
        return page.path("items").get(0).path("inspectionId").asText();
    }

    private static void inspect(Level level, String inspectionId, String head) {
        String base = "inspections/" + inspectionId;
        created(level.teamLeader().post(base + "/stationing", Map.of("stationedOn", "2026-03-02")), "station");
        created(level.teamMember().post(base + "/findings", Map.of("focusArea", "GOVERNANCE_RESPONSIBILITY",
                "description", "党委落实全面从严治党主体责任不到位，对下属单位监督管理失之于宽", "severity", "SERIOUS",
                "involvesTopLeader", false, "involvesLeadershipTeam", true, "common", false, "deepLevel", true,
                "evidence", List.of("个别谈话记录 12", "会议纪要 2025-07"))), "record a finding");
        created(level.teamMember().post(base + "/findings", Map.of("focusArea", "ORGANISATIONAL_LINE",
                "description", "选人用人把关不严，个别干部带病提拔", "severity", "GENERAL",
                "involvesTopLeader", false, "involvesLeadershipTeam", false, "common", true, "deepLevel", false,
                "evidence", List.of("选人用人专项检查报告"))), "record a finding");
        created(level.teamLeader().post(base + "/report", Map.of("reportedOn", "2026-05-20",
                "summary", "发现两方面问题，建议责成整改")), "report");
        created(level.teamLeader().post(base + "/feedback", Map.of("givenOn", "2026-06-10",
                "organisationHead", head)), "give feedback");
        created(level.inspectionOffice().post(base + "/close", Map.of("closedOn", "2026-06-30")), "close");
    }

    private static void rectify(Level level, String inspectionId, String organisationLocation) {
        Api owner = api("rectification", platform.token("rectification-owner", organisationLocation));
        JsonNode page = awaitJson(() -> owner.get("rectification-cases?inspectionId=" + inspectionId),
                r -> r.path("items").size() == 1);
        String caseId = page.path("items").get(0).path("caseId").asText();
        JsonNode opened = ok(owner.get("rectification-cases/" + caseId));
        assertThat(opened.path("tasks").size()).as("one task per finding").isEqualTo(2);
        assertThat(opened.path("reportDue").asText()).as("two months after feedback").isEqualTo("2026-08-10");
        String base = "rectification-cases/" + caseId;
        List<String> tasks = ids(opened.path("tasks"), "taskId");
        created(owner.post(base + "/tasks/" + tasks.get(0) + "/progress", Map.of("reportedOn", "2026-07-01",
                "progress", "已召开专题民主生活会，制定整改方案")), "report progress");
        for (String task : tasks) {
            created(owner.post(base + "/tasks/" + task + "/close", Map.of("closedOn", "2026-07-20",
                    "evidence", List.of("整改报告附件 " + task))), "close task " + task);
        }
        created(owner.post(base + "/report", Map.of("submittedOn", "2026-08-05",
                "summary", "全部问题已完成整改")), "submit the report");
        created(level.rectificationOffice().post(base + "/evaluation", Map.of("evaluatedOn", "2026-09-01",
                "outcome", "EFFECTIVE", "remarks", "整改真实、到位")), "evaluate");
        JsonNode evaluated = ok(level.rectificationOffice().get(base));
        assertThat(evaluated.path("status").asText()).isEqualTo("EVALUATED");
        assertThat(evaluated.path("evaluation").path("outcome").asText()).isEqualTo("EFFECTIVE");
        assertThat(evaluated.path("report").path("onTime").asBoolean()).isTrue();
    }

    /**
     * Planning's server span of the launch and inspection's consumer span of the RoundLaunched event share one
     * trace id, and the consumer span's parent is the launch's span: the trace context went from the request
     * into the event store, out with the event as ce_traceparent, and into the consumer. Returns the trace id.
     */
    private static String assertOneTraceFromLaunchToInspection(String roundId) {
        String launchPath = "/api/v1/rounds/" + roundId + "/launch";
        OtlpReceiver.ReceivedSpan launch = awaitSpan("planning's span of POST " + launchPath, span ->
                span.service().equals("xunshi-planning") && span.kind() == SpanKind.SPAN_KIND_SERVER
                        && (launchPath.equals(span.attributes().get("url.path"))
                                || launchPath.equals(span.attributes().get("http.target"))));
        OtlpReceiver.ReceivedSpan consumed = awaitSpan("inspection's consumer span in trace " + launch.traceId(),
                span -> span.service().equals("xunshi-inspection") && span.kind() == SpanKind.SPAN_KIND_CONSUMER
                        && span.traceId().equals(launch.traceId())
                        && INSPECTION_CONSUMER.equals(span.attributes().get("messaging.consumer.group.name")));
        assertThat(consumed.name()).isEqualTo(PLANNING_TOPIC + " process");
        assertThat(consumed.attributes()).containsEntry("messaging.destination.name", PLANNING_TOPIC)
                .containsEntry("cloudevents.event_type", "xunshi.planning.RoundLaunched.v1");
        assertThat(consumed.parentSpanId()).as("the consumer span's parent is the launch request's span")
                .isEqualTo(launch.spanId());
        return launch.traceId();
    }

    private static OtlpReceiver.ReceivedSpan awaitSpan(String what, Predicate<OtlpReceiver.ReceivedSpan> wanted) {
        try {
            return await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(200)).until(
                    () -> collector.spans().stream().filter(wanted).findFirst(), java.util.Optional::isPresent).get();
        } catch (ConditionTimeoutException timeout) {
            throw new AssertionError("no " + what + " among the " + collector.spans().size() + " spans received"
                    + (collector.refused().isEmpty() ? "" : "; refused: " + collector.refused()), timeout);
        }
    }

    /** Planning's JSON log line of the request carries its trace id, correlation id and caller. */
    private static void assertRequestLogged(String traceId, String path, String jurisdiction) {
        String message = "POST " + path + " answered 20";
        JsonNode line = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(
                () -> platform.serviceLog("planning").stream().filter(l -> l.startsWith("{")).map(WalkingSkeletonIT::json)
                        .filter(l -> l.path("message").asText().startsWith(message)).findFirst(),
                java.util.Optional::isPresent).get();
        JsonNode mdc = line.path("mdc");
        assertThat(line.path("level").asText()).isEqualTo("INFO");
        assertThat(line.path("service").asText()).isEqualTo("planning");
        assertThat(mdc.path("traceId").asText()).isEqualTo(traceId);
        assertThat(mdc.path("spanId").asText()).matches("[0-9a-f]{16}");
        assertThat(mdc.path("correlationId").asText()).as("no X-Correlation-Id sent: the trace id").isEqualTo(traceId);
        assertThat(mdc.path("callerSubject").asText()).isNotBlank();
        assertThat(mdc.path("callerRoles").asText()).isEqualTo("inspection-office");
        assertThat(mdc.path("callerJurisdiction").asText()).isEqualTo(jurisdiction);
    }

    private static JsonNode json(String line) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
        } catch (java.io.IOException e) {
            throw new AssertionError("a log line that starts like JSON does not parse: " + line, e);
        }
    }

    private static void assertCoverage(Level level, String planId, String covered, String uncovered) {
        JsonNode coverage = awaitJson(() -> level.planning().get("plans/" + planId + "/coverage"),
                r -> r.path("effective").path("covered").asInt() == 1);
        assertThat(coverage.path("universe").asInt()).isEqualTo(2);
        assertThat(coverage.path("formal").path("covered").asInt()).isEqualTo(1);
        assertThat(coverage.path("effective").path("covered").asInt()).isEqualTo(1);
        assertThat(ids(coverage.path("uncovered"), "organisationId")).containsExactly(uncovered);
        assertThat(coverage.toString()).contains(covered);
    }

    private static JsonNode ok(Api.Reply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return reply.body();
    }

    private static void created(Api.Reply reply, String what) {
        assertThat(reply.status()).as("%s: %s", what, reply).isBetween(200, 201);
    }

    private static List<String> ids(JsonNode items, String field) {
        JsonNode array = items.isArray() ? items : items.path("items");
        List<String> ids = new ArrayList<>();
        array.forEach(item -> ids.add(item.path(field).asText()));
        return ids;
    }

    private static JsonNode awaitJson(Supplier<Api.Reply> request, Predicate<JsonNode> done) {
        return awaitReply(request, reply -> reply.status() == 200 && done.test(reply.body())).body();
    }

    private static Api.Reply awaitReply(Supplier<Api.Reply> request, Predicate<Api.Reply> done) {
        Api.Reply[] last = new Api.Reply[1];
        try {
            await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(300)).until(() -> {
                last[0] = request.get();
                return done.test(last[0]);
            });
        } catch (ConditionTimeoutException timeout) {
            throw new AssertionError("still waiting after " + PROPAGATION + "; last answer: " + last[0], timeout);
        }
        return last[0];
    }
}
