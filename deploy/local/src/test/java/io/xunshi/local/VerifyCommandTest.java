package io.xunshi.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import picocli.CommandLine;

/** {@code xunshi verify} against stand-in services that answer as the verification operation does. */
class VerifyCommandTest {

    private static final String INTACT = """
            {"service":"planning","intact":true,"scope":"000000","streams":12,"events":340,"findingsTotal":0,
             "findingsByKind":{"altered":0,"missing":0,"reordered":0,"truncated":0,"unwitnessed":0},
             "findings":[],"durationMillis":85}""";
    private static final String TAMPERED = """
            {"service":"inspection","intact":false,"scope":"000000","streams":5,"events":40,"findingsTotal":3,
             "findingsByKind":{"altered":1,"missing":0,"reordered":0,"truncated":2,"unwitnessed":0},
             "findings":[{"streamId":"inspection-7","version":3,"kind":"altered","jurisdiction":"330000",
             "detail":"its content does not match its hash: changed after it was written"},
             {"streamId":"inspection-9","version":4,"kind":"truncated","jurisdiction":"330000",
             "detail":"the topic has version 4, but the store's stream ends at version 3"}],"durationMillis":12}""";

    @TempDir
    Path data;

    private final StringWriter out = new StringWriter();
    private final List<HttpServer> servers = new ArrayList<>();
    private final List<String> authorizations = new ArrayList<>();
    private CommandLine cli;

    @BeforeEach
    void setUp() {
        cli = new CommandLine(new XunshiLocal()).setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(new StringWriter(), true));
    }

    @AfterEach
    void stopServers() {
        servers.forEach(server -> server.stop(0));
    }

    private int serve(int status, String body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/audit/verification", exchange -> {
            synchronized (authorizations) {
                authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", status == 200
                    ? "application/json"
                    : "application/problem+json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        servers.add(server);
        return server.getAddress().getPort();
    }

    @Test
    void every_intact_store_exits_0_and_the_call_carries_an_auditor_token() throws IOException {
        int planning = serve(200, INTACT);
        int coordination = serve(200, INTACT);

        int exit = cli.execute("verify", "--data-dir", data.toString(), "--services", "planning,coordination",
                "--planning-port", Integer.toString(planning), "--coordination-port", Integer.toString(coordination));

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("planning      verified: 12 streams, 340 events in 85 ms")
                .contains("coordination  verified").contains("Every store verified intact.");
        assertThat(authorizations).hasSize(2).allSatisfy(header -> {
            assertThat(header).startsWith("Bearer ");
            String claims = new String(Base64.getUrlDecoder().decode(header.substring(7).split("\\.")[1]),
                    StandardCharsets.UTF_8);
            assertThat(claims).contains("\"groups\":[\"auditor\"]").contains("\"jurisdiction\":\"000000\"");
        });
    }

    @Test
    void tampering_anywhere_exits_1_and_names_the_events() throws IOException {
        int planning = serve(200, INTACT);
        int inspection = serve(200, TAMPERED);
        int nobody = TestPorts.free();

        int exit = cli.execute("verify", "--data-dir", data.toString(), "--services",
                "planning,inspection,rectification",
                "--planning-port", Integer.toString(planning), "--inspection-port", Integer.toString(inspection),
                "--rectification-port", Integer.toString(nobody));

        assertThat(exit).isEqualTo(VerifyCommand.TAMPERED);
        assertThat(out.toString())
                .contains("inspection    TAMPERED: 3 findings (altered 1, truncated 2); 5 streams, 40 events")
                .contains("altered      inspection-7 version 3: its content does not match its hash")
                .contains("truncated    inspection-9 version 4")
                .contains("... and 1 more (--limit)")
                .contains("rectification NOT VERIFIED: no answer from 127.0.0.1:" + nobody)
                .contains("TAMPERING FOUND");
    }

    @Test
    void a_service_that_cannot_verify_exits_3_with_its_problem() throws IOException {
        int planning = serve(503, """
                {"type":"urn:xunshi:problem:unavailable","title":"Service unavailable","status":503,
                 "detail":"a verification is already running on this instance of planning"}""");

        int exit = cli.execute("verify", "--data-dir", data.toString(), "--services", "planning",
                "--planning-port", Integer.toString(planning));

        assertThat(exit).isEqualTo(VerifyCommand.UNVERIFIED);
        assertThat(out.toString()).contains("planning      NOT VERIFIED: HTTP 503 a verification is already running");
    }
}
