package io.xunshi.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongFunction;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The REST APIs of the packaged platform under load: the four services running as separate processes, started
 * by the local launcher with their own Kafka broker and PostgreSQL ({@link PackagedPlatform}), driven over
 * HTTP in open loops at fixed rates ({@link OpenLoop}). Set-up through the APIs only: organisations registered
 * in coordination, a central plan and a regular round of 100 targets in planning, the round
 * launched, the inspections it opened stationed, and one of them taken to feedback so that rectification opens
 * a case. Then steps of 8 s: commands ({@code recordFinding}, two clients per inspection
 * writing the same inspection at the same moment, no {@code If-Match}) at rising rates with a light read load
 * beside them; reads ({@code getInspection}, {@code listInspections}, a plan, a case in turn) at rising rates
 * with a light command load beside them; and both at their goal rates together. A search stops at the first
 * step whose p99 exceeds {@value #SEARCH_P99_MILLIS} ms or whose achieved rate falls below 90 % of its target.
 */
@Singleton
public class RestApiScenario implements Scenario {

    /** Set to label the section, e.g. "before the command path rework"; the label becomes part of the title. */
    static final String LABEL = "xunshi.benchmarks.rest.label";

    /** Inspections, and seconds per step; smaller values only to try the scenario out quickly. */
    private static final int TARGETS = Integer.getInteger("xunshi.benchmarks.rest.targets", 100);
    private static final int STEP_SECONDS = Integer.getInteger("xunshi.benchmarks.rest.step-seconds", 8);
    /**
     * Seconds of load before the first measured step, in rising stages: freshly started JVMs interpret and
     * compile for their first tens of thousands of requests (a read costs about five times the CPU it costs
     * warm), and a service in production has long passed that.
     */
    private static final int WARM_UP_SECONDS = Integer.getInteger("xunshi.benchmarks.rest.warm-up-seconds", 60);
    private static final double SEARCH_P99_MILLIS = 100;
    private static final double COMMAND_GOAL_RATE = 200;
    private static final double COMMAND_GOAL_P99 = 50;
    private static final double READ_GOAL_RATE = 500;
    private static final double READ_GOAL_P99 = 20;
    private static final double[] COMMAND_RATES = { 50, 100, 200, 300, 400, 600, 800 };
    private static final double[] READ_RATES = { 250, 500, 750, 1000, 1500, 2000 };
    private static final double BACKGROUND_READS = 50;
    private static final double BACKGROUND_COMMANDS = 20;
    private static final Duration SET_UP_WAIT = Duration.ofSeconds(90);
    private static final String POSTGRESQL = "PostgreSQL";
    private static final String KAFKA = "Kafka";
    private static final String LOAD_GENERATOR = "load generator";
    /** Whose CPU each step reports, in this order: the services, then what they share the cores with. */
    private static final List<String> CPU_PROCESSES = java.util.stream.Stream
            .concat(PackagedPlatform.SERVICES.stream(), java.util.stream.Stream.of(POSTGRESQL, KAFKA, LOAD_GENERATOR))
            .toList();

    private final ObjectMapper json;
    private final io.vertx.core.Vertx vertx;

    @Inject
    public RestApiScenario(ObjectMapper json, io.vertx.core.Vertx vertx) {
        this.json = json;
        this.vertx = vertx;
    }

    @Override
    public int order() {
        return 5;
    }

    /** One step: what was sent, what came back, and the services' CPU time over it. */
    record Step(String name, String primary, OpenLoop.Outcome commands, OpenLoop.Outcome reads,
            Map<String, Double> cpuSeconds) {

        OpenLoop.Outcome primaryOutcome() {
            return primary.equals("commands") ? commands : reads;
        }

        boolean holds() {
            OpenLoop.Outcome o = primaryOutcome();
            return o.millis(99) <= SEARCH_P99_MILLIS && o.achievedRate() >= 0.9 * o.targetRate;
        }

        /** Milliseconds of CPU per primary request (per command on a command step), per service. */
        double cpuMillisPerRequest(String service) {
            long n = primaryOutcome().answered();
            return n == 0 ? Double.NaN : 1000 * cpuSeconds.getOrDefault(service, Double.NaN) / n;
        }
    }

    @Override
    public ScenarioResult run() throws Exception {
        Path repository = Path.of("").toAbsolutePath();
        String commit = git(repository, "rev-parse", "--short", "HEAD");
        String label = System.getProperty(LABEL, "").isBlank()
                ? ""
                : " — " + System.getProperty(LABEL).replace('_', ' ').strip()
                        + " (" + LocalDate.now(ZoneOffset.UTC) + ", commit " + commit + ")";
        ExecutorService httpThreads = Executors.newFixedThreadPool(4);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(httpThreads)
                .connectTimeout(Duration.ofSeconds(5)).build();
        try (PackagedPlatform platform = PackagedPlatform.start(repository);
                OpenLoop.Client loadClient = new OpenLoop.Client(vertx, 64)) {
            Api api = new Api(http, loadClient, platform);
            World world = api.setUp();
            List<Step> steps = new ArrayList<>();
            // Not reported: JIT compilation, pools, caches. A third of the time at each of three rising stages.
            int stage = Math.max(1, WARM_UP_SECONDS / 3);
            step(api, world, "warm-up 1", "commands", 30, 100, stage);
            step(api, world, "warm-up 2", "commands", 60, 250, stage);
            step(api, world, "warm-up 3", "commands", 100, 400, stage);
            List<Step> commandSteps = new ArrayList<>();
            for (double rate : COMMAND_RATES) {
                Step s = step(api, world, "commands " + Format.number(rate) + "/s", "commands", rate, BACKGROUND_READS,
                        STEP_SECONDS);
                commandSteps.add(s);
                if (!s.holds()) {
                    break;
                }
            }
            List<Step> readSteps = new ArrayList<>();
            for (double rate : READ_RATES) {
                Step s = step(api, world, "reads " + Format.number(rate) + "/s", "reads", BACKGROUND_COMMANDS, rate,
                        STEP_SECONDS);
                readSteps.add(s);
                if (!s.holds()) {
                    break;
                }
            }
            Step mixed = step(api, world, "mixed: commands " + Format.number(COMMAND_GOAL_RATE) + "/s + reads "
                    + Format.number(READ_GOAL_RATE) + "/s", "commands", COMMAND_GOAL_RATE, READ_GOAL_RATE,
                    STEP_SECONDS);
            steps.addAll(commandSteps);
            steps.addAll(readSteps);
            steps.add(mixed);
            List<String> mutable = new ArrayList<>();
            for (String service : PackagedPlatform.SERVICES) {
                platform.serviceLogLines(service, "is not immutable throughout")
                        .forEach(l -> mutable.add(service + ": " + l));
            }
            return result(label, commit, world, steps, commandSteps, readSteps, mixed, mutable);
        } finally {
            httpThreads.shutdownNow();
        }
    }

    private Step step(Api api, World world, String name, String primary, double commandRate, double readRate,
            int seconds) throws Exception {
        Map<String, Long> before = api.cpuTicks();
        // Each loop on a thread of its own, which only waits and sends.
        CompletableFuture<OpenLoop.Outcome> commands = CompletableFuture.supplyAsync(
                () -> OpenLoop.run(api.loadClient, commandRate, seconds, 2, world::recordFinding),
                r -> new Thread(r, "open-loop-commands").start());
        CompletableFuture<OpenLoop.Outcome> reads = CompletableFuture.supplyAsync(
                () -> OpenLoop.run(api.loadClient, readRate, seconds, 1, world::read),
                r -> new Thread(r, "open-loop-reads").start());
        Step step = new Step(name, primary, commands.get(), reads.get(), api.cpuSecondsSince(before));
        System.out.printf(Locale.ROOT, "  %-40s commands %s/s p99 %s ms (%s) · reads %s/s p99 %s ms (%s)%n", name,
                Format.number(step.commands().achievedRate()), Format.number(step.commands().millis(99)),
                step.commands().statusText(), Format.number(step.reads().achievedRate()),
                Format.number(step.reads().millis(99)), step.reads().statusText());
        Thread.sleep(1000);
        return step;
    }

    private ScenarioResult result(String label, String commit, World world, List<Step> steps, List<Step> commandSteps,
            List<Step> readSteps, Step mixed, List<String> mutable) {
        List<Figure> figures = new ArrayList<>();
        Step commandGoal = at(commandSteps, COMMAND_GOAL_RATE, true);
        Step readGoal = at(readSteps, READ_GOAL_RATE, false);
        if (commandGoal != null) {
            figures.add(Figure.withoutLimit("commands at 200/s: achieved rate", commandGoal.commands().achievedRate(),
                    "commands/s", Goal.minValue(0.95 * COMMAND_GOAL_RATE, "commands/s")));
            figures.add(Figure.withoutLimit("commands at 200/s: latency p50", commandGoal.commands().millis(50), "ms",
                    Goal.none()));
            figures.add(Figure.withoutLimit("commands at 200/s: latency p99", commandGoal.commands().millis(99), "ms",
                    Goal.maxValue(COMMAND_GOAL_P99, "ms")));
            for (String service : CPU_PROCESSES) {
                figures.add(Figure.withoutLimit("commands at 200/s: CPU per command, " + service,
                        commandGoal.cpuMillisPerRequest(service), "ms", Goal.none()));
            }
        } else {
            figures.add(Figure.withoutLimit("commands at 200/s: latency p99 (not reached: the search stopped below)",
                    Double.NaN, "ms", Goal.maxValue(COMMAND_GOAL_P99, "ms")));
        }
        if (readGoal != null) {
            figures.add(Figure.withoutLimit("reads at 500/s: achieved rate", readGoal.reads().achievedRate(), "reads/s",
                    Goal.minValue(0.95 * READ_GOAL_RATE, "reads/s")));
            figures.add(
                    Figure.withoutLimit("reads at 500/s: latency p50", readGoal.reads().millis(50), "ms", Goal.none()));
            figures.add(Figure.withoutLimit("reads at 500/s: latency p99", readGoal.reads().millis(99), "ms",
                    Goal.maxValue(READ_GOAL_P99, "ms")));
        } else {
            figures.add(Figure.withoutLimit("reads at 500/s: latency p99 (not reached: the search stopped below)",
                    Double.NaN, "ms", Goal.maxValue(READ_GOAL_P99, "ms")));
        }
        figures.add(Figure.withoutLimit("highest command rate held (p99 ≤ 100 ms)", highest(commandSteps, true),
                "commands/s", Goal.none()));
        figures.add(Figure.withoutLimit("highest read rate held (p99 ≤ 100 ms)", highest(readSteps, false), "reads/s",
                Goal.none()));
        figures.add(
                Figure.withoutLimit("mixed: commands p99 at 200/s beside reads at 500/s", mixed.commands().millis(99),
                        "ms", Goal.maxValue(COMMAND_GOAL_P99, "ms")));
        figures.add(Figure.withoutLimit("mixed: reads p99 at 500/s beside commands at 200/s", mixed.reads().millis(99),
                "ms", Goal.maxValue(READ_GOAL_P99, "ms")));
        long commands = steps.stream().mapToLong(s -> s.commands().answered()).sum();
        long conflicts = steps.stream().mapToLong(s -> s.commands().count(409)).sum();
        figures.add(Figure.withoutLimit("commands without If-Match answered 409, all steps", commands == 0
                ? Double.NaN
                : 100.0 * conflicts / commands, "%", Goal.maxValue(0, "%")));

        String method = "The packaged platform — the four services as separate processes, started by the local launcher"
                + " (`deploy/local`) on free ports with its own KRaft broker and PostgreSQL, as `./xunshi run` does —"
                + " driven over HTTP/1.1 from the benchmark's JVM on the same machine: the set-up by `java.net.http`, the"
                + " measured loads by Vert.x's HTTP client over up to 64 keep-alive connections (`java.net.http` cost"
                + " the shared cores about as much CPU per request as the service answering it). Set-up through"
                + " the APIs: " + TARGETS + " organisations registered at the Centre, a plan of them, a regular round"
                + " pairing a team with each, launched; the " + TARGETS
                + " inspections stationed; one taken to feedback,"
                + " which opens a rectification case. Then open loops at fixed rates (requests sent on schedule whatever"
                + " the answers; latency from the intended send time, so a queue shows as latency — HdrHistogram):"
                + " commands are `recordFinding` on the " + (TARGETS - 1) + " stationed inspections in turn, two at the"
                + " same moment on the same inspection (two clients), no `If-Match`; reads are `getInspection`,"
                + " `listInspections` (the round's, 20 a page), `getPlan` and `getCase` in turn. First "
                + WARM_UP_SECONDS + " s of warm-up, not reported, in three rising stages up to 100 commands/s beside"
                + " 400 reads/s (freshly started JVMs interpret and compile for their first tens of thousands of"
                + " requests; a read costs about five times its warm CPU then). Each step lasts "
                + STEP_SECONDS + " s; command steps run beside " + Format.number(BACKGROUND_READS)
                + " reads/s, read steps beside " + Format.number(BACKGROUND_COMMANDS) + " commands/s. A search stops at"
                + " the first step whose p99 exceeds " + Format.number(SEARCH_P99_MILLIS) + " ms or that achieves"
                + " less than 90 % of its rate. CPU per request: the utime + stime (`/proc/<pid>/stat`) over the step"
                + " of each service's process, of PostgreSQL (server and backends), of the Kafka broker and of the"
                + " load generator, divided by the step's commands (on a command step) or reads (on a read step), the"
                + " background load and the services' idle polling included. The load generator shares the 2 cores"
                + " with the platform. Commit " + commit + "." + (mutable.isEmpty()
                        ? ""
                        : " **A service logged a state the aggregate cache refuses:** " + String.join("; ", mutable));
        String shortfall = "see the steps above: where p99 grows with the rate, requests queue for the CPU. The"
                + " CPU per request of every process, added up and multiplied by the rates, is the share of the 2"
                + " cores a step needs: a step needing most of them cannot hold a low p99.";
        return new ScenarioResult("e. REST APIs under load, packaged platform" + label, method, figures, shortfall,
                details(steps));
    }

    private static Step at(List<Step> steps, double rate, boolean commands) {
        return steps.stream().filter(s -> (commands ? s.commands() : s.reads()).targetRate == rate).findFirst()
                .orElse(null);
    }

    private static double highest(List<Step> steps, boolean commands) {
        return steps.stream().filter(Step::holds).mapToDouble(s -> (commands ? s.commands() : s.reads()).targetRate)
                .max().orElse(0);
    }

    private static String details(List<Step> steps) {
        StringBuilder md = new StringBuilder("Every step (each line: the requests of that kind in the step; CPU per"
                + " request on the step's own kind, in ms, planning / inspection / rectification / coordination / PostgreSQL / Kafka / load generator):\n\n");
        md.append("| Step | Requests | Target | Achieved | p50 | p99 | max | Statuses | CPU per request (ms) |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---|---|\n");
        for (Step s : steps) {
            // The step's own kind first, then the load beside it.
            for (String kind : s.primary().equals("commands")
                    ? List.of("commands", "reads")
                    : List.of("reads", "commands")) {
                OpenLoop.Outcome o = kind.equals("commands") ? s.commands() : s.reads();
                String cpu = kind.equals(s.primary())
                        ? String.join(" / ", CPU_PROCESSES.stream()
                                .map(service -> Format.number(s.cpuMillisPerRequest(service))).toList())
                        : "";
                md.append("| ").append(kind.equals(s.primary()) ? s.name() : "").append(" | ").append(kind)
                        .append(" | ").append(Format.number(o.targetRate)).append("/s | ")
                        .append(Format.number(o.achievedRate())).append("/s | ").append(Format.number(o.millis(50)))
                        .append(" ms | ").append(Format.number(o.millis(99))).append(" ms | ")
                        .append(Format.number(o.maxMillis())).append(" ms | ").append(o.statusText()).append(" | ")
                        .append(cpu).append(" |\n");
            }
        }
        return md.toString();
    }

    private static String git(Path repository, String... args) {
        try {
            List<String> command = new ArrayList<>(List.of("git", "-C", repository.toString()));
            command.addAll(List.of(args));
            Process git = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.waitFor() == 0 && !out.isEmpty() ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /** What the set-up created, and the requests of the load built from it. */
    final class World {

        final Api api;
        final String token;
        final String planId;
        final String roundId;
        final List<String> inspections;
        final String caseId;

        World(Api api, String token, String planId, String roundId, List<String> inspections, String caseId) {
            this.api = api;
            this.token = token;
            this.planId = planId;
            this.roundId = roundId;
            this.inspections = inspections;
            this.caseId = caseId;
        }

        /** The n-th command: pairs (n, n+1) write the same inspection; inspection 0 is the one with the case. */
        OpenLoop.Call recordFinding(long n) {
            String inspection = inspections.get(1 + (int) ((n / 2) % (inspections.size() - 1)));
            ObjectNode body = json.createObjectNode().put("focusArea", "GOVERNANCE_RESPONSIBILITY")
                    .put("severity", n % 3 == 0 ? "SERIOUS" : "GENERAL")
                    .put("description", "基准测试发现的问题 " + n).put("involvesLeadershipTeam", n % 5 == 0);
            body.putArray("evidence").add("个别谈话记录 " + n);
            return OpenLoop.Call.post(URI.create(api.inspection + "/inspections/" + inspection + "/findings"), token,
                    body.toString());
        }

        OpenLoop.Call read(long n) {
            return OpenLoop.Call.get(switch ((int) (n % 4)) {
                case 0 -> URI.create(
                        api.inspection + "/inspections/" + inspections.get((int) ((n / 4) % inspections.size())));
                case 1 -> URI.create(api.inspection + "/inspections?roundId=" + roundId + "&limit=20");
                case 2 -> URI.create(api.planning + "/plans/" + planId);
                default -> URI.create(api.rectification + "/rectification-cases/" + caseId);
            }, token);
        }
    }

    /** HTTP calls to the platform, and the services' CPU time. */
    final class Api {

        final HttpClient http;
        final OpenLoop.Client loadClient;
        final PackagedPlatform platform;
        final URI planning;
        final URI inspection;
        final URI rectification;
        final URI coordination;
        private final long ticksPerSecond = clockTicks();

        Api(HttpClient http, OpenLoop.Client loadClient, PackagedPlatform platform) {
            this.http = http;
            this.loadClient = loadClient;
            this.platform = platform;
            this.planning = platform.api("planning");
            this.inspection = platform.api("inspection");
            this.rectification = platform.api("rectification");
            this.coordination = platform.api("coordination");
        }

        HttpRequest post(URI api, String path, String token, JsonNode body) {
            return HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        }

        HttpRequest get(URI api, String path, String token) {
            return HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).GET().build();
        }

        private JsonNode call(HttpRequest request, String what) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new SetUpRefused(what + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().isBlank() ? json.nullNode() : json.readTree(response.body());
        }

        /** Calls until it succeeds: a service may not have learnt yet of what another one created. */
        private JsonNode until(LongFunction<HttpRequest> request, String what) throws Exception {
            long deadline = System.nanoTime() + SET_UP_WAIT.toNanos();
            SetUpRefused last = null;
            for (long attempt = 0; System.nanoTime() < deadline; attempt++) {
                try {
                    return call(request.apply(attempt), what);
                } catch (SetUpRefused refused) {
                    last = refused;
                    Thread.sleep(500);
                }
            }
            throw new IllegalStateException("set-up did not succeed within " + SET_UP_WAIT + ": " + last.getMessage()
                    + "\n" + platform.diagnostics());
        }

        World setUp() throws Exception {
            String token = platform.token("inspection-office,team-leader,team-member", "000000");
            String run = UUID.randomUUID().toString().substring(0, 8);
            List<String> organisations = new ArrayList<>();
            for (int i = 1; i <= TARGETS; i++) {
                ObjectNode body = json.createObjectNode().put("name", "基准测试中央单位 " + run + "-" + i)
                        .put("kind", "DEPARTMENT").put("jurisdiction", "000000");
                organisations.add(call(post(coordination, "/organisations", token, body), "registerOrganisation")
                        .path("id").asText());
            }
            ObjectNode plan = json.createObjectNode().put("title", "基准测试巡视工作规划 " + run)
                    .put("jurisdiction", "000000").put("termStart", 2023).put("termEnd", 2027);
            ArrayNode universe = plan.putArray("universe");
            organisations.forEach(universe::add);
            String planId = until(a -> post(planning, "/plans", token, plan), "issuePlan").path("id").asText();
            ObjectNode round = json.createObjectNode().put("kind", "REGULAR").put("name", "基准测试轮次 " + run)
                    .put("stationingStart", "2026-03-02").put("stationingEnd", "2026-05-08");
            ArrayNode assignments = round.putArray("assignments");
            for (int i = 0; i < organisations.size(); i++) {
                assignments.addObject().put("team", "基准测试第" + (i + 1) + "巡视组").put("organisationId",
                        organisations.get(i));
            }
            String roundId = until(a -> post(planning, "/plans/" + planId + "/rounds", token, round), "scheduleRound")
                    .path("id").asText();
            call(post(planning, "/rounds/" + roundId + "/launch", token,
                    json.createObjectNode().put("launchedOn", "2026-02-20")), "launchRound");
            List<String> inspections = new ArrayList<>();
            long deadline = System.nanoTime() + SET_UP_WAIT.toNanos();
            while (inspections.size() < TARGETS) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the round's launch opened " + inspections.size() + " of " + TARGETS
                            + " inspections within " + SET_UP_WAIT + "\n" + platform.diagnostics());
                }
                inspections.clear();
                JsonNode page = call(get(inspection, "/inspections?roundId=" + roundId + "&limit=200", token),
                        "listInspections");
                page.path("items").forEach(item -> inspections.add(item.path("inspectionId").asText()));
                if (inspections.size() < TARGETS) {
                    Thread.sleep(500);
                }
            }
            for (String id : inspections) {
                call(post(inspection, "/inspections/" + id + "/stationing", token,
                        json.createObjectNode().put("stationedOn", "2026-03-02")), "station");
            }
            String first = inspections.get(0);
            ObjectNode finding = json.createObjectNode().put("focusArea", "GOVERNANCE_RESPONSIBILITY")
                    .put("severity", "SERIOUS").put("description", "党委落实全面从严治党主体责任不到位")
                    .put("involvesLeadershipTeam", true);
            finding.putArray("evidence").add("个别谈话记录 1");
            call(post(inspection, "/inspections/" + first + "/findings", token, finding), "recordFinding");
            call(post(inspection, "/inspections/" + first + "/report", token, json.createObjectNode()
                    .put("reportedOn", "2026-05-20").put("summary", "发现一方面问题")), "report");
            call(post(inspection, "/inspections/" + first + "/feedback", token, json.createObjectNode()
                    .put("givenOn", "2026-06-10").put("organisationHead", "王某某")), "giveFeedback");
            String caseId = until(a -> get(rectification, "/rectification-cases?inspectionId=" + first, token),
                    "listCases (the case opened from the feedback)").path("items").path(0).path("caseId").asText("");
            long caseDeadline = System.nanoTime() + SET_UP_WAIT.toNanos();
            String found = caseId;
            while (found.isEmpty() && System.nanoTime() < caseDeadline) {
                Thread.sleep(500);
                found = call(get(rectification, "/rectification-cases?inspectionId=" + first, token), "listCases")
                        .path("items").path(0).path("caseId").asText("");
            }
            if (found.isEmpty()) {
                throw new IllegalStateException("no rectification case opened from the feedback within " + SET_UP_WAIT);
            }
            System.out.println("  set up: " + TARGETS + " inspections stationed, plan " + planId + ", round " + roundId
                    + ", case " + found);
            return new World(this, token, planId, roundId, List.copyOf(inspections), found);
        }

        /** utime + stime of each service's process so far, in clock ticks. */
        /**
         * CPU ticks so far of each service's process, of PostgreSQL (the server and every backend), of the Kafka
         * broker and of this load generator, whose work shares the same two cores.
         */
        Map<String, Long> cpuTicks() {
            Map<String, Long> ticks = new LinkedHashMap<>();
            for (String service : PackagedPlatform.SERVICES) {
                platform.serviceProcess(service).ifPresent(p -> add(ticks, service, p));
            }
            platform.descendants().forEach(p -> {
                String command = p.info().command().orElse("");
                String line = p.info().commandLine().orElse("");
                if (command.endsWith("/postgres")) {
                    add(ticks, POSTGRESQL, p);
                } else if (line.contains(" kafka.Kafka ")) {
                    add(ticks, KAFKA, p);
                }
            });
            add(ticks, LOAD_GENERATOR, ProcessHandle.current());
            return ticks;
        }

        private static void add(Map<String, Long> ticks, String name, ProcessHandle process) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
                // Fields after the command name (which is in parentheses and may hold spaces).
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks.merge(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
            } catch (IOException | RuntimeException e) {
                // the process is gone or /proc is not there: no figure for it
            }
        }

        Map<String, Double> cpuSecondsSince(Map<String, Long> before) {
            Map<String, Long> after = cpuTicks();
            Map<String, Double> seconds = new LinkedHashMap<>();
            before.forEach((service, ticks) -> {
                Long now = after.get(service);
                if (now != null) {
                    seconds.put(service, (now - ticks) / (double) ticksPerSecond);
                }
            });
            return seconds;
        }

        private static long clockTicks() {
            try {
                Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
                String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                return getconf.waitFor() == 0 ? Long.parseLong(out) : 100;
            } catch (IOException | RuntimeException e) {
                return 100;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 100;
            }
        }
    }

    /** A set-up call answered other than 2xx. */
    static final class SetUpRefused extends IOException {

        SetUpRefused(String message) {
            super(message);
        }
    }
}
