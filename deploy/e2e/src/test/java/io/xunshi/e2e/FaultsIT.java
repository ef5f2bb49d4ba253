package io.xunshi.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The fault suite: the packaged platform, started by the launcher, under a sustained burst of real commands
 * through REST — rounds launched with many targets (each opening one inspection per target in the inspection
 * service), and on the inspections opened, stationing, findings, report, feedback (each opening a
 * rectification case) and closing, all at once — while one part of it is killed with SIGKILL: each service in
 * turn, the Kafka broker, PostgreSQL (the postmaster and all its processes, as a container would die). The
 * launcher restarts what was killed; the clients retry as agency systems do (same Idempotency-Key, on
 * connection errors and 5xx).
 *
 * <p>After each fault, once the platform has caught up (every outbox and projection lag on the services'
 * {@code /q/metrics} and every consumer group's lag on the broker back at 0, and the checks below passing, or
 * {@link #CATCH_UP} gone by): every command answered 2xx has
 * its effect exactly once, counted in the stores of the services downstream (an inspection per target of every
 * launched round, the findings, a rectification case per feedback), the dead-letter topics are empty, and
 * coordination's roll-up and planning's coverage equal a recount from the stores. Counts per fault go to
 * {@code target/faults-report.md}.
 *
 * <p>{@code -Dxunshi.faults.burst=PT15S} sets each burst's length; {@code -Dxunshi.faults.soak=PT10M} instead
 * spreads that time over the six faults and kills the target again every minute of its burst.
 */
class FaultsIT {

    private static final String CENTRE = "000000";
    private static final Duration SOAK = duration("xunshi.faults.soak", null);
    private static final Duration BURST = SOAK != null
            ? SOAK.dividedBy(Fault.values().length)
            : duration("xunshi.faults.burst", Duration.ofSeconds(15));
    private static final Duration KILL_AGAIN = SOAK != null ? Duration.ofMinutes(1) : null;
    private static final Duration FIRST_KILL = Duration.ofSeconds(Math.min(6, Math.max(2, BURST.toSeconds() / 3)));
    private static final int TARGETS = Integer.getInteger("xunshi.faults.targets", 40);
    private static final int ORGANISATIONS = Math.max(TARGETS * 3, 120);
    private static final int WORKERS = Integer.getInteger("xunshi.faults.workers", 4);
    private static final Duration ROUND_EVERY = Duration.ofMillis(1500);
    /** How long the platform may take to catch up after a burst: 90 s, or as long as the burst if that is longer. */
    private static final Duration CATCH_UP = BURST.compareTo(Duration.ofSeconds(90)) > 0
            ? BURST
            : Duration.ofSeconds(90);
    private static final Duration BACK = Duration.ofMinutes(3);

    enum Fault {

        PLANNING("planning"), INSPECTION("inspection"), RECTIFICATION("rectification"), COORDINATION(
                "coordination"), KAFKA("kafka"), POSTGRESQL("postgres");

        final String component;

        Fault(String component) {
            this.component = component;
        }

        boolean isService() {
            return LocalPlatform.SERVICES.contains(component);
        }
    }

    private static LocalPlatform platform;
    private static RetryingClient client;
    private static PlatformState state;
    private static String planId;
    private static final List<String> organisations = new ArrayList<>();
    private static final List<String> rows = new CopyOnWriteArrayList<>();
    private static double startupSeconds;

    // What every 2xx answer promised, over all phases (the stores accumulate).
    private static final Map<String, Integer> targetsByRound = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> findingsByInspection = new ConcurrentHashMap<>();
    private static final Set<String> feedbackGiven = ConcurrentHashMap.newKeySet();
    private static final Set<String> closedInspections = ConcurrentHashMap.newKeySet();
    private static final Map<String, String> organisationOfInspection = new ConcurrentHashMap<>();
    private static final AtomicInteger roundNumber = new AtomicInteger();

    @BeforeAll
    static void startPlatformAndPrepareAUniverse() throws Exception {
        long started = System.nanoTime();
        platform = LocalPlatform.start();
        startupSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("platform up after %.1f s%n", startupSeconds);
        client = new RetryingClient(platform.token("inspection-office,team-leader,team-member", CENTRE));
        state = new PlatformState(platform, client);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<RetryingClient.Outcome>> registered = new ArrayList<>();
            for (int i = 0; i < ORGANISATIONS; i++) {
                Map<String, Object> body = Map.of("name", String.format(Locale.ROOT, "中央企业巡视对象%04d", i),
                        "kind", "STATE_OWNED_ENTERPRISE", "jurisdiction", CENTRE, "location", "110000");
                registered.add(pool.submit(() -> client.command(api("coordination", "organisations"), body)));
            }
            for (Future<RetryingClient.Outcome> outcome : registered) {
                RetryingClient.Outcome reply = outcome.get();
                assertThat(reply.status()).as("register an organisation: %s", reply).isEqualTo(201);
                organisations.add(reply.body().path("id").asText());
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, Object> plan = Map.of("title", "中央巡视工作规划（2023－2027年）", "jurisdiction", CENTRE,
                "termStart", 2023, "termEnd", 2027, "universe", organisations);
        RetryingClient.Outcome issued = awaitOutcome(() -> client.command(api("planning", "plans"), plan),
                outcome -> outcome.status() != 422, Duration.ofSeconds(120));
        assertThat(issued.status()).as("issue the plan: %s", issued).isEqualTo(201);
        planId = issued.body().path("id").asText();
        client.resetCounts();
    }

    @AfterAll
    static void reportAndStop() throws Exception {
        try {
            String report = report();
            System.out.println(report);
            Path file = Path.of("target", "faults-report.md");
            Files.createDirectories(file.getParent());
            Files.writeString(file, report);
        } finally {
            if (state != null) {
                state.close();
            }
            if (platform != null) {
                platform.close();
            }
        }
    }

    @ParameterizedTest(name = "{0} killed with SIGKILL during a burst")
    @EnumSource(Fault.class)
    void everyAnsweredCommandTakesEffectExactlyOnce(Fault fault) throws Exception {
        try {
            phase(fault);
        } catch (AssertionError | RuntimeException failure) {
            throw new AssertionError(failure.getMessage() + "\n\n" + platform.diagnostics(), failure);
        }
    }

    private void phase(Fault fault) throws Exception {
        client.resetCounts();
        int restartsBefore = restarts(fault.component);
        int roundsBefore = targetsByRound.size();
        long burstStarted = System.nanoTime();
        long burstEnds = burstStarted + BURST.toNanos();
        BlockingQueue<String> launched = new LinkedBlockingQueue<>();
        BlockingQueue<String> opened = new LinkedBlockingQueue<>();
        List<String> refused = new CopyOnWriteArrayList<>();
        List<Double> backAfter = new CopyOnWriteArrayList<>();
        ExecutorService threads = Executors.newCachedThreadPool();
        List<Future<?>> running = new ArrayList<>();
        running.add(threads.submit(() -> launchRounds(burstEnds, launched, refused)));
        running.add(threads.submit(() -> discoverInspections(burstEnds, launched, opened)));
        for (int i = 0; i < WORKERS; i++) {
            running.add(threads.submit(() -> workInspections(burstEnds, opened, refused)));
        }
        running.add(threads.submit(() -> {
            long killAt = burstStarted + FIRST_KILL.toNanos();
            while (killAt < burstEnds) {
                sleepUntil(killAt);
                long killed = System.nanoTime();
                kill(fault);
                awaitTrue(() -> answers(fault), BACK, fault + " answering again after SIGKILL");
                backAfter.add((System.nanoTime() - killed) / 1e9);
                if (KILL_AGAIN == null) {
                    break;
                }
                killAt = killed + KILL_AGAIN.toNanos();
            }
            return null;
        }));
        threads.shutdown();
        for (Future<?> thread : running) {
            thread.get(BURST.plus(RetryingClient.GIVE_UP).plus(BACK).toSeconds(), TimeUnit.SECONDS);
        }
        long burstOver = System.nanoTime();
        RetryingClient.Counts counts = client.resetCounts();

        // Caught up: every lag back at 0 and every check passing. Dead letters never come back, so once there are
        // some the wait ends as soon as the lags are 0.
        List<String> problems;
        int effects;
        boolean lagsAtZero;
        long catchUpDeadline = burstOver + CATCH_UP.toNanos();
        while (true) {
            problems = new ArrayList<>();
            List<String> lagging = state.lags();
            lagsAtZero = lagging.isEmpty();
            if (!lagsAtZero) {
                problems.add("lags not 0: " + lagging);
            }
            effects = checkEffects(problems);
            List<String> letters = state.deadLetters();
            if (!letters.isEmpty()) {
                problems.add(letters.size() + " record(s) dead-lettered: " + abbreviate(letters));
            }
            if (problems.isEmpty() || (lagging.isEmpty() && !letters.isEmpty())
                    || System.nanoTime() > catchUpDeadline) {
                break;
            }
            Thread.sleep(2000);
        }
        double waited = (System.nanoTime() - burstOver) / 1e9;
        String caughtUp = problems.isEmpty()
                ? String.format(Locale.ROOT, "%.1f s", waited)
                : lagsAtZero
                        ? String.format(Locale.ROOT, "lags 0 after %.1f s, checks failing", waited)
                        : "not within " + CATCH_UP.toSeconds() + " s";
        int roundsLaunched = targetsByRound.size() - roundsBefore;
        int restartsAfter = restarts(fault.component);
        if (restartsAfter <= restartsBefore) {
            problems.add("the launcher did not restart " + fault.component + " (restarts " + restartsBefore + " -> "
                    + restartsAfter + ")");
        }
        rows.add(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d × %d | %d | %s | %s | %s |", fault.component,
                counts.sent.get(), counts.succeeded.get(), counts.retried.get(), refused.size(), roundsLaunched,
                TARGETS,
                effects,
                backAfter.stream().map(s -> String.format(Locale.ROOT, "%.1f s", s)).toList(), caughtUp,
                problems.isEmpty() ? "none" : problems.size() + ": " + abbreviate(problems)));
        System.out.println(rows.get(rows.size() - 1));
        assertThat(refused).as("commands that got no 2xx answer, not even after retries").isEmpty();
        assertThat(problems).as("after %s was killed", fault.component).isEmpty();
    }

    private static String abbreviate(List<String> items) {
        String text = String.join("; ", items.subList(0, Math.min(items.size(), 12)));
        return items.size() > 12 ? text + "; … (" + items.size() + " in all)" : text;
    }

    // ---- the burst --------------------------------------------------------------------------------------------

    private Void launchRounds(long burstEnds, BlockingQueue<String> launched, List<String> refused) {
        while (System.nanoTime() < burstEnds) {
            long next = System.nanoTime() + ROUND_EVERY.toNanos();
            int number = roundNumber.incrementAndGet();
            List<Map<String, Object>> assignments = new ArrayList<>();
            for (int i = 0; i < TARGETS; i++) {
                String organisation = organisations.get((number * TARGETS + i) % organisations.size());
                assignments.add(Map.of("team", "中央第" + (i + 1) + "巡视组", "organisationId", organisation));
            }
            RetryingClient.Outcome scheduled = client.command(api("planning", "plans/" + planId + "/rounds"),
                    Map.of("kind", "REGULAR", "name", "二十届中央第" + number + "轮巡视", "stationingStart", "2026-03-02",
                            "stationingEnd", "2026-05-08", "assignments", assignments));
            if (!scheduled.ok()) {
                refused.add("schedule round " + number + ": " + scheduled);
                continue;
            }
            String roundId = scheduled.body().path("id").asText();
            RetryingClient.Outcome launch = client.command(api("planning", "rounds/" + roundId + "/launch"),
                    Map.of("launchedOn", "2026-02-20"));
            if (!launch.ok()) {
                refused.add("launch round " + roundId + ": " + launch);
                continue;
            }
            targetsByRound.put(roundId, TARGETS);
            launched.add(roundId);
            sleepUntil(next);
        }
        return null;
    }

    /** Finds the inspections each launched round opened and hands them to the workers. */
    private Void discoverInspections(long burstEnds, BlockingQueue<String> launched, BlockingQueue<String> opened)
            throws InterruptedException {
        while (System.nanoTime() < burstEnds) {
            String roundId = launched.poll(500, TimeUnit.MILLISECONDS);
            if (roundId == null) {
                continue;
            }
            Set<String> seen = new HashSet<>();
            long giveUp = Math.min(burstEnds, System.nanoTime() + Duration.ofSeconds(10).toNanos());
            while (seen.size() < TARGETS && System.nanoTime() < giveUp) {
                RetryingClient.Outcome page = client
                        .query(api("inspection", "inspections?limit=200&roundId=" + roundId));
                if (page.status() == 200) {
                    for (JsonNode item : page.body().path("items")) {
                        String inspection = item.path("inspectionId").asText();
                        if (seen.add(inspection)) {
                            organisationOfInspection.put(inspection, item.path("organisationId").asText());
                            opened.add(inspection);
                        }
                    }
                }
                if (seen.size() < TARGETS) {
                    Thread.sleep(300);
                }
            }
        }
        return null;
    }

    /** Takes opened inspections through stationing, two findings, report, feedback and closing. */
    private Void workInspections(long burstEnds, BlockingQueue<String> opened, List<String> refused)
            throws InterruptedException {
        while (System.nanoTime() < burstEnds) {
            String inspection = opened.poll(500, TimeUnit.MILLISECONDS);
            if (inspection == null) {
                continue;
            }
            String base = "inspections/" + inspection;
            if (!step(refused, base + "/stationing", Map.of("stationedOn", "2026-03-02"))) {
                continue;
            }
            boolean allFindings = true;
            for (int i = 0; i < 2; i++) {
                RetryingClient.Outcome recorded = client.command(api("inspection", base + "/findings"), Map.of(
                        "focusArea", i == 0 ? "GOVERNANCE_RESPONSIBILITY" : "ORGANISATIONAL_LINE", "description",
                        "巡视发现问题 " + (i + 1), "severity", i == 0 ? "SERIOUS" : "GENERAL", "evidence",
                        List.of("个别谈话记录 " + (i + 1)), "rule", "《中国共产党纪律处分条例》", "responsible", "党委书记"));
                if (!recorded.ok()) {
                    refused.add(base + "/findings: " + recorded);
                    allFindings = false;
                    continue;
                }
                findingsByInspection.computeIfAbsent(inspection, id -> new AtomicInteger()).incrementAndGet();
                // The working paper enters the report once the leader approved it.
                allFindings &= step(refused, base + "/findings/" + recorded.body().path("findingId").asText()
                        + "/review", Map.of("decision", "APPROVE", "reviewedOn", "2026-03-20"));
            }
            if (!allFindings
                    || !step(refused, base + "/report", Map.of("reportedOn", "2026-05-20", "summary", "发现两方面问题"))) {
                continue;
            }
            if (!step(refused, base + "/feedback", Map.of("givenOn", "2026-06-10", "organisationHead", "王某某"))) {
                continue;
            }
            feedbackGiven.add(inspection);
            if (step(refused, base + "/close", Map.of("closedOn", "2026-06-30"))) {
                closedInspections.add(inspection);
            }
        }
        return null;
    }

    private static boolean step(List<String> refused, String path, Map<String, Object> body) {
        RetryingClient.Outcome outcome = client.command(api("inspection", path), body);
        if (!outcome.ok()) {
            refused.add(path + ": " + outcome);
        }
        return outcome.ok();
    }

    // ---- the checks -------------------------------------------------------------------------------------------

    /** Compares what the 2xx answers promised with the stores and the read models; returns how many it compared. */
    private int checkEffects(List<String> problems) {
        int checked = 0;
        Map<String, Integer> openedByRound = state.countEvents("inspection", "xunshi.inspection.InspectionOpened",
                "roundId");
        for (Map.Entry<String, Integer> round : targetsByRound.entrySet()) {
            int count = openedByRound.getOrDefault(round.getKey(), 0);
            checked++;
            if (count != round.getValue()) {
                problems.add(
                        "round " + round.getKey() + " launched with " + round.getValue() + " targets opened " + count
                                + " inspection(s)");
            }
        }
        Map<String, Integer> findings = state.countEvents("inspection", "xunshi.inspection.FindingRecorded",
                "inspectionId");
        for (Map.Entry<String, AtomicInteger> expected : findingsByInspection.entrySet()) {
            checked++;
            int count = findings.getOrDefault(expected.getKey(), 0);
            if (count != expected.getValue().get()) {
                problems.add("inspection " + expected.getKey() + ": " + expected.getValue().get()
                        + " finding(s) answered 2xx, " + count + " in the store");
            }
        }
        Map<String, Integer> feedback = state.countEvents("inspection", "xunshi.inspection.FeedbackGiven",
                "inspectionId");
        Map<String, Integer> cases = state.countEvents("rectification", "xunshi.rectification.RectificationCaseOpened",
                "inspectionId");
        for (String inspection : feedbackGiven) {
            checked += 2;
            if (feedback.getOrDefault(inspection, 0) != 1) {
                problems.add(
                        "inspection " + inspection + ": feedback answered 2xx, " + feedback.getOrDefault(inspection, 0)
                                + " FeedbackGiven in the store");
            }
            if (cases.getOrDefault(inspection, 0) != 1) {
                problems.add(
                        "inspection " + inspection + ": feedback answered 2xx, " + cases.getOrDefault(inspection, 0)
                                + " rectification case(s) opened");
            }
        }
        int casesInStore = cases.values().stream().mapToInt(Integer::intValue).sum();
        int feedbackInStore = feedback.values().stream().mapToInt(Integer::intValue).sum();
        checked++;
        if (casesInStore != feedbackInStore) {
            problems.add(feedbackInStore + " FeedbackGiven but " + casesInStore + " rectification cases in the stores");
        }

        // Roll-ups and coverage against a recount from the stores.
        int openedInStore = openedByRound.values().stream().mapToInt(Integer::intValue).sum();
        int closedInStore = state.countEvents("inspection", "xunshi.inspection.InspectionClosed", "inspectionId")
                .values()
                .stream().mapToInt(Integer::intValue).sum();
        RetryingClient.Outcome rollUp = client.query(api("coordination", "jurisdictions/" + CENTRE + "/roll-up"));
        checked += 3;
        if (rollUp.status() != 200) {
            problems.add("roll-up: " + rollUp);
        } else {
            compare(problems, "roll-up inspections.total", rollUp.body().path("inspections").path("total").asInt(),
                    openedInStore);
            compare(problems, "roll-up inspections.closed", rollUp.body().path("inspections").path("closed").asInt(),
                    closedInStore);
            compare(problems, "roll-up rectifications.total",
                    rollUp.body().path("rectifications").path("total").asInt(),
                    casesInStore);
        }
        Set<String> coveredOrganisations = new HashSet<>();
        feedback.keySet().forEach(inspection -> {
            String organisation = organisationOfInspection.get(inspection);
            if (organisation != null) {
                coveredOrganisations.add(organisation);
            }
        });
        RetryingClient.Outcome coverage = client.query(api("planning", "plans/" + planId + "/coverage"));
        checked++;
        if (coverage.status() != 200) {
            problems.add("coverage: " + coverage);
        } else {
            compare(problems, "coverage formal.covered", coverage.body().path("formal").path("covered").asInt(),
                    coveredOrganisations.size());
        }
        checked++;
        compare(problems, "inspections answered 2xx to closing, in the store", closedInStore, closedInspections.size());
        return checked;
    }

    private static void compare(List<String> problems, String what, int actual, int expected) {
        if (actual != expected) {
            problems.add(what + " is " + actual + ", the recount " + expected);
        }
    }

    // ---- the faults -------------------------------------------------------------------------------------------

    private static void kill(Fault fault) throws IOException {
        Path data = platform.dataDir();
        Path pidFile = switch (fault) {
            case KAFKA -> data.resolve("kafka/kafka.pid");
            case POSTGRESQL -> data.resolve("postgres/postmaster.pid");
            default -> data.resolve("services/" + fault.component + "/" + fault.component + ".pid");
        };
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(
                fault.component + " (pid " + pid + ") is not running"));
        // The whole tree at once, as when a container dies: PostgreSQL's backends with their postmaster.
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(0, process);
        tree.forEach(ProcessHandle::destroyForcibly);
        System.out.printf("killed %s (pid %d and %d descendant(s)) with SIGKILL%n", fault.component, pid,
                tree.size() - 1);
    }

    private static boolean answers(Fault fault) {
        return switch (fault) {
            case KAFKA -> state.brokerAnswers();
            case POSTGRESQL -> state.databaseAnswers();
            default -> client.probe(platform.management(fault.component).resolve("/q/health/ready")) == 200;
        };
    }

    /** Restarts of a component as the launcher's supervisor recorded them. */
    private static int restarts(String component) throws IOException {
        Path status = platform.dataDir().resolve("status/" + component + ".status");
        if (!Files.exists(status)) {
            return 0;
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(status)) {
            properties.load(in);
        }
        return Integer.parseInt(properties.getProperty("restarts", "0"));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static URI api(String service, String path) {
        return platform.service(service).resolve("/api/v1/" + path);
    }

    private static String report() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT,
                "Platform up after %.1f s; bursts of %d s, rounds of %d targets every %.1f s, "
                        + "%d inspection workers.%n%n",
                startupSeconds, BURST.toSeconds(), TARGETS, ROUND_EVERY.toMillis() / 1000.0,
                WORKERS));
        text.append("| killed | commands sent | 2xx | retried | not 2xx | rounds launched × targets "
                + "| effects checked (all phases so far) | back after | caught up after burst | problems |\n");
        text.append("|---|---:|---:|---:|---:|---:|---:|---|---|---|\n");
        rows.forEach(row -> text.append(row).append('\n'));
        return text.toString();
    }

    private static RetryingClient.Outcome awaitOutcome(Supplier<RetryingClient.Outcome> request,
            Predicate<RetryingClient.Outcome> done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        RetryingClient.Outcome last = request.get();
        while (!done.test(last) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            last = request.get();
        }
        return last;
    }

    private static void awaitTrue(BooleanSupplier condition, Duration timeout, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + timeout);
            }
            Thread.sleep(200);
        }
    }

    private static void sleepUntil(long nanoTime) {
        long millis = TimeUnit.NANOSECONDS.toMillis(nanoTime - System.nanoTime());
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Duration duration(String property, Duration otherwise) {
        String value = System.getProperty(property);
        return value == null || value.isBlank() ? otherwise : Duration.parse(value);
    }
}
