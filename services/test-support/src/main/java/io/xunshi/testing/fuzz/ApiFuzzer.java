package io.xunshi.testing.fuzz;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.xunshi.testing.fuzz.OpenApiDocument.Operation;

/**
 * Schema-driven fuzzing of one service's REST API, from its published OpenAPI document. Requests are derived
 * per operation, deterministically from a seed ({@code -Dxunshi.fuzz.seed}, printed), about
 * {@code -Dxunshi.fuzz.requests} of them in all (10,000 by default), in two phases:
 * <ol>
 * <li>writes that a service may accept: valid ones and mutations it may take (odd characters, longest
 * strings, coercible values, another jurisdiction's token);</li>
 * <li>every read, valid or mutated, and writes that must be refused whatever else they hold (bad tokens,
 * malformed or oversized bodies, wrong types, missing or unknown fields, out-of-bounds values, ids that name
 * nothing, wrong content types and methods) — the store's rows are counted before and after, and must be
 * equal.</li>
 * </ol>
 * Every answer is checked: never a status of 500 or more; every 4xx is {@code application/problem+json}
 * with {@code type}, {@code title} and the same {@code status}; a GET is never refused for its
 * {@code Content-Type}; a request that must be refused is answered 4xx (an oversized body exactly 413).
 */
public final class ApiFuzzer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String service;
    private URI base;
    private Path document;
    private String home = "330000";
    private String foreign = "320000";
    private final Map<String, List<Object>> hints = new LinkedHashMap<>();
    private LongSupplier storeRows = () -> 0;
    private long seed = Long.getLong("xunshi.fuzz.seed", 20260301L);
    private int requests = Integer.getInteger("xunshi.fuzz.requests", 10_000);
    private int parallelism = Integer.getInteger("xunshi.fuzz.parallelism", 4);

    private ApiFuzzer(String service) {
        this.service = service;
        this.document = Path.of("../../contracts/openapi", service + ".yaml");
    }

    /** A fuzzer for the service of that name, reading {@code contracts/openapi/<service>.yaml}. */
    public static ApiFuzzer forService(String service) {
        return new ApiFuzzer(service);
    }

    public ApiFuzzer baseUri(URI uri) {
        this.base = URI.create(uri.toString().replaceAll("/+$", ""));
        return this;
    }

    public ApiFuzzer document(Path file) {
        this.document = file;
        return this;
    }

    /** The jurisdiction of the genuine tokens, and one outside its subtree. */
    public ApiFuzzer jurisdictions(String homeJurisdiction, String foreignJurisdiction) {
        this.home = homeJurisdiction;
        this.foreign = foreignJurisdiction;
        return this;
    }

    /**
     * Values for a parameter or body property of that name ({@code name}), or of that name in one operation
     * only ({@code operationId.name}): ids that exist, codes in the jurisdiction tree.
     */
    public ApiFuzzer hint(String name, List<?> values) {
        hints.put(name, List.copyOf(values));
        return this;
    }

    /** How many rows the store holds now (events and idempotency records); rejected writes must not change it. */
    public ApiFuzzer storeRows(LongSupplier rows) {
        this.storeRows = rows;
        return this;
    }

    public ApiFuzzer requests(int count) {
        this.requests = count;
        return this;
    }

    public ApiFuzzer seed(long value) {
        this.seed = value;
        return this;
    }

    public FuzzReport run() {
        OpenApiDocument doc = OpenApiDocument.read(document);
        List<Operation> ops = doc.operations();
        if (ops.isEmpty()) {
            throw new IllegalStateException(document + " has no operations");
        }
        Random random = new Random(seed);
        RequestFactory factory = new RequestFactory(random, hints, doc.roles(), new FuzzTokens(home, foreign));
        int perOperation = Math.max(1, requests / ops.size());
        FuzzReport report = new FuzzReport(service, seed, ops.size());
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        try {
            List<FuzzRequest> accepted = new ArrayList<>();
            for (Operation op : ops) {
                if (op.writes()) {
                    for (int i = 0; i < perOperation / 4; i++) {
                        accepted.add(factory.lenient(op));
                    }
                }
            }
            report.phase("writes a service may accept");
            send(client, pool, accepted, report);

            for (Operation op : ops) {
                if (!op.writes() && op.parameters().stream().anyMatch(p -> p.name().equals("cursor"))) {
                    realCursor(client, factory, op);
                }
            }
            List<FuzzRequest> refused = new ArrayList<>();
            for (Operation op : ops) {
                int count = op.writes() ? perOperation - perOperation / 4 : perOperation;
                for (int i = 0; i < count; i++) {
                    refused.add(op.writes() ? factory.rejected(op) : factory.read(op));
                }
            }
            Collections.shuffle(refused, random);
            long before = quiescentRows();
            report.phase("reads, and writes that must be refused");
            send(client, pool, refused, report);
            long after = storeRows.getAsLong();
            report.storeRows(before, after);
        } finally {
            pool.shutdownNow();
        }
        System.out.println(report.summary());
        return report;
    }

    private void realCursor(HttpClient client, RequestFactory factory, Operation op) {
        var draft = factory.draft(op);
        if (!draft.path.isEmpty() && !op.parameters().stream().filter(p -> p.in().equals("path"))
                .allMatch(p -> hints.containsKey(op.id() + "." + p.name()) || hints.containsKey(p.name()))) {
            return;
        }
        draft.query.clear();
        draft.query.put("limit", new ArrayList<>(List.of("1")));
        FuzzRequest request = draft.build("cursor", false);
        try {
            HttpResponse<byte[]> response = client.send(http(request), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 200) {
                JsonNode next = JSON.readTree(response.body()).path("next");
                if (next.isTextual()) {
                    factory.addRealCursor(next.asText());
                }
            }
        } catch (IOException e) {
            // No cursor then: the fuzzer makes up its own.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The store's row count once it has stopped changing (consumers and relays may still be at work). */
    private long quiescentRows() {
        long last = storeRows.getAsLong();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int stable = 0;
        while (stable < 3 && System.nanoTime() < deadline) {
            sleep(500);
            long now = storeRows.getAsLong();
            stable = now == last ? stable + 1 : 0;
            last = now;
        }
        return last;
    }

    private void send(HttpClient client, ExecutorService pool, List<FuzzRequest> batch, FuzzReport report) {
        List<Future<?>> futures = new ArrayList<>();
        for (FuzzRequest request : batch) {
            futures.add(pool.submit(() -> report.record(request, exchange(client, request))));
        }
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    private FuzzReport.Answer exchange(HttpClient client, FuzzRequest request) {
        try {
            HttpResponse<byte[]> response = client.send(http(request), HttpResponse.BodyHandlers.ofByteArray());
            return new FuzzReport.Answer(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body(), null);
        } catch (IOException | IllegalArgumentException e) {
            return new FuzzReport.Answer(0, "", new byte[0], e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new FuzzReport.Answer(0, "", new byte[0], e.toString());
        }
    }

    private HttpRequest http(FuzzRequest request) {
        HttpRequest.BodyPublisher body = request.body() == null
                ? HttpRequest.BodyPublishers.noBody()
                : request.chunked()
                        ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(request.body()))
                        : HttpRequest.BodyPublishers.ofByteArray(request.body());
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + request.target()))
                .timeout(Duration.ofSeconds(60)).method(request.method(), body);
        request.headers().forEach(builder::header);
        return builder.build();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
