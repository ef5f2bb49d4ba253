package io.xunshi.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * What a generated client relies on in the published documents ({@code contracts/openapi/*.yaml}, which
 * each service's {@code PublishedServiceContract} keeps equal to what it serves): stable operation ids, a
 * typed success body, the problem responses, and the headers of the conventions.
 */
class PublishedDocumentsTest {

    private static final Set<String> KERNEL = Set.of("getDeadLetter", "listDeadLetters", "listProjections",
            "rebuildProjection", "redriveDeadLetter", "redriveDeadLetters", "summariseDeadLetters", "verifyEventStore");

    /** The operation ids clients are generated with: renaming one breaks every client, so it fails here. */
    private static final Map<String, Set<String>> OPERATION_IDS = Map.of(
            "planning",
            Set.of("fileRound", "getCoverage", "getPace", "getPlan", "getRound", "getSubordinatePlans", "issuePlan",
                    "launchRound", "listRoundFilings",
                    "listLinkedRounds", "listLookBackCandidates", "listPlans", "listRounds", "revisePlan",
                    "scheduleRound"),
            "inspection", Set.of("changeCadrePost", "closeInspection", "declareCloseRelation", "formTeam", "getCadre",
                    "getFinding", "getInspection", "getTeam", "giveFeedback", "giveHeadFeedback", "listCadres",
                    "reviewFinding", "reviseFinding", "receivePetition", "getPetition", "classifyPetition",
                    "transferPetition", "recordTransferAnswer", "openReporterIdentity", "listIdentityOpenings",
                    "eraseReporter", "listPetitions", "handOverClue", "getClue", "acknowledgeClue",
                    "reportClueDisposition",
                    "listClues",
                    "listInspections", "recordBriefing", "recordCadreVetting", "recordFinding", "registerCadre",
                    "reportInspection", "standDownTeam", "stationTeam", "submitThematicReport", "suggestTeam"),
            "rectification",
            Set.of("closeTask", "evaluateRectification", "filePlan", "getCase", "getEvaluationModel", "getPublicView",
                    "handOverResponsibility", "listCases", "listPublicViews", "listSignals", "publishPublicView",
                    "recordConsultation", "recordSupervisionNote", "referForAccountability", "rejectTaskClosure",
                    "reportProgress", "submitHeadReport", "submitReport"),
            "coordination", Set.of("getJurisdiction", "getOrganisation", "getRollUp", "importJurisdictions",
                    "listJurisdictions", "listOrganisations", "registerOrganisation", "renameOrganisation"));

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    @ParameterizedTest
    @ValueSource(strings = { "planning", "inspection", "rectification", "coordination" })
    void every_operation_has_its_stable_id_a_typed_success_and_problem_errors(String service) throws IOException {
        JsonNode document = new ObjectMapper(new YAMLFactory())
                .readTree(Path.of(System.getProperty("xunshi.openapi.documents"), service + ".yaml").toFile());
        Set<String> ids = new TreeSet<>();
        List<String> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> METHODS.forEach(method -> {
            JsonNode operation = path.getValue().path(method);
            if (operation.isMissingNode()) {
                return;
            }
            String where = method.toUpperCase() + " " + path.getKey();
            String id = operation.path("operationId").asText("");
            assertThat(id).as("operationId of %s", where).isNotBlank();
            assertThat(ids.add(id)).as("operationId %s is used twice", id).isTrue();
            operations.add(id);
            check(document, where, operation);
        }));
        Set<String> expected = new TreeSet<>(OPERATION_IDS.get(service));
        expected.addAll(KERNEL);
        assertThat(ids).isEqualTo(expected);
    }

    private static void check(JsonNode document, String where, JsonNode operation) {
        JsonNode responses = operation.path("responses");
        boolean command = false;
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("in").asText().equals("header")
                    && parameter.path("name").asText().equals("Idempotency-Key")) {
                command = true;
            }
        }
        List<String> successes = new ArrayList<>();
        responses.fieldNames().forEachRemaining(status -> {
            if (status.startsWith("2")) {
                successes.add(status);
            }
        });
        assertThat(successes).as("success of %s", where).hasSize(1);
        JsonNode success = responses.path(successes.get(0));
        assertThat(success.path("content").path("application/json").path("schema").isMissingNode())
                .as("the success body of %s has a schema", where).isFalse();
        if (successes.get(0).equals("201")) {
            assertThat(success.path("headers").has("Location")).as("Location on %s", where).isTrue();
            assertThat(success.path("headers").has("ETag")).as("ETag on %s", where).isTrue();
        }
        if (command) {
            assertThat(success.path("headers").has("Idempotent-Replayed")).as("Idempotent-Replayed on %s", where)
                    .isTrue();
            assertThat(responses.has("409")).as("409 on %s", where).isTrue();
            assertThat(responses.has("422")).as("422 on %s", where).isTrue();
        }
        for (String status : List.of("400", "401", "403", "406", "500", "503")) {
            assertThat(responses.has(status)).as("%s on %s", status, where).isTrue();
        }
        if (!operation.path("requestBody").isMissingNode()) {
            assertThat(responses.has("413") && responses.has("415")).as("413 and 415 on %s", where).isTrue();
        }
        responses.fields().forEachRemaining(entry -> {
            if (entry.getKey().startsWith("4") || entry.getKey().startsWith("5")) {
                JsonNode response = entry.getValue();
                if (response.has("$ref")) {
                    String name = response.path("$ref").asText().replace("#/components/responses/", "");
                    response = document.path("components").path("responses").path(name);
                }
                assertThat(response.path("content").path("application/problem+json").path("schema").path("$ref")
                        .asText()).as("%s of %s is a problem", entry.getKey(), where)
                        .isEqualTo("#/components/schemas/Problem");
            }
        });
        JsonNode unavailable = document.path("components").path("responses").path("Unavailable");
        assertThat(unavailable.path("headers").has("Retry-After")).isTrue();
    }
}
