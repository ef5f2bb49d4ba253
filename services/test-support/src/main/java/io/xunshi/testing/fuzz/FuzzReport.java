package io.xunshi.testing.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a fuzzing run sent and what it found: requests per phase and status class, and every broken rule
 * (grouped by operation, mutation and rule, with the first request that broke it).
 */
public final class FuzzReport {

    /** A service's answer, or the failure to get one. */
    record Answer(int status, String contentType, byte[] body, String failure) {
    }

    /** One broken rule, how often, and the first request that broke it. */
    public record Finding(String rule, long count, String example) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String service;
    private final long seed;
    private final int operations;
    private final long started = System.nanoTime();
    private volatile String phase = "";
    private final Map<String, Map<String, LongAdder>> classes = new ConcurrentSkipListMap<>();
    private final Map<Integer, LongAdder> statuses = new ConcurrentSkipListMap<>();
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final Map<String, String> examples = new ConcurrentHashMap<>();
    private final LongAdder sent = new LongAdder();
    private long rowsBefore = -1;
    private long rowsAfter = -1;

    FuzzReport(String service, long seed, int operations) {
        this.service = service;
        this.seed = seed;
        this.operations = operations;
    }

    void phase(String name) {
        phase = (classes.size() + 1) + ". " + name;
        classes.put(phase, new ConcurrentSkipListMap<>());
    }

    void storeRows(long before, long after) {
        rowsBefore = before;
        rowsAfter = after;
        if (before != after) {
            counts.computeIfAbsent("the store changed during the phase of refused writes: " + before + " rows before, "
                    + after + " after", k -> new AtomicLong()).incrementAndGet();
        }
    }

    void record(FuzzRequest request, Answer answer) {
        sent.increment();
        String statusClass = answer.failure() != null ? "no answer" : (answer.status() / 100) + "xx";
        classes.get(phase).computeIfAbsent(statusClass, k -> new LongAdder()).increment();
        statuses.computeIfAbsent(answer.status(), k -> new LongAdder()).increment();
        String broken = broken(request, answer);
        if (broken != null) {
            String rule = request.operation() + " | " + request.mutation() + " | " + broken;
            counts.computeIfAbsent(rule, k -> new AtomicLong()).incrementAndGet();
            examples.computeIfAbsent(rule, k -> request.describe() + "\n  answered " + answer.status() + " "
                    + answer.contentType() + " " + excerpt(answer.body()));
        }
    }

    private static String broken(FuzzRequest request, Answer answer) {
        if (answer.failure() != null) {
            return "no answer: " + answer.failure();
        }
        int status = answer.status();
        if (status >= 500) {
            return "answered " + status;
        }
        if (request.method().equals("GET") && status == 415) {
            return "a GET refused for its Content-Type";
        }
        if (request.expectedStatus() != 0 && status != request.expectedStatus()) {
            return "answered " + status + " instead of " + request.expectedStatus();
        }
        if (request.mustReject() && status < 400) {
            return "accepted (" + status + ") a request that must be refused";
        }
        if (status >= 400) {
            if (!answer.contentType().startsWith("application/problem+json")) {
                return status + " is not application/problem+json but '" + answer.contentType() + "'";
            }
            try {
                JsonNode problem = JSON.readTree(answer.body());
                if (problem == null || !problem.path("type").isTextual() || !problem.path("title").isTextual()
                        || problem.path("status").asInt(-1) != status) {
                    return status + " problem lacks type, title or the same status";
                }
            } catch (java.io.IOException e) {
                return status + " problem body is not JSON";
            }
        }
        return null;
    }

    private static String excerpt(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 400), StandardCharsets.UTF_8);
        return text.isEmpty() ? "(empty body)" : text;
    }

    public long requestsSent() {
        return sent.sum();
    }

    /** Requests answered with that status (0: no answer). */
    public long answered(int status) {
        LongAdder n = statuses.get(status);
        return n == null ? 0 : n.sum();
    }

    public Map<String, Finding> findings() {
        Map<String, Finding> out = new TreeMap<>();
        counts.forEach((rule, n) -> out.put(rule, new Finding(rule, n.get(), examples.getOrDefault(rule, ""))));
        return out;
    }

    public String summary() {
        StringBuilder out = new StringBuilder(
                "\n=== fuzzing " + service + ": seed " + seed + " (rerun with -Dxunshi.fuzz.seed="
                        + seed + "), " + sent.sum() + " requests over " + operations + " operations in "
                        + (System.nanoTime() - started) / 1_000_000 + " ms\n");
        classes.forEach((phase, byClass) -> {
            out.append("  ").append(phase).append(':');
            byClass.forEach((c, n) -> out.append(' ').append(c).append('=').append(n.sum()));
            out.append('\n');
        });
        out.append("  by status:");
        statuses.forEach((s, n) -> out.append(' ').append(s).append('=').append(n.sum()));
        out.append("\n  store rows before and after the refused phase: ").append(rowsBefore).append(" / ")
                .append(rowsAfter).append('\n');
        Map<String, Finding> findings = findings();
        out.append("  findings: ").append(findings.size()).append('\n');
        findings.values().stream().limit(60).forEach(f -> out.append("  - ").append(f.rule()).append(" (×")
                .append(f.count()).append(")\n    ").append(f.example().replace("\n", "\n    ")).append('\n'));
        return out.toString();
    }

    /** Fails with the summary unless every answer kept every rule and the store is unchanged. */
    public void assertClean() {
        if (!counts.isEmpty()) {
            throw new AssertionError("the fuzzer found " + counts.size() + " broken rules" + summary());
        }
        if (sent.sum() == 0) {
            throw new AssertionError("the fuzzer sent no request");
        }
    }
}
