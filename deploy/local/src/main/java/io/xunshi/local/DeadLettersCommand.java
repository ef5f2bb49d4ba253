package io.xunshi.local;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "dead-letters",
        description = { "Lists the records the services' consumers gave up on, with their reasons, and re-drives them",
                "through the consumer once the cause is fixed. Talks to the services' REST APIs (GET /dead-letters,",
                "POST /dead-letters/{id}/redrive, POST /dead-letters/redrive) as an operator of the Centre." },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = { "0:done (listing: whatever it found)", "1:a re-drive failed, or a service did not answer",
                "2:an option is invalid" })
final class DeadLettersCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    private CommandSpec spec;

    @Mixin
    private DataDirOption dataDir;

    @Mixin
    private ServicePorts ports;

    @Option(names = "--services", split = ",", paramLabel = "NAME", converter = RunCommand.ServiceConverter.class,
            description = "Only these services, comma-separated (default: all four).")
    private List<Service> services;

    @Option(names = "--consumer", paramLabel = "NAME", description = "Only this consumer's letters.")
    private String consumer;

    @Option(names = "--status", paramLabel = "STATUS",
            description = "Only letters in this status: PENDING, REDRIVEN, ALREADY_HANDLED or FAILED.")
    private String status;

    @Option(names = "--redrive", paramLabel = "ID",
            description = "Re-drive this letter (needs one service in --services).")
    private String redrive;

    @Option(names = "--redrive-all", description = "Re-drive every pending or failed letter of --consumer"
            + " (needs one service in --services).")
    private boolean redriveAll;

    @Option(names = "--jurisdiction", paramLabel = "CODE", defaultValue = "000000",
            description = "The operator's home jurisdiction (default: ${DEFAULT-VALUE}, the Centre).")
    private String jurisdiction;

    @Override
    public Integer call() throws InterruptedException {
        List<Service> chosen = services == null ? List.of(Service.values()) : List.copyOf(services);
        if ((redrive != null || redriveAll) && chosen.size() != 1) {
            throw new ParameterException(spec.commandLine(), "--redrive and --redrive-all need exactly one service"
                    + " (--services).");
        }
        if (redriveAll && consumer == null) {
            throw new ParameterException(spec.commandLine(), "--redrive-all needs --consumer.");
        }
        String token = new LocalSigningKey(dataDir.layout(Installation.ofLauncher()))
                .sign("operator@" + jurisdiction, List.of("operator"), jurisdiction, Duration.ofMinutes(10));
        PrintWriter out = spec.commandLine().getOut();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        if (redrive != null) {
            return show(out, chosen.get(0), call(http, token, chosen.get(0), "POST",
                    "/dead-letters/" + encode(redrive) + "/redrive"));
        }
        if (redriveAll) {
            return show(out, chosen.get(0), call(http, token, chosen.get(0), "POST",
                    "/dead-letters/redrive?consumer=" + encode(consumer)));
        }
        int exit = 0;
        for (Service service : chosen) {
            exit = Math.max(exit, list(out, http, token, service));
        }
        return exit;
    }

    private int list(PrintWriter out, HttpClient http, String token, Service service) throws InterruptedException {
        out.println(service.id() + ":");
        String cursor = null;
        int shown = 0;
        do {
            StringBuilder path = new StringBuilder("/dead-letters?limit=200");
            if (consumer != null) {
                path.append("&consumer=").append(encode(consumer));
            }
            if (status != null) {
                path.append("&status=").append(encode(status.toUpperCase(Locale.ROOT)));
            }
            if (cursor != null) {
                path.append("&cursor=").append(encode(cursor));
            }
            Answer answer = call(http, token, service, "GET", path.toString());
            if (answer.status() != 200) {
                out.println("  " + describe(answer));
                return 1;
            }
            for (JsonNode letter : answer.body().path("items")) {
                shown++;
                out.println(String.format(Locale.ROOT, "  %-36s %-15s %-9s %s %s%n      %s", letter.path("id").asText(),
                        letter.path("status").asText(), letter.path("reasonCode").asText(),
                        letter.path("eventType").asText("-"), letter.path("eventId").asText("-"),
                        letter.path("reason").asText("")));
            }
            cursor = answer.body().path("next").isTextual() ? answer.body().path("next").asText() : null;
        } while (cursor != null);
        if (shown == 0) {
            out.println("  no dead letters");
        }
        return 0;
    }

    private int show(PrintWriter out, Service service, Answer answer) {
        out.println(service.id() + ": " + (answer.status() == 200 ? answer.body().toPrettyString() : describe(answer)));
        return answer.status() == 200 ? 0 : 1;
    }

    private static String describe(Answer answer) {
        if (answer.status() < 0) {
            return "did not answer: " + answer.body().path("detail").asText();
        }
        return answer.status() + " " + answer.body().path("title").asText("") + ": "
                + answer.body().path("detail").asText("");
    }

    private record Answer(int status, JsonNode body) {
    }

    private Answer call(HttpClient http, String token, Service service, String method, String path)
            throws InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + ports.port(service) + "/api/v1" + path);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body() == null || response.body().isBlank()
                    ? JSON.createObjectNode()
                    : JSON.readTree(response.body());
            return new Answer(response.statusCode(), body);
        } catch (IOException e) {
            return new Answer(-1, JSON.createObjectNode().put("detail", uri + ": " + e.getMessage()));
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
