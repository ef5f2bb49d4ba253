package io.xunshi.testing.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One request the fuzzer sends: which operation and mutation it comes from, whether the service must refuse
 * it (then it may write nothing), and what goes on the wire. {@code target} is the raw, already
 * percent-encoded path and query; a {@code chunked} body is sent without a length.
 */
public record FuzzRequest(String operation, String mutation, boolean mustReject, String method, String target,
        Map<String, String> headers, byte[] body, boolean chunked, int expectedStatus) {

    /** A short description for a report: method, target and the start of the body. */
    public String describe() {
        String shownTarget = target.length() > 300
                ? target.substring(0, 300) + "…(" + target.length() + " chars)"
                : target;
        StringBuilder out = new StringBuilder(method).append(' ').append(shownTarget);
        headers.forEach((name, value) -> out.append("\n    ").append(name).append(": ")
                .append(value.length() > 80 ? value.substring(0, 80) + "…" : value));
        if (body != null) {
            String text = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
            out.append("\n    body (").append(body.length).append(" bytes").append(chunked ? ", chunked" : "")
                    .append("): ").append(text.replaceAll("\\p{Cntrl}", "·"));
        }
        return out.toString();
    }
}
