package io.xunshi.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import picocli.CommandLine;

/** {@code ./xunshi dead-letters} against a stand-in for a service's dead-letter API. */
class DeadLettersCommandTest {

    @TempDir
    Path data;

    private final StringWriter out = new StringWriter();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> tokens = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @BeforeEach
    void standIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/dead-letters", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            tokens.add(exchange.getRequestHeaders().getFirst("Authorization"));
            if (exchange.getRequestMethod().equals("GET")) {
                answer(exchange, 200, "{\"items\":[{\"id\":\"inspection-rounds.0.7\",\"status\":\"PENDING\","
                        + "\"reasonCode\":\"handler-failed\",\"eventType\":\"xunshi.planning.RoundLaunched.v1\","
                        + "\"eventId\":\"e-1\",\"reason\":\"handler-failed: boom\"}],\"next\":null}");
            } else {
                answer(exchange, 422, "{\"type\":\"urn:xunshi:problem:redrive-failed\",\"title\":\"The dead letter"
                        + " could not be processed\",\"status\":422,\"detail\":\"failed again\"}");
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void lists_a_services_letters_as_a_centre_operator() {
        int exit = cli().execute("dead-letters", "--data-dir", data.toString(), "--services", "inspection",
                "--inspection-port", Integer.toString(server.getAddress().getPort()), "--status", "pending");
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("inspection:", "inspection-rounds.0.7", "PENDING", "handler-failed: boom");
        assertThat(requests).singleElement().asString().startsWith("GET /api/v1/dead-letters?limit=200")
                .contains("status=PENDING");
        String claims = new String(Base64.getUrlDecoder().decode(tokens.get(0).split("\\.")[1]),
                StandardCharsets.UTF_8);
        assertThat(claims).contains("\"operator\"").contains("\"jurisdiction\":\"000000\"");
    }

    @Test
    void a_redrive_that_fails_again_says_why_and_exits_1() {
        int exit = cli().execute("dead-letters", "--data-dir", data.toString(), "--services", "inspection",
                "--inspection-port", Integer.toString(server.getAddress().getPort()), "--redrive",
                "inspection-rounds.0.7");
        assertThat(exit).isEqualTo(1);
        assertThat(requests).containsExactly("POST /api/v1/dead-letters/inspection-rounds.0.7/redrive");
        assertThat(out.toString()).contains("422", "failed again");
    }

    @Test
    void a_redrive_needs_exactly_one_service() {
        assertThat(cli().execute("dead-letters", "--data-dir", data.toString(), "--redrive", "x.0.1")).isEqualTo(2);
        assertThat(requests).isEmpty();
    }

    private CommandLine cli() {
        return new CommandLine(new XunshiLocal()).setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(new StringWriter(), true));
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
