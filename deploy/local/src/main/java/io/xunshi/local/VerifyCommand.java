package io.xunshi.local;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "verify", sortOptions = false,
        description = { "Verifies every service's event store for tampering, as an auditor: mints an auditor token",
                "(as token does) and calls GET /api/v1/audit/verification on each service, which walks every",
                "stream against its hash chain and its Kafka topic. Prints a summary per service and the findings." },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = { "0:every store verified intact", "1:tampering found in at least one store",
                "3:a service could not be verified (not running, or it answered an error)" })
final class VerifyCommand implements Callable<Integer> {

    static final int TAMPERED = 1;
    static final int UNVERIFIED = 3;

    @Spec
    private CommandSpec spec;

    @Mixin
    private DataDirOption dataDir;

    @Option(names = "--services", split = ",", paramLabel = "NAME", converter = RunCommand.ServiceConverter.class,
            defaultValue = "planning,inspection,rectification,coordination",
            description = "Which services to verify (default: all four).")
    private List<Service> services;

    @Option(names = "--jurisdiction", paramLabel = "CODE", defaultValue = "000000",
            description = "The auditor's home jurisdiction: findings are reported for its subtree (default: ${DEFAULT-VALUE}, the Centre).")
    private String jurisdiction;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50",
            description = "How many findings to list per service, 1 to 200; all are counted (default: ${DEFAULT-VALUE}).")
    private int limit;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long to wait for each service's answer (default: ${DEFAULT-VALUE}).")
    private int timeoutSeconds;

    @Mixin
    private ServicePorts ports;

    @Override
    public Integer call() {
        if (!jurisdiction.matches("\\d{6}|\\d{12}")) {
            throw new ParameterException(spec.commandLine(), "--jurisdiction must be a 6- or 12-digit code.");
        }
        if (limit < 1 || limit > 200) {
            throw new ParameterException(spec.commandLine(), "--limit must be between 1 and 200.");
        }
        PrintWriter out = spec.commandLine().getOut();
        LocalSigningKey key = new LocalSigningKey(dataDir.layout(Installation.ofLauncher()));
        String token = key.sign("auditor@" + jurisdiction, List.of("auditor"), jurisdiction, Duration.ofMinutes(10));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int exit = 0;
        for (Service service : services) {
            int outcome = verify(http, token, service, out);
            exit = outcome == TAMPERED || exit == TAMPERED ? TAMPERED : Math.max(exit, outcome);
        }
        out.println(switch (exit) {
            case 0 -> "Every store verified intact.";
            case TAMPERED -> "TAMPERING FOUND: see the findings above.";
            default -> "Not every store could be verified.";
        });
        return exit;
    }

    private int verify(HttpClient http, String token, Service service, PrintWriter out) {
        URI uri = URI.create("http://127.0.0.1:" + ports.port(service) + "/api/v1/audit/verification?limit=" + limit);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(timeoutSeconds))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
        String name = String.format(Locale.ROOT, "%-14s", service.id());
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            out.println(name + "NOT VERIFIED: no answer from " + uri.getAuthority() + " (" + describe(e) + ")");
            return UNVERIFIED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.println(name + "NOT VERIFIED: interrupted");
            return UNVERIFIED;
        }
        Map<String, Object> body;
        try {
            body = JsonUtil.parseJson(response.body());
        } catch (JoseException | RuntimeException e) {
            body = Map.of();
        }
        if (response.statusCode() != 200) {
            Object detail = body.getOrDefault("detail", body.getOrDefault("title", response.body()));
            out.println(name + "NOT VERIFIED: HTTP " + response.statusCode() + " " + detail);
            return UNVERIFIED;
        }
        long streams = number(body.get("streams"));
        long events = number(body.get("events"));
        long total = number(body.get("findingsTotal"));
        long millis = number(body.get("durationMillis"));
        String counts = streams + " streams, " + events + " events in " + millis + " ms";
        if (Boolean.TRUE.equals(body.get("intact"))) {
            out.println(name + "verified: " + counts);
            return 0;
        }
        StringBuilder kinds = new StringBuilder();
        if (body.get("findingsByKind") instanceof Map<?, ?> byKind) {
            byKind.forEach((kind, count) -> {
                if (number(count) > 0) {
                    kinds.append(kinds.isEmpty() ? "" : ", ").append(kind).append(' ').append(number(count));
                }
            });
        }
        out.println(name + "TAMPERED: " + total + " findings (" + kinds + "); " + counts);
        if (body.get("findings") instanceof List<?> findings) {
            for (Object item : findings) {
                if (item instanceof Map<?, ?> finding) {
                    out.println(String.format(Locale.ROOT, "    %-12s %s version %s: %s", finding.get("kind"),
                            finding.get("streamId"), finding.get("version"), finding.get("detail")));
                }
            }
            if (findings.size() < total) {
                out.println("    ... and " + (total - findings.size()) + " more (--limit)");
            }
        }
        return TAMPERED;
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }

    private static String describe(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
