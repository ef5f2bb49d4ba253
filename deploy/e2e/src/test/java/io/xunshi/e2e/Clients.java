package io.xunshi.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The generated Java client (module clients/java), set up as an agency system would: one {@code ApiClient}
 * per service and caller, its base address the service's root, the caller's bearer token added to every
 * request by the client's request interceptor. Each service's client is its own package, with its own
 * {@code ApiException}; {@link #refused} turns any of them into one {@link Refusal} to assert on.
 */
final class Clients {

    private static final Duration CONNECT = Duration.ofSeconds(5);
    private static final Duration READ = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Clients() {
    }

    static io.xunshi.client.coordination.ApiClient coordination(URI service, String token) {
        var client = new io.xunshi.client.coordination.ApiClient(HttpClient.newBuilder().connectTimeout(CONNECT),
                io.xunshi.client.coordination.ApiClient.createDefaultObjectMapper(), root(service));
        client.setRequestInterceptor(bearer(token));
        client.setReadTimeout(READ);
        return client;
    }

    static io.xunshi.client.planning.ApiClient planning(URI service, String token) {
        var client = new io.xunshi.client.planning.ApiClient(HttpClient.newBuilder().connectTimeout(CONNECT),
                io.xunshi.client.planning.ApiClient.createDefaultObjectMapper(), root(service));
        client.setRequestInterceptor(bearer(token));
        client.setReadTimeout(READ);
        return client;
    }

    static io.xunshi.client.inspection.ApiClient inspection(URI service, String token) {
        var client = new io.xunshi.client.inspection.ApiClient(HttpClient.newBuilder().connectTimeout(CONNECT),
                io.xunshi.client.inspection.ApiClient.createDefaultObjectMapper(), root(service));
        client.setRequestInterceptor(bearer(token));
        client.setReadTimeout(READ);
        return client;
    }

    static io.xunshi.client.rectification.ApiClient rectification(URI service, String token) {
        var client = new io.xunshi.client.rectification.ApiClient(HttpClient.newBuilder().connectTimeout(CONNECT),
                io.xunshi.client.rectification.ApiClient.createDefaultObjectMapper(), root(service));
        client.setRequestInterceptor(bearer(token));
        client.setReadTimeout(READ);
        return client;
    }

    /** A fresh Idempotency-Key, as the platform's conventions ask of every command. */
    static String key() {
        return UUID.randomUUID().toString();
    }

    /** The one header of a {@code *WithHttpInfo} answer (the client keeps them case-insensitively). */
    static String header(Map<String, List<String>> headers, String name) {
        List<String> values = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).toList();
        return values.isEmpty() ? null : values.get(0);
    }

    /** The generated paths start with /api/v1; the base is the service's root without a trailing slash. */
    private static String root(URI service) {
        String text = service.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private static Consumer<HttpRequest.Builder> bearer(String token) {
        return request -> request.setHeader("Authorization", "Bearer " + token);
    }

    /** A call through a generated client, throwing its service's {@code ApiException}. */
    @FunctionalInterface
    interface Call {

        Object run() throws Exception;
    }

    /** A problem answer: its status, content type and problem+json body. */
    record Refusal(int status, String contentType, JsonNode problem, String text) {

        String type() {
            return problem.path("type").asText(null);
        }

        String code() {
            return problem.path("code").asText(null);
        }

        /** The fields named under {@code errors}. */
        List<String> fields() {
            List<String> fields = new ArrayList<>();
            problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
            return fields;
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + text;
        }
    }

    /** The problem the call was answered with; an assertion error if it succeeded or never got an answer. */
    static Refusal refused(Call call) {
        Object answer;
        try {
            answer = call.run();
        } catch (Exception e) {
            Refusal refusal = refusal(e);
            if (refusal == null) {
                throw new AssertionError("expected a problem answer, got " + e, e);
            }
            return refusal;
        }
        throw new AssertionError("expected a problem answer, but the call succeeded: " + answer);
    }

    /** What an exception of one of the generated clients says, for the messages of polls that time out. */
    static String describe(Exception e) {
        Refusal refusal = refusal(e);
        return refusal == null ? e.toString() : refusal.toString();
    }

    /** The refusal an {@code ApiException} of any service's client carries; null if it carries no answer. */
    private static Refusal refusal(Exception e) {
        if (e instanceof io.xunshi.client.coordination.ApiException a) {
            return refusal(a.getCode(), a.getResponseHeaders(), a.getResponseBody());
        }
        if (e instanceof io.xunshi.client.planning.ApiException a) {
            return refusal(a.getCode(), a.getResponseHeaders(), a.getResponseBody());
        }
        if (e instanceof io.xunshi.client.inspection.ApiException a) {
            return refusal(a.getCode(), a.getResponseHeaders(), a.getResponseBody());
        }
        if (e instanceof io.xunshi.client.rectification.ApiException a) {
            return refusal(a.getCode(), a.getResponseHeaders(), a.getResponseBody());
        }
        return null;
    }

    private static Refusal refusal(int status, HttpHeaders headers, String body) {
        if (status == 0) {
            return null;
        }
        JsonNode problem = MissingNode.getInstance();
        if (body != null && !body.isBlank()) {
            try {
                problem = JSON.readTree(body);
            } catch (IOException notJson) {
                problem = MissingNode.getInstance();
            }
        }
        String contentType = headers == null ? null : headers.firstValue("Content-Type").orElse(null);
        return new Refusal(status, contentType, problem, body);
    }
}
