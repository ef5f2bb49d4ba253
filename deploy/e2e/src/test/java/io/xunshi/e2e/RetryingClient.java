package io.xunshi.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * An agency system's client as the platform's conventions expect it: every command carries an
 * {@code Idempotency-Key}, and a command that got no answer (connection refused or reset, timeout) or a
 * 5xx (503 included) is sent again with the same key and body, after a short growing pause, until it gets
 * another answer or {@link #GIVE_UP} has passed. Counts what it did, for the fault report.
 */
final class RetryingClient {

    static final Duration GIVE_UP = Duration.ofSeconds(120);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The final answer to one command; status 0 if none came before giving up. */
    record Outcome(int status, JsonNode body, int attempts, String lastFailure) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        @Override
        public String toString() {
            return status + " after " + attempts + " attempt(s)" + (lastFailure == null ? "" : ", last: " + lastFailure)
                    + (body.isMissingNode() ? "" : " " + body);
        }
    }

    /** What the client did during one phase. */
    static final class Counts {

        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger succeeded = new AtomicInteger();
        final AtomicInteger retried = new AtomicInteger();
        final AtomicInteger attempts = new AtomicInteger();
        final AtomicLong replayed = new AtomicLong();
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String token;
    private volatile Counts counts = new Counts();

    RetryingClient(String token) {
        this.token = token;
    }

    /** Starts counting afresh and returns the counts of what came before. */
    Counts resetCounts() {
        Counts previous = counts;
        counts = new Counts();
        return previous;
    }

    /** Sends a command (POST of JSON) until it is answered, as described above. */
    Outcome command(URI uri, Object body) {
        Counts counting = counts;
        counting.sent.incrementAndGet();
        String key = UUID.randomUUID().toString();
        String json = json(body);
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        int attempts = 0;
        String lastFailure = null;
        long pauseMillis = 100;
        while (true) {
            attempts++;
            counting.attempts.incrementAndGet();
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("Accept", "application/json, application/problem+json").header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() < 500) {
                    if (attempts > 1) {
                        counting.retried.incrementAndGet();
                    }
                    if (response.statusCode() < 300) {
                        counting.succeeded.incrementAndGet();
                    }
                    if (response.headers().firstValue("Idempotent-Replayed").filter("true"::equalsIgnoreCase)
                            .isPresent()) {
                        counting.replayed.incrementAndGet();
                    }
                    return new Outcome(response.statusCode(), parse(response.body()), attempts, lastFailure);
                }
                lastFailure = response.statusCode() + " " + abbreviate(response.body());
            } catch (IOException e) {
                lastFailure = e.getClass().getSimpleName() + ": " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(0, MissingNode.getInstance(), attempts, "interrupted");
            }
            if (System.nanoTime() > deadline) {
                if (attempts > 1) {
                    counting.retried.incrementAndGet();
                }
                return new Outcome(0, MissingNode.getInstance(), attempts, lastFailure);
            }
            sleep(pauseMillis);
            pauseMillis = Math.min(pauseMillis * 2, 2000);
        }
    }

    /** A GET, tried again on connection errors and 5xx like a command; the last answer, or status 0. */
    Outcome query(URI uri) {
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        int attempts = 0;
        String lastFailure = null;
        while (true) {
            attempts++;
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() < 500) {
                    return new Outcome(response.statusCode(), parse(response.body()), attempts, lastFailure);
                }
                lastFailure = response.statusCode() + " " + abbreviate(response.body());
            } catch (IOException e) {
                lastFailure = e.getClass().getSimpleName() + ": " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(0, MissingNode.getInstance(), attempts, "interrupted");
            }
            if (System.nanoTime() > deadline) {
                return new Outcome(0, MissingNode.getInstance(), attempts, lastFailure);
            }
            sleep(250);
        }
    }

    /** One plain GET without retries: the status, or 0 if nothing answered. */
    int probe(URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** The body of a plain GET without token (the metrics), or null if it did not answer 200. */
    String text(URI uri) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return MissingNode.getInstance();
        }
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
