package io.xunshi.e2e;

import static io.xunshi.e2e.Clients.header;
import static io.xunshi.e2e.Clients.key;
import static io.xunshi.e2e.Clients.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.xunshi.client.coordination.api.JurisdictionsApi;
import io.xunshi.client.coordination.api.OrganisationsApi;
import io.xunshi.client.coordination.model.JurisdictionLevel;
import io.xunshi.client.coordination.model.JurisdictionView;
import io.xunshi.client.coordination.model.OrganisationKind;
import io.xunshi.client.coordination.model.OrganisationView;
import io.xunshi.client.coordination.model.RegisterOrganisationRequest;
import io.xunshi.client.coordination.model.RollUp;
import io.xunshi.client.inspection.api.CadrePoolApi;
import io.xunshi.client.inspection.api.CluesApi;
import io.xunshi.client.inspection.api.InspectionsApi;
import io.xunshi.client.inspection.api.PetitionsApi;
import io.xunshi.client.inspection.api.TeamsApi;
import io.xunshi.client.inspection.model.AcknowledgeClueRequest;
import io.xunshi.client.inspection.model.BriefingRequest;
import io.xunshi.client.inspection.model.BriefingSource;
import io.xunshi.client.inspection.model.ClassifyPetitionRequest;
import io.xunshi.client.inspection.model.CloseRequest;
import io.xunshi.client.inspection.model.ClueCategory;
import io.xunshi.client.inspection.model.ClueDisposition;
import io.xunshi.client.inspection.model.ClueReceiver;
import io.xunshi.client.inspection.model.ClueStatus;
import io.xunshi.client.inspection.model.ClueView;
import io.xunshi.client.inspection.model.ContactChannelKind;
import io.xunshi.client.inspection.model.ContactChannelRequest;
import io.xunshi.client.inspection.model.DisposeClueRequest;
import io.xunshi.client.inspection.model.FeedbackRequest;
import io.xunshi.client.inspection.model.FocusArea;
import io.xunshi.client.inspection.model.FormTeamRequest;
import io.xunshi.client.inspection.model.HandOverClueRequest;
import io.xunshi.client.inspection.model.HeadFeedbackRequest;
import io.xunshi.client.inspection.model.Identity;
import io.xunshi.client.inspection.model.InspectionSummary;
import io.xunshi.client.inspection.model.InspectionView;
import io.xunshi.client.inspection.model.Person;
import io.xunshi.client.inspection.model.PetitionChannel;
import io.xunshi.client.inspection.model.PetitionScope;
import io.xunshi.client.inspection.model.PetitionStatus;
import io.xunshi.client.inspection.model.PetitionView;
import io.xunshi.client.inspection.model.PostRequest;
import io.xunshi.client.inspection.model.ReasonRequest;
import io.xunshi.client.inspection.model.ReceivePetitionRequest;
import io.xunshi.client.inspection.model.RecordFindingRequest;
import io.xunshi.client.inspection.model.RecordedFinding;
import io.xunshi.client.inspection.model.RegisterCadreRequest;
import io.xunshi.client.inspection.model.ReportRequest;
import io.xunshi.client.inspection.model.ReporterRequest;
import io.xunshi.client.inspection.model.Review;
import io.xunshi.client.inspection.model.ReviewDecision;
import io.xunshi.client.inspection.model.ReviewFindingRequest;
import io.xunshi.client.inspection.model.ReviseFindingRequest;
import io.xunshi.client.inspection.model.Severity;
import io.xunshi.client.inspection.model.StationRequest;
import io.xunshi.client.inspection.model.TeamPosition;
import io.xunshi.client.inspection.model.TeamView;
import io.xunshi.client.inspection.model.ThematicReportRequest;
import io.xunshi.client.inspection.model.TransferAnswerRequest;
import io.xunshi.client.inspection.model.TransferPetitionRequest;
import io.xunshi.client.inspection.model.VetRequest;
import io.xunshi.client.inspection.model.VettingCheck;
import io.xunshi.client.planning.api.PlansApi;
import io.xunshi.client.planning.api.RoundsApi;
import io.xunshi.client.planning.model.AssignmentRequest;
import io.xunshi.client.planning.model.CoverageView;
import io.xunshi.client.planning.model.FileRoundRequest;
import io.xunshi.client.planning.model.IssuePlanRequest;
import io.xunshi.client.planning.model.LaunchRoundRequest;
import io.xunshi.client.planning.model.LookBackCandidates;
import io.xunshi.client.planning.model.PaceView;
import io.xunshi.client.planning.model.PlanView;
import io.xunshi.client.planning.model.RevisePlanRequest;
import io.xunshi.client.planning.model.RevisionReason;
import io.xunshi.client.planning.model.RoundKind;
import io.xunshi.client.planning.model.RoundView;
import io.xunshi.client.planning.model.ScheduleRoundRequest;
import io.xunshi.client.planning.model.SubordinatePlans;
import io.xunshi.client.planning.model.UniverseChangeRequest;
import io.xunshi.client.rectification.api.RectificationCasesApi;
import io.xunshi.client.rectification.model.CaseView;
import io.xunshi.client.rectification.model.CloseTaskRequest;
import io.xunshi.client.rectification.model.ConsultationParty;
import io.xunshi.client.rectification.model.ConsultationRequest;
import io.xunshi.client.rectification.model.DeductionRequest;
import io.xunshi.client.rectification.model.EvaluateRectificationRequest;
import io.xunshi.client.rectification.model.EvaluationGrade;
import io.xunshi.client.rectification.model.EvaluationOutcome;
import io.xunshi.client.rectification.model.FilePlanRequest;
import io.xunshi.client.rectification.model.HandOverRequest;
import io.xunshi.client.rectification.model.HeadReportRequest;
import io.xunshi.client.rectification.model.PlannedTaskRequest;
import io.xunshi.client.rectification.model.PublicCaseView;
import io.xunshi.client.rectification.model.PublishPublicViewRequest;
import io.xunshi.client.rectification.model.RejectClosureRequest;
import io.xunshi.client.rectification.model.ReportProgressRequest;
import io.xunshi.client.rectification.model.SubmitReportRequest;
import io.xunshi.client.rectification.model.SupervisionNoteRequest;
import io.xunshi.client.rectification.model.Task;
import io.xunshi.client.rectification.model.TaskTier;

/**
 * The walking skeleton, end to end: the packaged platform runs as separate processes (see
 * {@link LocalPlatform}) and this test is an agency system that speaks REST through the Java client generated
 * from the published OpenAPI documents (clients/java, see {@link Clients}), with no hand-written HTTP call.
 * The Centre plans its 2023–2027 term and inspects a provincial-level organisation; a province (Zhejiang,
 * 330000) issues its plan under the central plan and inspects a city's organisation (Hangzhou, 330100). Both
 * inspections are stationed, find problems, report and feed back; the feedback opens rectification cases,
 * which are worked through and evaluated effective. Then every service's state is checked, and that a
 * provincial caller sees its own province and not another's. Along the way the platform's refusals are
 * checked as a client meets them: a role that may not act (403), what lies outside the caller's subtree
 * (404), a step out of order (409), a stale {@code If-Match} (412) and a date out of order (422), each an
 * {@code ApiException} with its problem+json body.
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
    private static final String PROBLEM_JSON = "application/problem+json";

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

    /**
     * One level's inspection office, and the callers acting for it and for the organisations it inspects: each
     * a generated API of one service, on a client of its own that carries that caller's token.
     */
    private record Level(String jurisdiction, JurisdictionsApi jurisdictions, OrganisationsApi organisations,
            PlansApi plans, RoundsApi rounds, InspectionsApi inspectionOffice, InspectionsApi teamLeader,
            InspectionsApi teamMember, RectificationCasesApi rectificationOffice) {
    }

    private static Level level(String jurisdiction) {
        String office = platform.token("inspection-office", jurisdiction);
        String leader = platform.token("team-leader", jurisdiction);
        String member = platform.token("team-member", jurisdiction);
        var coordination = Clients.coordination(service("coordination"), office);
        var planning = Clients.planning(service("planning"), office);
        return new Level(jurisdiction, new JurisdictionsApi(coordination), new OrganisationsApi(coordination),
                new PlansApi(planning), new RoundsApi(planning),
                new InspectionsApi(Clients.inspection(service("inspection"), office)),
                new InspectionsApi(Clients.inspection(service("inspection"), leader)),
                new InspectionsApi(Clients.inspection(service("inspection"), member)),
                new RectificationCasesApi(Clients.rectification(service("rectification"), office)));
    }

    private static URI service(String name) {
        return platform.service(name);
    }

    @Test
    void each_packaged_service_documents_its_api_on_the_api_port_and_serves_health_and_metrics_apart() {
        RetryingClient http = new RetryingClient(platform.token("operator", CENTRE));
        for (String name : List.of("planning", "inspection", "rectification", "coordination")) {
            // Agency systems generate their clients from /q/openapi on the API's own port; the launcher turns
            // Swagger UI on (production does not).
            assertThat(http.probe(service(name).resolve("/q/openapi"))).as("%s /q/openapi", name).isEqualTo(200);
            assertThat(http.probe(service(name).resolve("/q/swagger-ui/"))).as("%s Swagger UI", name).isEqualTo(200);
            assertThat(http.probe(platform.management(name).resolve("/q/health/ready"))).as("%s readiness", name)
                    .isEqualTo(200);
            assertThat(http.probe(platform.management(name).resolve("/q/metrics"))).as("%s metrics", name)
                    .isEqualTo(200);
            assertThat(http.probe(service(name).resolve("/q/metrics"))).as("%s metrics on the API port", name)
                    .isEqualTo(404);
        }
    }

    @Test
    void every_platform_metric_the_kubernetes_alerts_use_is_served_by_some_service() throws Exception {
        // The alerts of deploy/kubernetes/monitoring.yaml on the services' own metrics: a renamed or dropped
        // metric would leave its alert silent forever, so each name must be scraped from a running service.
        Path rules = Path.of(System.getProperty("xunshi.repository", "../..")).toAbsolutePath().normalize()
                .resolve("deploy/kubernetes/monitoring.yaml");
        java.util.Set<String> used = new java.util.TreeSet<>();
        Pattern name = Pattern.compile("\\bxunshi_[a-z_]+\\b");
        for (String line : Files.readAllLines(rules)) {
            if (!line.strip().startsWith("#")) {
                name.matcher(line).results().map(MatchResult::group).forEach(used::add);
            }
        }
        assertThat(used).as("platform metrics used by the alerts").contains("xunshi_outbox_lag_seconds",
                "xunshi_consumer_stalled", "xunshi_projection_lag");
        RetryingClient http = new RetryingClient(platform.token("operator", CENTRE));
        StringBuilder served = new StringBuilder();
        for (String service : List.of("planning", "inspection", "rectification", "coordination")) {
            served.append(Objects.requireNonNull(http.text(platform.management(service).resolve("/q/metrics")),
                    service + " /q/metrics"));
        }
        for (String metric : used) {
            assertThat(Pattern.compile("(?m)^" + metric + "[{ ]").matcher(served).find())
                    .as("%s (an alert in monitoring.yaml) is served by some service's /q/metrics", metric).isTrue();
        }
    }

    @Test
    void the_centre_and_a_province_each_plan_inspect_and_rectify_through_the_generated_client() {
        long started = System.nanoTime();
        try {
            run();
            System.out.printf("scenario through the generated client took %.1f s%n",
                    (System.nanoTime() - started) / 1e9);
        } catch (AssertionError | RuntimeException failure) {
            throw new AssertionError(failure.getMessage() + "\n\n" + platform.diagnostics(), failure);
        } catch (Exception failure) {
            throw new AssertionError(Clients.describe(failure) + "\n\n" + platform.diagnostics(), failure);
        }
    }

    private void run() throws Exception {
        Level centre = level(CENTRE);
        Level zhejiang = level(ZHEJIANG);

        // Coordination: the jurisdiction tree is there from the start, from the shipped division table.
        JurisdictionView hangzhou = centre.jurisdictions().getJurisdiction(HANGZHOU);
        assertThat(hangzhou.getParentCode()).isEqualTo(ZHEJIANG);
        assertThat(hangzhou.getLevel()).isEqualTo(JurisdictionLevel.CITY);

        // Each level registers the organisations it manages: its universe.
        String zhejiangCommittee = register(centre, "中共浙江省委员会", OrganisationKind.LOCALITY, CENTRE, ZHEJIANG);
        String guangdongCommittee = register(centre, "中共广东省委员会", OrganisationKind.LOCALITY, CENTRE, GUANGDONG);
        String hangzhouCommittee = register(zhejiang, "中共杭州市委员会", OrganisationKind.LOCALITY, ZHEJIANG, HANGZHOU);
        String zhejiangInvestment = register(zhejiang, "浙江省交通投资集团有限公司", OrganisationKind.STATE_OWNED_ENTERPRISE,
                ZHEJIANG, ZHEJIANG);

        // Planning: the Centre's 2023–2027 plan, and the province's according to it. Planning learns about the
        // organisations from coordination's events, so the plan is accepted once it has seen them (422 before).
        String centralPlan = issuePlan(centre, "中央巡视工作规划（2023－2027年）", null,
                List.of(zhejiangCommittee, guangdongCommittee));
        String provincialPlan = issuePlan(zhejiang, "浙江省委巡视工作规划（2023－2027年）", centralPlan,
                List.of(hangzhouCommittee, zhejiangInvestment));
        SubordinatePlans subordinates = awaitRead("Zhejiang's plan filed under the central plan",
                () -> centre.plans().getSubordinatePlans(centralPlan),
                s -> s.getChildren().stream().anyMatch(c -> ZHEJIANG.equals(c.getJurisdiction())
                        && Boolean.TRUE.equals(c.getFiled())));
        assertThat(subordinates.getChildren()).filteredOn(c -> ZHEJIANG.equals(c.getJurisdiction()))
                .singleElement().satisfies(child -> assertThat(child.getPlanId()).isEqualTo(provincialPlan));

        // A regular round at each level, one team per target, launched.
        String centralRound = scheduleAndLaunch(centre, centralPlan, "二十届中央第一轮巡视", "中央第一巡视组",
                zhejiangCommittee);
        String provincialRound = scheduleAndLaunch(zhejiang, provincialPlan, "十五届省委第一轮巡视", "省委第一巡视组",
                hangzhouCommittee);
        // A round is launched once: the second launch is an illegal step with its stable code.
        Clients.Refusal relaunch = refused(() -> centre.rounds().launchRound(centralRound,
                new LaunchRoundRequest().launchedOn(LocalDate.parse("2026-02-21")), key(), null));
        assertProblem(relaunch, 409, "urn:xunshi:problem:illegal-state");
        assertThat(relaunch.code()).as("%s", relaunch).isEqualTo("round-already-launched");

        // Inspection: the launched rounds opened one inspection each, from the Kafka event.
        String centralInspection = inspectionOpenedBy(centre, centralRound, zhejiangCommittee);
        String provincialInspection = inspectionOpenedBy(zhejiang, provincialRound, hangzhouCommittee);
        // The launch was one trace from planning's API through the outbox and Kafka to inspection's consumer.
        String launchTrace = assertOneTraceFromLaunchToInspection(centralRound);
        assertRequestLogged(launchTrace, "/api/v1/rounds/" + centralRound + "/launch", CENTRE);
        formTeam(centre, centralInspection);
        formTeam(zhejiang, provincialInspection);
        inspect(centre, centralInspection, "王某某");
        inspect(zhejiang, provincialInspection, "李某某");

        // Rectification: feedback opened a case; the organisation works it through, the office evaluates it.
        rectify(centre, centralInspection, ZHEJIANG);
        rectify(zhejiang, provincialInspection, HANGZHOU);

        // The state in every service.
        for (Level level : List.of(centre, zhejiang)) {
            String inspection = level == centre ? centralInspection : provincialInspection;
            InspectionView closed = level.inspectionOffice().getInspection(inspection);
            assertThat(closed.getStatus()).as("inspection %s", inspection)
                    .isEqualTo(io.xunshi.client.inspection.model.Status.CLOSED);
            assertThat(closed.getFindings()).as("inspection %s", inspection).hasSize(2);
        }
        assertCoverage(centre, centralPlan, zhejiangCommittee, guangdongCommittee);
        assertCoverage(zhejiang, provincialPlan, hangzhouCommittee, zhejiangInvestment);

        RollUp centreRollUp = awaitRead("the Centre's roll-up of two effective rectifications",
                () -> centre.jurisdictions().getRollUp(CENTRE),
                r -> r.getRectifications() != null && r.getRectifications().getEffective() == 2);
        assertThat(centreRollUp.getInspections().getTotal()).isEqualTo(2);
        assertThat(centreRollUp.getInspections().getClosed()).isEqualTo(2);
        RollUp provinceRollUp = awaitRead("Zhejiang's roll-up of one effective rectification",
                () -> zhejiang.jurisdictions().getRollUp(ZHEJIANG),
                r -> r.getRectifications() != null && r.getRectifications().getEffective() == 1);
        assertThat(provinceRollUp.getInspections().getTotal()).isEqualTo(1);
        assertThat(provinceRollUp.getInspections().getClosed()).isEqualTo(1);

        // A provincial caller sees its own province and not another, nor the Centre's own work: hidden as an
        // unknown id is (404), and a list asked for another province's work is refused (403).
        assertNotFound(refused(() -> zhejiang.jurisdictions().getRollUp(GUANGDONG)));
        assertNotFound(refused(() -> zhejiang.jurisdictions().getRollUp(CENTRE)));
        assertNotFound(refused(() -> zhejiang.plans().getPlan(centralPlan)));
        assertNotFound(refused(() -> zhejiang.inspectionOffice().getInspection(centralInspection)));
        List<InspectionSummary> provincialList = zhejiang.inspectionOffice()
                .listInspections(null, null, null, null, null, null).getItems();
        assertThat(provincialList).extracting(InspectionSummary::getInspectionId).containsExactly(provincialInspection);
        assertProblem(refused(() -> zhejiang.inspectionOffice().listInspections(null, GUANGDONG, null, null, null,
                null)), 403, "urn:xunshi:problem:forbidden");
        Level guangdong = level(GUANGDONG);
        assertNotFound(refused(() -> guangdong.plans().getPlan(provincialPlan)));
        assertNotFound(refused(() -> guangdong.inspectionOffice().getInspection(provincialInspection)));

        elevatedAndLookBack(zhejiang, provincialPlan);

        // An auditor at the Centre verifies every service's event store through the launcher: all intact.
        LocalPlatform.Verification verified = platform.verify();
        assertThat(verified.exitCode()).as(verified.output()).isZero();
        assertThat(verified.output()).contains("Every store verified intact.");
        for (String service : LocalPlatform.SERVICES) {
            assertThat(verified.output()).as(verified.output())
                    .containsPattern(service + " +verified: [1-9]\\d* streams");
        }
    }

    /**
     * Issue 14's kinds of round across the services: Zhejiang revises its plan as a new unit is set up; it inspects a
     * Hangzhou organisation in an ELEVATED round, which counts for Hangzhou's plan; that rectification is judged not
     * effective, so rectification puts the organisation forward and Zhejiang schedules a LOOK_BACK round on it.
     */
    private static void elevatedAndLookBack(Level zhejiang, String provincialPlan) throws Exception {
        Level hangzhou = level(HANGZHOU);
        // A plan revision (修订): a unit set up during the term joins the provincial universe.
        String dataBureau = register(zhejiang, "浙江省数据局", OrganisationKind.DEPARTMENT, ZHEJIANG, ZHEJIANG);
        PlanView revised = awaitRead("the provincial plan revised with the new unit", () -> {
            try {
                return zhejiang.plans().revisePlan(provincialPlan, new RevisePlanRequest()
                        .revisedOn(LocalDate.parse("2026-03-01")).joined(List.of(new UniverseChangeRequest()
                                .organisationId(dataBureau).reason(RevisionReason.NEW_UNIT).note("新设省数据局"))),
                        key(), null);
            } catch (io.xunshi.client.planning.ApiException notSeenYet) {
                // planning learns of the organisation from coordination's events: 422 until it has
                if (notSeenYet.getCode() != 422) {
                    throw notSeenYet;
                }
                return null;
            }
        }, Objects::nonNull);
        assertThat(revised.getUniverse()).contains(dataBureau).hasSize(3);
        assertThat(revised.getRevisions()).singleElement().satisfies(r -> assertThat(r.getRevision()).isEqualTo(1));
        assertThat(zhejiang.plans().getCoverage(provincialPlan).getUniverse()).isEqualTo(3);

        // Hangzhou's plan, with an organisation the city manages; the province inspects it in an elevated round.
        String cityBureau = register(hangzhou, "杭州市某局", OrganisationKind.DEPARTMENT, HANGZHOU, HANGZHOU);
        String cityPlan = issuePlan(hangzhou, "杭州市委巡察工作规划（2023－2027年）", provincialPlan, List.of(cityBureau));
        var scheduled = zhejiang.plans().scheduleRound(provincialPlan, new ScheduleRoundRequest()
                .kind(RoundKind.ELEVATED).name("省委提级巡视").stationingStart(LocalDate.parse("2026-03-02"))
                .stationingEnd(LocalDate.parse("2026-05-08"))
                .assignments(List.of(new AssignmentRequest().team("省委提级巡视组").organisationId(cityBureau))), key());
        assertThat(scheduled.getAssignments()).singleElement()
                .satisfies(a -> assertThat(a.getCoveredPlanId()).isEqualTo(cityPlan));
        zhejiang.rounds().launchRound(scheduled.getId(), new LaunchRoundRequest()
                .launchedOn(LocalDate.parse("2026-02-25")), key(), null);
        String inspectionId = inspectionOpenedBy(zhejiang, scheduled.getId(), cityBureau);
        inspectBriefly(zhejiang, inspectionId, "周某某");
        CoverageView city = awaitRead("Hangzhou's plan covered by the province's elevated inspection",
                () -> hangzhou.plans().getCoverage(cityPlan), c -> c.getFormal().getCovered() == 1);
        assertThat(city.getEffective().getCovered()).isZero();

        // Its rectification is judged not effective (55 of 100): the organisation is a look-back candidate.
        RectificationCasesApi owner = new RectificationCasesApi(Clients.rectification(service("rectification"),
                platform.token("rectification-owner", HANGZHOU, cityBureau)));
        String caseId = awaitRead("the case of the elevated inspection", () -> owner.listCases(null, inspectionId,
                null, null), page -> page.getItems().size() == 1).getItems().get(0).getCaseId();
        owner.submitReport(caseId, new SubmitReportRequest().submittedOn(LocalDate.parse("2026-08-01"))
                .summary("部分整改"), key(), null);
        owner.submitHeadReport(caseId, new HeadReportRequest().submittedOn(LocalDate.parse("2026-08-01"))
                .summary("主要负责人组织落实"), key(), null);
        CaseView judged = zhejiang.rectificationOffice().evaluateRectification(
                caseId, new EvaluateRectificationRequest()
                        .evaluatedOn(LocalDate.parse("2026-09-01")).remarks("整改不到位").deductions(List.of(
                                new DeductionRequest().criterion("problems").points(40).reason("问题未整改"),
                                new DeductionRequest().criterion("leadership").points(5).reason("组织不力"))),
                key(), null);
        assertThat(judged.getEvaluation().getGrade()).isEqualTo(EvaluationGrade.POOR);
        assertThat(judged.getEvaluation().getOutcome()).isEqualTo(EvaluationOutcome.NOT_EFFECTIVE);
        LookBackCandidates candidates = awaitRead("the look-back candidate in planning",
                () -> zhejiang.plans().listLookBackCandidates(provincialPlan),
                c -> c.getItems().stream().anyMatch(i -> cityBureau.equals(i.getOrganisationId())));
        assertThat(candidates.getItems()).filteredOn(i -> cityBureau.equals(i.getOrganisationId())).singleElement()
                .satisfies(c -> assertThat(c.getLookBackRoundId()).isNull());

        // The look-back (回头看) revisits it, and only what was inspected: the new unit was not.
        assertProblem(refused(() -> zhejiang.plans().scheduleRound(provincialPlan, new ScheduleRoundRequest()
                .kind(RoundKind.LOOK_BACK).name("整改回头看").stationingStart(LocalDate.parse("2026-10-09"))
                .stationingEnd(LocalDate.parse("2026-10-30")).assignments(List.of(new AssignmentRequest()
                        .team("回头看组").organisationId(dataBureau))),
                key())), 422,
                "urn:xunshi:problem:validation-failed");
        var lookBack = zhejiang.plans().scheduleRound(provincialPlan, new ScheduleRoundRequest()
                .kind(RoundKind.LOOK_BACK).name("整改回头看").stationingStart(LocalDate.parse("2026-10-09"))
                .stationingEnd(LocalDate.parse("2026-10-30")).assignments(List.of(new AssignmentRequest()
                        .team("回头看组").organisationId(cityBureau))),
                key());
        assertThat(zhejiang.plans().listLookBackCandidates(provincialPlan).getItems())
                .filteredOn(i -> cityBureau.equals(i.getOrganisationId())).singleElement()
                .satisfies(c -> assertThat(c.getLookBackRoundId()).isEqualTo(lookBack.getId()));

        // The province files the look-back's work plan with the Centre (报备), which lists it.
        zhejiang.rounds().fileRound(lookBack.getId(), new FileRoundRequest().filedOn(LocalDate.parse("2026-10-01"))
                .workPlan("整改回头看：杭州市某局，聚焦整改不到位问题"), key(), null);
        Level centre = level(CENTRE);
        assertThat(centre.rounds().listRoundFilings(null, CENTRE, 200).getItems())
                .filteredOn(r -> lookBack.getId().equals(r.getId())).singleElement()
                .satisfies(r -> assertThat(r.getFiling().getFiledWith()).isEqualTo(CENTRE));
        // The provincial plan's pace: one of its three covered by its one regular round (the elevated round works on
        // Hangzhou's universe, not the province's, and is not the province's pace).
        PaceView pace = zhejiang.plans().getPace(provincialPlan);
        assertThat(pace.getUniverse()).isEqualTo(3);
        assertThat(pace.getCovered()).isEqualTo(1);
        assertThat(pace.getRoundsLaunched()).isEqualTo(1);
        assertThat(pace.getPerRound()).isEqualTo(1.0);
    }

    /**
     * An inspection from its team to its feedback, shortest: a team of its own (fresh cadres), stationed, one complete
     * working paper approved, reported, fed back to the head and the leadership team.
     */
    private static void inspectBriefly(Level level, String inspectionId, String head) throws Exception {
        String j = level.jurisdiction();
        String office = platform.token("inspection-office", j);
        CadrePoolApi pool = new CadrePoolApi(Clients.inspection(service("inspection"), office));
        TeamsApi teams = new TeamsApi(Clients.inspection(service("inspection"), office));
        String prefix = "brief-" + inspectionId.substring(0, 8);
        String leader = cadre(pool, level, "提级组长", prefix + "-leader@" + j, "unit-brief-1-" + j);
        for (VettingCheck check : VettingCheck.values()) {
            pool.recordCadreVetting(leader, new VetRequest().check(check).passedOn(LocalDate.parse("2026-01-15")),
                    key(), null);
        }
        List<Person> people = new java.util.ArrayList<>();
        people.add(new Person().cadreId(leader).position(TeamPosition.LEADER));
        for (int i = 1; i <= 4; i++) {
            people.add(new Person().cadreId(cadre(pool, level, "提级组员" + i, prefix + "-member-" + i + "@" + j,
                    "unit-brief-" + (i + 1) + "-" + j))
                    .position(i == 1 ? TeamPosition.DEPUTY_LEADER : TeamPosition.MEMBER));
        }
        InspectionView inspection = level.inspectionOffice().getInspection(inspectionId);
        teams.formTeam(new FormTeamRequest().name(inspection.getTeam()).inspectionIds(List.of(inspectionId))
                .members(people), key());
        InspectionsApi teamLeader = new InspectionsApi(Clients.inspection(service("inspection"),
                platform.tokenFor(prefix + "-leader@" + j, "team-leader", j)));
        InspectionsApi member = new InspectionsApi(Clients.inspection(service("inspection"),
                platform.tokenFor(prefix + "-member-2@" + j, "team-member", j)));
        teamLeader.stationTeam(inspectionId, new StationRequest().stationedOn(LocalDate.parse("2026-03-02")), key(),
                null);
        RecordedFinding finding = member.recordFinding(inspectionId, new RecordFindingRequest()
                .focusArea(FocusArea.GOVERNANCE_RESPONSIBILITY).description("落实主体责任不到位").severity(Severity.SERIOUS)
                .involvesTopLeader(false).involvesLeadershipTeam(true).common(true).deepLevel(false)
                .evidence(List.of("个别谈话记录 3")).rule("《中国共产党问责条例》第七条").responsible("党组书记"), key(), null);
        teamLeader.reviewFinding(finding.getFindingId(), inspectionId, new ReviewFindingRequest()
                .decision(ReviewDecision.APPROVE).reviewedOn(LocalDate.parse("2026-05-12")), key(), null);
        teamLeader.reportInspection(inspectionId, new ReportRequest().reportedOn(LocalDate.parse("2026-05-20"))
                .summary("发现一方面问题"), key(), null);
        teamLeader.giveHeadFeedback(inspectionId, new HeadFeedbackRequest().organisationHead(head)
                .givenOn(LocalDate.parse("2026-06-09")), key(), null);
        InspectionView fedBack = teamLeader.giveFeedback(inspectionId, new FeedbackRequest()
                .givenOn(LocalDate.parse("2026-06-10")).organisationHead(head), key(), null);
        assertThat(fedBack.getStatus()).isEqualTo(io.xunshi.client.inspection.model.Status.FEEDBACK_GIVEN);
    }

    private static String register(Level level, String name, OrganisationKind kind, String jurisdiction,
            String location) throws Exception {
        var answer = level.organisations().registerOrganisationWithHttpInfo(new RegisterOrganisationRequest()
                .name(name).kind(kind).jurisdiction(jurisdiction).location(location), key());
        assertThat(answer.getStatusCode()).as("register %s", name).isEqualTo(201);
        OrganisationView organisation = answer.getData();
        assertThat(organisation.getName()).isEqualTo(name);
        assertThat(organisation.getKind()).isEqualTo(kind);
        assertThat(header(answer.getHeaders(), "Location")).endsWith("/organisations/" + organisation.getId());
        assertThat(header(answer.getHeaders(), "ETag")).isEqualTo(etag(organisation.getVersion()));
        return organisation.getId();
    }

    private static String issuePlan(Level level, String title, String parentPlanId, List<String> universe) {
        IssuePlanRequest request = new IssuePlanRequest().title(title).jurisdiction(level.jurisdiction())
                .termStart(2023).termEnd(2027).parentPlanId(parentPlanId).universe(universe);
        String[] lastRefusal = new String[1];
        io.xunshi.client.planning.ApiResponse<PlanView> answer;
        try {
            answer = await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(300)).until(() -> {
                try {
                    return level.plans().issuePlanWithHttpInfo(request, key());
                } catch (io.xunshi.client.planning.ApiException refusedForNow) {
                    lastRefusal[0] = Clients.describe(refusedForNow);
                    if (refusedForNow.getCode() != 422) {
                        throw new AssertionError("issue " + title + ": " + lastRefusal[0], refusedForNow);
                    }
                    return null;
                }
            }, Objects::nonNull);
        } catch (ConditionTimeoutException timeout) {
            throw new AssertionError("issue " + title + ": still refused after " + PROPAGATION + ": " + lastRefusal[0],
                    timeout);
        }
        assertThat(answer.getStatusCode()).as("issue %s", title).isEqualTo(201);
        PlanView plan = answer.getData();
        assertThat(plan.getTitle()).isEqualTo(title);
        assertThat(plan.getParentPlanId()).isEqualTo(parentPlanId);
        assertThat(plan.getUniverse()).containsExactlyInAnyOrderElementsOf(universe);
        assertThat(header(answer.getHeaders(), "Location")).endsWith("/plans/" + plan.getId());
        return plan.getId();
    }

    private static String scheduleAndLaunch(Level level, String planId, String name, String team, String target)
            throws Exception {
        var scheduled = level.plans().scheduleRoundWithHttpInfo(planId, new ScheduleRoundRequest()
                .kind(RoundKind.REGULAR).name(name).stationingStart(LocalDate.parse("2026-03-02"))
                .stationingEnd(LocalDate.parse("2026-05-08"))
                .assignments(List.of(new AssignmentRequest().team(team).organisationId(target))), key());
        assertThat(scheduled.getStatusCode()).as("schedule %s", name).isEqualTo(201);
        RoundView round = scheduled.getData();
        assertThat(round.getPlanId()).isEqualTo(planId);
        assertThat(header(scheduled.getHeaders(), "Location")).endsWith("/rounds/" + round.getId());
        String etag = header(scheduled.getHeaders(), "ETag");
        assertThat(etag).isEqualTo(etag(round.getVersion()));

        // Launched on the version just scheduled: If-Match with the ETag the schedule answered.
        var launched = level.rounds().launchRoundWithHttpInfo(round.getId(),
                new LaunchRoundRequest().launchedOn(LocalDate.parse("2026-02-20")), key(), etag);
        assertThat(launched.getStatusCode()).as("launch %s", name).isEqualTo(200);
        assertThat(launched.getData().getStatus()).isEqualTo(io.xunshi.client.planning.model.Status.LAUNCHED);
        assertThat(launched.getData().getLaunchedOn()).isEqualTo(LocalDate.parse("2026-02-20"));
        assertThat(header(launched.getHeaders(), "ETag")).isEqualTo(etag(launched.getData().getVersion()))
                .isNotEqualTo(etag);
        return round.getId();
    }

    private static String inspectionOpenedBy(Level level, String roundId, String organisationId) {
        InspectionSummary opened = awaitRead("the inspection round " + roundId + " opened",
                () -> level.inspectionOffice().listInspections(null, null, null, null, roundId, null),
                page -> page.getItems().size() == 1).getItems().get(0);
        assertThat(opened.getOrganisationId()).isEqualTo(organisationId);
        assertThat(opened.getStatus()).isEqualTo(io.xunshi.client.inspection.model.Status.PREPARING);
        return opened.getInspectionId();
    }

    /**
     * Forms the inspection's team from the level's cadre pool: the level's team-leader and team-member callers
     * (their tokens' subjects, role@jurisdiction) lead and serve in it, with three more members. A cadre who works
     * in the inspected organisation is refused by recusal first, and a team member who is not in the team may not
     * write to the inspection.
     */
    private static void formTeam(Level level, String inspectionId) throws Exception {
        String office = platform.token("inspection-office", level.jurisdiction());
        CadrePoolApi pool = new CadrePoolApi(Clients.inspection(service("inspection"), office));
        TeamsApi teams = new TeamsApi(Clients.inspection(service("inspection"), office));
        InspectionView inspection = level.inspectionOffice().getInspection(inspectionId);

        String leader = cadre(pool, level, "组长", "team-leader@" + level.jurisdiction(), "unit-office-" + level
                .jurisdiction());
        for (VettingCheck check : VettingCheck.values()) {
            pool.recordCadreVetting(leader, new VetRequest().check(check).passedOn(LocalDate.parse("2026-01-15")),
                    key(), null);
        }
        assertThat(pool.getCadre(leader).getVetted()).isTrue();
        List<Person> people = new java.util.ArrayList<>();
        people.add(new Person().cadreId(leader).position(TeamPosition.LEADER));
        people.add(new Person().cadreId(cadre(pool, level, "组员", "team-member@" + level.jurisdiction(),
                "unit-audit-" + level.jurisdiction())).position(TeamPosition.MEMBER));
        for (int i = 1; i <= 3; i++) {
            people.add(new Person().cadreId(cadre(pool, level, "组员" + i, "member-" + i + "@" + level.jurisdiction(),
                    "unit-" + i + "-" + level.jurisdiction())).position(i == 1
                            ? TeamPosition.DEPUTY_LEADER
                            : TeamPosition.MEMBER));
        }

        // Recusal (回避): someone whose present post is in the inspected organisation is refused, naming the rule.
        List<Person> withInsider = new java.util.ArrayList<>(people);
        withInsider.add(new Person().cadreId(cadre(pool, level, "本单位干部", "insider@" + level.jurisdiction(),
                inspection.getOrganisationId())).position(TeamPosition.MEMBER));
        Clients.Refusal recusal = refused(() -> teams.formTeam(new FormTeamRequest().name(inspection.getTeam())
                .inspectionIds(List.of(inspectionId)).members(withInsider), key()));
        assertProblem(recusal, 422, "urn:xunshi:problem:validation-failed");
        assertThat(recusal.code()).as("%s", recusal).isEqualTo("recusal-works-there");

        TeamView team = teams.formTeam(new FormTeamRequest().name(inspection.getTeam())
                .inspectionIds(List.of(inspectionId)).members(people), key());
        assertThat(team.getInspectionIds()).containsExactly(inspectionId);
        assertThat(team.getMembers().get(0).getAccount()).isEqualTo("team-leader@" + level.jurisdiction());
        assertThat(level.inspectionOffice().getInspection(inspectionId).getTeamId()).isEqualTo(team.getTeamId());

        // A team member of the same jurisdiction who is not in this team is refused; the team's own may write.
        InspectionsApi stranger = new InspectionsApi(Clients.inspection(service("inspection"),
                platform.tokenFor("member-of-another-team@" + level.jurisdiction(), "team-member",
                        level.jurisdiction())));
        assertProblem(refused(() -> stranger.recordFinding(inspectionId, new RecordFindingRequest()
                .focusArea(FocusArea.PARTY_LINE).description("x").severity(Severity.GENERAL), key(), null)), 403,
                "urn:xunshi:problem:forbidden");
    }

    /**
     * Petitions received during the stationing: one in scope, its reporter sealed and opened only by the identity
     * reader on the record auditors read; one out of scope, transferred and answered.
     */
    private static String petitions(Level level, String inspectionId) throws Exception {
        String j = level.jurisdiction();
        PetitionsApi member = new PetitionsApi(Clients.inspection(service("inspection"),
                platform.token("team-member", j)));
        PetitionsApi leader = new PetitionsApi(Clients.inspection(service("inspection"),
                platform.token("team-leader", j)));
        PetitionView letter = member.receivePetition(new ReceivePetitionRequest().inspectionId(inspectionId)
                .channel(PetitionChannel.LETTER).receivedOn(LocalDate.parse("2026-03-05"))
                .summary("反映党委主要负责人违规插手工程项目").concerns("党委书记")
                .reporter(new ReporterRequest().name("张某").contact("13800001111")), key());
        assertThat(letter.getReporterSubject()).startsWith("reporter-");
        assertThat(leader.classifyPetition(letter.getPetitionId(), new ClassifyPetitionRequest()
                .scope(PetitionScope.LEADERSHIP_TEAM).classifiedOn(LocalDate.parse("2026-03-06")), key(), null)
                .getStatus()).isEqualTo(PetitionStatus.IN_SCOPE);
        // The identity: not for the team, only the identity reader, and the opening is on the record.
        assertProblem(refused(() -> leader.openReporterIdentity(letter.getPetitionId(),
                new ReasonRequest().reason("x"))), 403, "urn:xunshi:problem:forbidden");
        Identity identity = new PetitionsApi(Clients.inspection(service("inspection"),
                platform.token("identity-reader", j))).openReporterIdentity(letter.getPetitionId(),
                        new ReasonRequest().reason("核实举报人身份以便回访"));
        assertThat(identity.getName()).isEqualTo("张某");
        assertThat(new PetitionsApi(Clients.inspection(service("inspection"), platform.token("auditor", j)))
                .listIdentityOpenings(letter.getPetitionId())).singleElement()
                .satisfies(o -> assertThat(o.getReason()).isEqualTo("核实举报人身份以便回访"));

        PetitionView call = member.receivePetition(new ReceivePetitionRequest().inspectionId(inspectionId)
                .channel(PetitionChannel.PHONE).receivedOn(LocalDate.parse("2026-03-05"))
                .summary("反映小区物业管理问题"), key());
        assertThat(call.getReporterSubject()).isNull();
        leader.classifyPetition(call.getPetitionId(), new ClassifyPetitionRequest().scope(PetitionScope.OUT_OF_SCOPE)
                .classifiedOn(LocalDate.parse("2026-03-06")), key(), null);
        PetitionView transferred = leader.transferPetition(call.getPetitionId(), new TransferPetitionRequest()
                .department("住房和城乡建设局").transferredOn(LocalDate.parse("2026-03-07")), key(), null);
        assertThat(transferred.getAnswerDue()).isEqualTo(LocalDate.parse("2026-04-06"));
        PetitionView answered = new PetitionsApi(Clients.inspection(service("inspection"),
                platform.token("inspection-office", j)))
                .recordTransferAnswer(call.getPetitionId(), new TransferAnswerRequest().answer("已责成物业整改")
                        .answeredOn(LocalDate.parse("2026-03-30")), key(), null);
        assertThat(answered.getStatus()).isEqualTo(PetitionStatus.ANSWERED);
        assertThat(answered.getAnsweredLate()).isFalse();
        return letter.getPetitionId();
    }

    /**
     * A problem clue resting on the petition in scope, handed over by the team leader to the discipline organ (its
     * category decides), seen by that organ's liaison and not by the organisation department's, closed by the
     * liaison's disposition within its three months.
     */
    private static void clues(Level level, String inspectionId, String petitionId) throws Exception {
        String j = level.jurisdiction();
        CluesApi leader = new CluesApi(Clients.inspection(service("inspection"), platform.token("team-leader", j)));
        CluesApi discipline = new CluesApi(Clients.inspection(service("inspection"),
                platform.token("discipline-liaison", j)));
        ClueView handedOver = leader.handOverClue(new HandOverClueRequest().inspectionId(inspectionId)
                .category(ClueCategory.DISCIPLINE_VIOLATION).receiverUnit("纪委监委第三监督检查室")
                .summary("反映党委主要负责人违规插手工程项目").concerns("党委书记").petitionIds(List.of(petitionId))
                .handedOverOn(LocalDate.parse("2026-03-15")), key());
        assertThat(handedOver.getReceiver()).isEqualTo(ClueReceiver.DISCIPLINE_ORGAN);
        assertThat(handedOver.getDueOn()).isEqualTo(LocalDate.parse("2026-06-15"));
        assertNotFound(refused(() -> new CluesApi(Clients.inspection(service("inspection"),
                platform.token("organisation-liaison", j))).getClue(handedOver.getClueId())));
        assertProblem(refused(() -> new CluesApi(Clients.inspection(service("inspection"),
                platform.token("inspection-office", j))).getClue(handedOver.getClueId())), 403,
                "urn:xunshi:problem:forbidden");
        discipline.acknowledgeClue(handedOver.getClueId(), new AcknowledgeClueRequest()
                .acknowledgedOn(LocalDate.parse("2026-03-17")), key(), null);
        ClueView disposed = discipline.reportClueDisposition(handedOver.getClueId(), new DisposeClueRequest()
                .disposition(ClueDisposition.PRELIMINARY_CHECK).summary("已启动初步核实")
                .disposedOn(LocalDate.parse("2026-05-30")), key(), null);
        assertThat(disposed.getStatus()).isEqualTo(ClueStatus.DISPOSED);
        assertThat(disposed.getLate()).isFalse();
        CluesApi officer = new CluesApi(Clients.inspection(service("inspection"), platform.token("clue-officer", j)));
        awaitRead("the inspection's clues, none overdue once disposed of", () -> officer.listClues(null, inspectionId,
                null, null, null, null),
                page -> page.getItems().size() == 1
                        && page.getItems().get(0).getStatus() == ClueStatus.DISPOSED);
        assertThat(officer.listClues(null, inspectionId, null, null, true, null).getItems()).isEmpty();

        // A clue on a leader's conduct, closed by the discipline organ's own systems on its own topic: its principal
        // publishes a receipt and a disposition with ids and a source of its own; the loop closes as over REST.
        ClueView conduct = leader.handOverClue(new HandOverClueRequest().inspectionId(inspectionId)
                .category(ClueCategory.LEADER_CONDUCT).receiverUnit("纪委监委第三监督检查室")
                .summary("反映班子成员违规接受宴请").petitionIds(List.of(petitionId))
                .handedOverOn(LocalDate.parse("2026-03-16")), key());
        String clueId = conduct.getClueId();
        java.util.Properties partner = platform.kafkaPartnerConfig("xunshi-discipline");
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(partner,
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.StringSerializer())) {
            producer.send(disciplineReport(clueId, j, "ClueReceiptReported", "JW-" + j + "-" + clueId + "-1",
                    "{\"clueId\":\"" + clueId + "\",\"receivedBy\":\"jw-" + j
                            + "-xfs\",\"receivedOn\":\"2026-03-18\"}"))
                    .get(30, java.util.concurrent.TimeUnit.SECONDS);
            producer.send(disciplineReport(clueId, j, "ClueDispositionReported", "JW-" + j + "-" + clueId + "-2",
                    "{\"clueId\":\"" + clueId + "\",\"disposition\":\"TALK_OR_LETTER_INQUIRY\",\"summary\":"
                            + "\"已函询，予以澄清\",\"reportedBy\":\"jw-" + j + "-xfs\",\"disposedOn\":\"2026-05-20\"}"))
                    .get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        ClueView closed = awaitRead("the clue the discipline organ disposed of on its topic", () -> discipline
                .getClue(clueId), clue -> clue.getStatus() == ClueStatus.DISPOSED);
        assertThat(closed.getAcknowledgedOn()).isEqualTo(LocalDate.parse("2026-03-18"));
        assertThat(closed.getDisposition()).isEqualTo(ClueDisposition.TALK_OR_LETTER_INQUIRY);
        assertThat(closed.getLate()).isFalse();
    }

    /** A report as the discipline organ's tools send it: CloudEvents binary mode, its own id and source. */
    private static org.apache.kafka.clients.producer.ProducerRecord<String, String> disciplineReport(String clueId,
            String jurisdiction, String type, String id, String json) {
        var record = new org.apache.kafka.clients.producer.ProducerRecord<String, String>("xunshi.discipline.events",
                clueId, json);
        for (String[] header : new String[][]{ { "ce_specversion", "1.0" }, { "ce_id", id },
                { "ce_source", "urn:ccdi:" + jurisdiction + ":clue-management" },
                { "ce_type", "xunshi.discipline." + type + ".v1" }, { "ce_jurisdiction", jurisdiction },
                { "content-type", "application/json" } }) {
            record.headers().add(header[0], header[1].getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return record;
    }

    private static String cadre(CadrePoolApi pool, Level level, String name, String account, String unit)
            throws Exception {
        return pool.registerCadre(new RegisterCadreRequest().jurisdiction(level.jurisdiction()).name(name)
                .account(account).rank("正处级").expertise(List.of("财务"))
                .post(new PostRequest().unitId(unit).unitName("单位 " + unit).title("处长")
                        .since(LocalDate.parse("2020-01-01"))),
                key()).getCadreId();
    }

    private static void inspect(Level level, String inspectionId, String head) throws Exception {
        var read = level.inspectionOffice().getInspectionWithHttpInfo(inspectionId);
        String beforeBriefing = header(read.getHeaders(), "ETag");
        assertThat(beforeBriefing).isEqualTo(etag(read.getData().getVersion()));

        // Before the stationing the departments of Art. 21 brief the team; the stationing publishes its channels.
        var briefed = level.teamLeader().recordBriefingWithHttpInfo(inspectionId, new BriefingRequest()
                .source(BriefingSource.DISCIPLINE).department("纪委监委第三监督检查室")
                .receivedOn(LocalDate.parse("2026-02-24")).summary("通报近三年信访举报和问题线索处置情况"), key(), beforeBriefing);
        assertThat(briefed.getData().getBriefingsMissing()).doesNotContain(BriefingSource.DISCIPLINE)
                .contains(BriefingSource.ORGANISATION);
        String preparing = header(briefed.getHeaders(), "ETag");
        var stationed = level.teamLeader().stationTeamWithHttpInfo(inspectionId,
                new StationRequest().stationedOn(LocalDate.parse("2026-03-02")).contactChannels(List.of(
                        new ContactChannelRequest().kind(ContactChannelKind.PHONE).value("0571-87001234")
                                .hours("每日 8:00–20:00"))),
                key(), preparing);
        assertThat(stationed.getData().getStatus()).isEqualTo(io.xunshi.client.inspection.model.Status.STATIONED);
        assertThat(stationed.getData().getContactChannels()).extracting(c -> c.getValue())
                .containsExactly("0571-87001234");
        String current = header(stationed.getHeaders(), "ETag");

        clues(level, inspectionId, petitions(level, inspectionId));

        // Out of order and stale: stationed twice is 409; a finding based on the version before stationing is 412.
        Clients.Refusal again = refused(() -> level.teamLeader().stationTeam(inspectionId,
                new StationRequest().stationedOn(LocalDate.parse("2026-03-03")), key(), null));
        assertProblem(again, 409, "urn:xunshi:problem:illegal-state");
        assertThat(again.code()).as("%s", again).isEqualTo("inspection-not-preparing");
        RecordFindingRequest governance = new RecordFindingRequest().focusArea(FocusArea.GOVERNANCE_RESPONSIBILITY)
                .description("党委落实全面从严治党主体责任不到位，对下属单位监督管理失之于宽").severity(Severity.SERIOUS)
                .involvesTopLeader(false).involvesLeadershipTeam(true).common(false).deepLevel(true)
                .evidence(List.of("个别谈话记录 12", "会议纪要 2025-07")).rule("《中国共产党问责条例》第七条")
                .responsible("党委书记");
        assertProblem(refused(() -> level.teamMember().recordFinding(inspectionId, governance, key(), preparing)),
                412, "urn:xunshi:problem:precondition-failed");

        var first = level.teamMember().recordFindingWithHttpInfo(inspectionId, governance, key(), current);
        assertThat(first.getStatusCode()).as("record a finding").isEqualTo(201);
        RecordedFinding finding = first.getData();
        assertThat(finding.getInspectionId()).isEqualTo(inspectionId);
        assertThat(finding.getDescription()).isEqualTo(governance.getDescription());
        assertThat(header(first.getHeaders(), "Location")).endsWith("/findings/" + finding.getFindingId());
        assertThat(level.teamMember().getFinding(finding.getFindingId(), inspectionId).getSeverity())
                .isEqualTo(Severity.SERIOUS);
        var second = level.teamMember().recordFindingWithHttpInfo(inspectionId, new RecordFindingRequest()
                .focusArea(FocusArea.ORGANISATIONAL_LINE).description("选人用人把关不严，个别干部带病提拔")
                .severity(Severity.GENERAL).involvesTopLeader(false).involvesLeadershipTeam(false).common(true)
                .deepLevel(false).evidence(List.of("选人用人专项检查报告")), key(), null);
        assertThat(second.getStatusCode()).as("record a finding").isEqualTo(201);
        assertThat(second.getData().getFindingId()).isNotEqualTo(finding.getFindingId());
        assertThat(second.getData().getReview()).isEqualTo(Review.AWAITING_REVIEW);
        String secondId = second.getData().getFindingId();

        // Working papers: the report waits for the leader's review of each; one without the rule it breaks is not
        // approved, goes back with a reason, is revised by the team and approved.
        Clients.Refusal unreviewed = refused(() -> level.teamLeader().reportInspection(inspectionId,
                new ReportRequest().reportedOn(LocalDate.parse("2026-05-20")).summary("x"), key(), null));
        assertProblem(unreviewed, 409, "urn:xunshi:problem:illegal-state");
        assertThat(unreviewed.code()).as("%s", unreviewed).isEqualTo("findings-awaiting-review");
        RecordedFinding approved = level.teamLeader().reviewFinding(finding.getFindingId(), inspectionId,
                new ReviewFindingRequest().decision(ReviewDecision.APPROVE)
                        .reviewedOn(LocalDate.parse("2026-05-12")),
                key(), null);
        assertThat(approved.getReview()).isEqualTo(Review.APPROVED);
        assertThat(approved.getApprovedBy()).isEqualTo("team-leader@" + level.jurisdiction());
        Clients.Refusal incomplete = refused(() -> level.teamLeader().reviewFinding(secondId, inspectionId,
                new ReviewFindingRequest().decision(ReviewDecision.APPROVE), key(), null));
        assertProblem(incomplete, 422, "urn:xunshi:problem:validation-failed");
        assertThat(incomplete.code()).as("%s", incomplete).isEqualTo("working-paper-incomplete");
        assertProblem(refused(() -> level.teamMember().reviewFinding(secondId, inspectionId,
                new ReviewFindingRequest().decision(ReviewDecision.APPROVE), key(), null)), 403,
                "urn:xunshi:problem:forbidden");
        RecordedFinding sentBack = level.teamLeader().reviewFinding(secondId, inspectionId, new ReviewFindingRequest()
                .decision(ReviewDecision.SEND_BACK).reason("未写明定性依据和责任人")
                .reviewedOn(LocalDate.parse("2026-05-12")), key(), null);
        assertThat(sentBack.getReview()).isEqualTo(Review.SENT_BACK);
        assertThat(sentBack.getSentBackFor()).isEqualTo("未写明定性依据和责任人");
        RecordedFinding revised = level.teamMember().reviseFinding(secondId, inspectionId, new ReviseFindingRequest()
                .focusArea(FocusArea.ORGANISATIONAL_LINE).description("选人用人把关不严，个别干部带病提拔")
                .severity(Severity.GENERAL).common(true).evidence(List.of("选人用人专项检查报告", "干部档案审核记录"))
                .rule("《党政领导干部选拔任用工作条例》第五十八条").responsible("党委组织部部长"), key(), null);
        assertThat(revised.getReview()).isEqualTo(Review.AWAITING_REVIEW);
        assertThat(level.teamLeader().reviewFinding(secondId, inspectionId, new ReviewFindingRequest()
                .decision(ReviewDecision.APPROVE).reviewedOn(LocalDate.parse("2026-05-14")), key(), null).getReview())
                .isEqualTo(Review.APPROVED);

        // A report dated before the stationing is refused on that field.
        Clients.Refusal early = refused(() -> level.teamLeader().reportInspection(inspectionId,
                new ReportRequest().reportedOn(LocalDate.parse("2026-03-01")).summary("x"), key(), null));
        assertProblem(early, 422, "urn:xunshi:problem:validation-failed");
        assertThat(early.code()).as("%s", early).isEqualTo("date-out-of-order");
        assertThat(early.fields()).as("%s", early).contains("reportedOn");

        // A thematic report beside the inspection report, resting on both findings (Art. 23).
        InspectionView thematic = level.teamLeader().submitThematicReport(inspectionId, new ThematicReportRequest()
                .title("关于下属单位监督管理问题的专题报告").summary("监督管理失之于宽、选人用人把关不严具有普遍性")
                .findingIds(List.of(finding.getFindingId(), second.getData().getFindingId()))
                .submittedOn(LocalDate.parse("2026-05-18")), key(), null);
        assertThat(thematic.getThematicReports()).singleElement().satisfies(t -> assertThat(t.getFindingIds())
                .containsExactly(finding.getFindingId(), second.getData().getFindingId()));

        InspectionView reported = level.teamLeader().reportInspection(inspectionId, new ReportRequest()
                .reportedOn(LocalDate.parse("2026-05-20")).summary("发现两方面问题，建议责成整改"), key(), null);
        assertThat(reported.getStatus()).isEqualTo(io.xunshi.client.inspection.model.Status.REPORTED);
        assertThat(reported.getFindings()).hasSize(2);
        // Feedback separately to the principal leader and to the leadership team (Art. 26).
        InspectionView toHead = level.teamLeader().giveHeadFeedback(inspectionId, new HeadFeedbackRequest()
                .organisationHead(head).givenOn(LocalDate.parse("2026-06-09")), key(), null);
        assertThat(toHead.getHeadFeedback().getOrganisationHead()).isEqualTo(head);
        InspectionView fedBack = level.teamLeader().giveFeedback(inspectionId, new FeedbackRequest()
                .givenOn(LocalDate.parse("2026-06-10")).organisationHead(head), key(), null);
        assertThat(fedBack.getStatus()).isEqualTo(io.xunshi.client.inspection.model.Status.FEEDBACK_GIVEN);

        // Closing is the office's alone: a team leader is refused by role.
        assertProblem(refused(() -> level.teamLeader().closeInspection(inspectionId,
                new CloseRequest().closedOn(LocalDate.parse("2026-06-30")), key(), null)), 403,
                "urn:xunshi:problem:forbidden");
        InspectionView closed = level.inspectionOffice().closeInspection(inspectionId,
                new CloseRequest().closedOn(LocalDate.parse("2026-06-30")), key(), null);
        assertThat(closed.getStatus()).isEqualTo(io.xunshi.client.inspection.model.Status.CLOSED);
        assertThat(closed.getClosedOn()).isEqualTo(LocalDate.parse("2026-06-30"));
    }

    private static void rectify(Level level, String inspectionId, String organisationLocation) throws Exception {
        // The owner side acts for the inspected organisation: its token's organisation claim names it.
        String organisation = level.inspectionOffice().getInspection(inspectionId).getOrganisationId();
        RectificationCasesApi stranger = new RectificationCasesApi(Clients.rectification(service("rectification"),
                platform.token("rectification-owner", organisationLocation, "org-not-inspected")));
        RectificationCasesApi owner = new RectificationCasesApi(Clients.rectification(service("rectification"),
                platform.token("rectification-owner", organisationLocation, organisation)));
        String caseId = awaitRead("the rectification case of inspection " + inspectionId,
                () -> owner.listCases(null, inspectionId, null, null), page -> page.getItems().size() == 1)
                .getItems().get(0).getCaseId();
        CaseView opened = owner.getCase(caseId);
        assertThat(opened.getInspectionId()).isEqualTo(inspectionId);
        assertNotFound(refused(() -> stranger.getCase(caseId)));
        assertThat(stranger.listCases(null, inspectionId, null, null).getItems())
                .as("an owner of another organisation in the same place does not see the case").isEmpty();
        assertThat(opened.getTasks()).as("one task per finding").hasSize(2);
        assertThat(opened.getReportDue()).as("two months after feedback").isEqualTo(LocalDate.parse("2026-08-10"));
        List<String> findings = opened.getTasks().stream().map(Task::getFindingId).toList();
        String head = opened.getFirstResponsible();

        // The organisation answers with its plan, the three lists: the first problem fixed now and by a deadline by a
        // deputy head, the second kept up for the long term by the head; the plan's tasks replace the first ones.
        CaseView planned = owner.filePlan(caseId, new FilePlanRequest().filedOn(LocalDate.parse("2026-06-20"))
                .tasks(List.of(new PlannedTaskRequest().findingId(findings.get(0)).description("立行立改，清退违规款项")
                        .tier(TaskTier.IMMEDIATE).dueOn(LocalDate.parse("2026-07-10")).owner("王某").ownerPost("副书记"),
                        new PlannedTaskRequest().findingId(findings.get(0)).description("修订制度，堵塞漏洞")
                                .tier(TaskTier.DEADLINE).dueOn(LocalDate.parse("2026-08-01")).owner("王某")
                                .ownerPost("副书记"),
                        new PlannedTaskRequest().findingId(findings.get(1)).description("健全长效机制")
                                .tier(TaskTier.LONG_TERM).owner(head).ownerPost("党委书记"))),
                key(), null);
        assertThat(planned.getTasks()).extracting(Task::getTaskId).containsExactly("T1", "T2", "T3");
        assertThat(planned.getProblems()).extracting(p -> p.getTaskIds().size()).containsExactly(2, 1);
        assertThat(planned.getResponsibilities()).extracting(r -> r.getResponsible() + ":" + r.getTaskIds())
                .containsExactly(head + ":[T3]", "王某:[T1, T2]");
        assertThat(planned.getResponsibilities().get(0).getFirstResponsible()).isTrue();
        List<String> tasks = planned.getTasks().stream().map(Task::getTaskId).toList();

        // Its immediate task was due on 10 July and is not done: red, escalated to the office and the discipline liaison.
        RectificationCasesApi discipline = new RectificationCasesApi(Clients.rectification(service("rectification"),
                platform.token("discipline-liaison", level.jurisdiction())));
        awaitRead("the red list with the case's overdue task", () -> discipline.listSignals(null, null, "RED", 200),
                page -> page.getItems().stream().anyMatch(i -> i.getCaseId().equals(caseId)
                        && i.getItemId().equals("T1")));
        assertThat(level.rectificationOffice().listSignals(null, null, "RED", 200).getItems())
                .filteredOn(i -> i.getCaseId().equals(caseId)).extracting(i -> i.getItemId())
                .contains("T1", "T2", "REPORT", "HEAD_REPORT").doesNotContain("T3");
        // The deputy changes post before the work is done: the open tasks pass to the successor, history keeps both.
        CaseView handedOver = owner.handOverResponsibility(caseId, new HandOverRequest().from("王某").to("陈某")
                .toPost("副书记").handedOverOn(LocalDate.parse("2026-06-25")), key(), null);
        assertThat(handedOver.getTasks()).extracting(Task::getResponsible).containsExactly("陈某", "陈某", head);
        assertThat(handedOver.getTasks().get(0).getOwners()).extracting(o -> o.getOwner() + ":" + o.getUntil())
                .containsExactly("王某:2026-06-25", "陈某:null");

        CaseView progressed = owner.reportProgress(caseId, tasks.get(0), new ReportProgressRequest()
                .reportedOn(LocalDate.parse("2026-07-01")).progress("已召开专题民主生活会，制定整改方案"), key(), null);
        assertThat(progressed.getTasks()).filteredOn(t -> t.getTaskId().equals(tasks.get(0))).singleElement()
                .satisfies(t -> assertThat(t.getProgress()).hasSize(1));
        // Daily supervision: the discipline organ's and the organisation department's liaisons note on the case, and
        // the office convenes a consultation (整改会商) whose conclusions are recorded.
        RectificationCasesApi organisationLiaison = new RectificationCasesApi(Clients.rectification(
                service("rectification"), platform.token("organisation-liaison", level.jurisdiction())));
        discipline.recordSupervisionNote(caseId, new SupervisionNoteRequest().notedOn(LocalDate.parse("2026-07-12"))
                .taskId(tasks.get(0)).note("立行立改任务逾期，请说明原因"), key(), null);
        CaseView supervised = organisationLiaison.recordSupervisionNote(caseId, new SupervisionNoteRequest()
                .notedOn(LocalDate.parse("2026-07-13")).note("接任人员已到岗，督促履职"), key(), null);
        assertThat(supervised.getSupervisionNotes()).extracting(n -> n.getNoteId() + ":" + n.getBy())
                .containsExactly("N1:DISCIPLINE_ORGAN", "N2:ORGANISATION_DEPARTMENT");
        CaseView consulted = level.rectificationOffice().recordConsultation(caseId, new ConsultationRequest()
                .heldOn(LocalDate.parse("2026-07-15")).subject("逾期任务整改会商")
                .parties(List.of(ConsultationParty.INSPECTION_OFFICE, ConsultationParty.DISCIPLINE_ORGAN,
                        ConsultationParty.ORGANISATION_DEPARTMENT, ConsultationParty.RECTIFYING_ORGANISATION))
                .conclusions(List.of("7月20日前完成清退", "修订制度报巡视办备案")), key(), null);
        assertThat(consulted.getConsultations()).singleElement()
                .satisfies(c -> assertThat(c.getConclusions()).hasSize(2));
        for (String task : tasks) {
            owner.closeTask(caseId, task, new CloseTaskRequest().closedOn(LocalDate.parse("2026-07-18"))
                    .evidence(List.of("整改报告附件 " + task)), key(), null);
        }
        // The office does not accept the first closure on what it was shown; the task opens again until it is closed
        // on better evidence.
        CaseView reopened = level.rectificationOffice().rejectTaskClosure(caseId, tasks.get(0),
                new RejectClosureRequest().rejectedOn(LocalDate.parse("2026-07-19")).reason("缺少资金退回凭证"), key(),
                null);
        assertThat(reopened.getTasks().get(0).getStatus())
                .isEqualTo(io.xunshi.client.rectification.model.TaskStatus.OPEN);
        owner.closeTask(caseId, tasks.get(0), new CloseTaskRequest().closedOn(LocalDate.parse("2026-07-20"))
                .evidence(List.of("整改报告附件 " + tasks.get(0), "资金退回凭证")), key(), null);
        var submitted = owner.submitReportWithHttpInfo(caseId, new SubmitReportRequest()
                .submittedOn(LocalDate.parse("2026-08-05")).summary("全部问题已完成整改"), key(), null);
        assertThat(submitted.getData().getStatus())
                .isEqualTo(io.xunshi.client.rectification.model.Status.REPORT_SUBMITTED);
        // The evaluation waits for the head's report on organising the rectification too (Art. 27).
        assertProblem(refused(() -> level.rectificationOffice().evaluateRectification(caseId,
                new EvaluateRectificationRequest().evaluatedOn(LocalDate.parse("2026-09-01"))
                        .deductions(List.of()).remarks("整改真实、到位"),
                key(), null)), 409,
                "urn:xunshi:problem:illegal-state");
        var headReported = owner.submitHeadReportWithHttpInfo(caseId, new HeadReportRequest()
                .submittedOn(LocalDate.parse("2026-08-06")).summary("党委书记履行第一责任人职责，专题研究整改 4 次"), key(), null);
        assertThat(headReported.getData().getHeadReport().getOnTime()).isTrue();
        // The office scores the rectification on its level's model, on the version the reports produced: a closure
        // rejected and a task late cost points, the grade is still good, so it is effective.
        var model = level.rectificationOffice().getEvaluationModel(level.jurisdiction());
        assertThat(model.getFullMarks()).isEqualTo(100);
        level.rectificationOffice().evaluateRectification(caseId, new EvaluateRectificationRequest()
                .evaluatedOn(LocalDate.parse("2026-09-01")).deductions(List.of(new DeductionRequest()
                        .criterion("problems").points(8).reason("立行立改任务逾期，销号一次未获认可"),
                        new DeductionRequest().criterion("systems").points(4).reason("长效机制仍在建设")))
                .remarks("整改真实、到位"), key(), header(headReported.getHeaders(), "ETag"));
        CaseView evaluated = level.rectificationOffice().getCase(caseId);
        awaitRead("the red list without the evaluated case", () -> discipline.listSignals(null, null, "RED", 200),
                page -> page.getItems().stream().noneMatch(i -> i.getCaseId().equals(caseId)));
        assertThat(evaluated.getStatus()).isEqualTo(io.xunshi.client.rectification.model.Status.EVALUATED);
        assertThat(evaluated.getEvaluation().getOutcome()).isEqualTo(EvaluationOutcome.EFFECTIVE);
        assertThat(evaluated.getEvaluation().getScore()).isEqualTo(88);
        assertThat(evaluated.getEvaluation().getGrade()).isEqualTo(EvaluationGrade.GOOD);

        // Disclosure (Art. 32): the office publishes the public view; a public caller reads it and nothing internal.
        RectificationCasesApi publicCaller = new RectificationCasesApi(Clients.rectification(service("rectification"),
                platform.token("public", level.jurisdiction())));
        assertNotFound(refused(() -> publicCaller.getPublicView(caseId)));
        level.rectificationOffice().publishPublicView(caseId, new PublishPublicViewRequest()
                .publishedOn(LocalDate.parse("2026-09-05")).summary("巡视反馈问题已全部整改到位")
                .withheldFindings(List.of(findings.get(1))), key(), null);
        PublicCaseView disclosed = publicCaller.getPublicView(caseId);
        assertThat(disclosed.getGrade()).isEqualTo(EvaluationGrade.GOOD);
        assertThat(disclosed.getProblems()).as("the withheld problem is not disclosed").hasSize(1);
        assertThat(disclosed.toString()).doesNotContain("王某", "陈某", head, "资金退回凭证", "缺少资金退回凭证",
                "请说明原因", "7月20日前完成清退", "整改真实、到位");
        assertNotFound(refused(() -> publicCaller.getCase(caseId)));
        assertThat(evaluated.getReport().getOnTime()).isTrue();
        assertThat(evaluated.getTasks()).extracting(Task::getStatus)
                .containsOnly(io.xunshi.client.rectification.model.TaskStatus.CLOSED);
    }

    /**
     * Planning's server span of the launch and inspection's consumer span of the RoundLaunched event share one
     * trace id, and the consumer span's parent is the launch's span: the trace context went from the request
     * into the event store, out with the event as ce_traceparent, and into the consumer. Returns the trace id.
     */
    private static String assertOneTraceFromLaunchToInspection(String roundId) {
        String launchPath = "/api/v1/rounds/" + roundId + "/launch";
        OtlpReceiver.ReceivedSpan launch = awaitSpan("planning's span of POST " + launchPath,
                span -> span.service().equals("xunshi-planning") && span.kind() == SpanKind.SPAN_KIND_SERVER
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
                () -> platform.serviceLog("planning").stream().filter(l -> l.startsWith("{"))
                        .map(WalkingSkeletonIT::json)
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
        CoverageView coverage = awaitRead("coverage of plan " + planId, () -> level.plans().getCoverage(planId),
                c -> c.getEffective() != null && c.getEffective().getCovered() == 1);
        assertThat(coverage.getUniverse()).isEqualTo(2);
        assertThat(coverage.getFormal().getCovered()).isEqualTo(1);
        assertThat(coverage.getEffective().getCovered()).isEqualTo(1);
        assertThat(coverage.getUncovered()).extracting(u -> u.getOrganisationId()).containsExactly(uncovered);
        assertThat(coverage.getTargets()).filteredOn(t -> covered.equals(t.getOrganisationId())).singleElement()
                .satisfies(target -> {
                    assertThat(target.getFormallyCovered()).isTrue();
                    assertThat(target.getEffectivelyCovered()).isTrue();
                });
    }

    /** A problem+json answer of that status and type. */
    private static void assertProblem(Clients.Refusal refusal, int status, String type) {
        assertThat(refusal.status()).as("%s", refusal).isEqualTo(status);
        assertThat(refusal.contentType()).as("%s", refusal).startsWith(PROBLEM_JSON);
        assertThat(refusal.type()).as("%s", refusal).isEqualTo(type);
        assertThat(refusal.problem().path("status").asInt()).as("%s", refusal).isEqualTo(status);
    }

    private static void assertNotFound(Clients.Refusal refusal) {
        assertProblem(refusal, 404, "urn:xunshi:problem:not-found");
    }

    private static String etag(Integer version) {
        assertThat(version).as("the view's version").isNotNull();
        return "\"" + version + "\"";
    }

    /**
     * Reads through the generated client until the answer satisfies {@code done}: a read model another service
     * feeds over Kafka catches up in its own time, and until then may answer a problem (a 404 for what it has
     * not seen yet) or an earlier state.
     */
    private static <T> T awaitRead(String what, Callable<T> read, Predicate<T> done) {
        String[] last = new String[1];
        try {
            return await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(300)).until(() -> {
                try {
                    T answer = read.call();
                    last[0] = String.valueOf(answer);
                    return done.test(answer) ? answer : null;
                } catch (Exception refusedForNow) {
                    last[0] = Clients.describe(refusedForNow);
                    return null;
                }
            }, Objects::nonNull);
        } catch (ConditionTimeoutException timeout) {
            throw new AssertionError("still waiting for " + what + " after " + PROPAGATION + "; last answer: "
                    + last[0], timeout);
        }
    }
}
