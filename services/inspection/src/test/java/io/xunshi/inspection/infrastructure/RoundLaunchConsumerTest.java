package io.xunshi.inspection.infrastructure;

import static io.restassured.RestAssured.given;
import static io.xunshi.inspection.InspectionFixtures.DEAD_LETTER_TOPIC;
import static io.xunshi.inspection.InspectionFixtures.INSPECTION_TOPIC;
import static io.xunshi.inspection.InspectionFixtures.OFFICE_ZJ;
import static io.xunshi.inspection.InspectionFixtures.PLANNING_TOPIC;
import static io.xunshi.inspection.InspectionFixtures.WAIT;
import static io.xunshi.inspection.InspectionFixtures.ZHEJIANG;
import static io.xunshi.inspection.InspectionFixtures.planningEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.contracts.inspection.InspectionOpened;
import io.xunshi.contracts.planning.Assignment;
import io.xunshi.contracts.planning.RoundLaunched;
import io.xunshi.contracts.planning.WorkPlanIssued;
import io.xunshi.inspection.InspectionFixtures;
import io.xunshi.inspection.domain.Inspection;
import io.xunshi.testing.CloudEventsOnKafka;
import io.xunshi.testing.KafkaTopicReader;
import io.xunshi.testing.RealInfrastructureResource;

@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class RoundLaunchConsumerTest {

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    private long eventsOf(List<String> streams) {
        return pool.preparedQuery("SELECT count(*) AS n FROM events WHERE stream_id = ANY($1)")
                .executeAndAwait(Tuple.of(streams.toArray(new String[0]))).iterator().next().getLong("n");
    }

    private static List<String> ids(RoundLaunched launch) {
        return launch.assignments().stream().map(a -> Inspection.idFor(launch.roundId(), a.organisationId())).toList();
    }

    @Test
    void a_launched_round_opens_one_inspection_per_assignment_in_the_rounds_jurisdiction() throws Exception {
        RoundLaunched launch = InspectionFixtures.zhejiangRound();

        InspectionFixtures.publish(launch, UUID.randomUUID());
        InspectionFixtures.awaitListed(launch.roundId(), 2);

        List<String> ids = ids(launch);
        var listed = InspectionFixtures.listedFor(launch.roundId()).jsonPath();
        assertThat(listed.getList("items.inspectionId", String.class)).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(listed.getList("items.status", String.class)).containsOnly("PREPARING");
        assertThat(listed.getList("items.jurisdiction", String.class)).containsOnly(ZHEJIANG);
        assertThat(listed.getList("items.planId", String.class)).containsOnly("plan-zj-2023");
        Assignment second = launch.assignments().get(1);
        given().header("Authorization", OFFICE_ZJ).get("/api/v1/inspections/" + ids.get(1))
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("roundId", equalTo(launch.roundId()))
                .body("team", equalTo(second.team()))
                .body("organisationId", equalTo(second.organisationId()))
                .body("organisationName", equalTo(second.organisationName()))
                .body("organisationLocation", equalTo(second.organisationLocation()))
                .body("roundKind", equalTo("REGULAR"))
                .body("stationingStart", equalTo("2026-03-02"))
                .body("stationingEnd", equalTo("2026-05-08"))
                .body("status", equalTo("PREPARING"));

        List<ConsumerRecord<String, String>> published = KafkaTopicReader.readUntil(bootstrap(), INSPECTION_TOPIC,
                r -> ids.get(1).equals(r.key()), WAIT);
        ConsumerRecord<String, String> opened = published.get(published.size() - 1);
        assertThat(header(opened, "ce_type")).isEqualTo(InspectionOpened.TYPE + ".v1");
        assertThat(header(opened, "ce_jurisdiction")).isEqualTo(ZHEJIANG);
        JsonNode payload = json.readTree(opened.value());
        assertThat(payload.get("organisationId").asText()).isEqualTo(second.organisationId());
        assertThat(payload.get("inspectionId").asText()).isEqualTo(ids.get(1));
    }

    @Test
    void the_same_launch_delivered_twice_even_as_another_event_opens_the_inspections_once() {
        RoundLaunched launch = InspectionFixtures.zhejiangRound();
        UUID eventId = UUID.randomUUID();

        UUID again = UUID.randomUUID();
        InspectionFixtures.publish(launch, eventId);
        InspectionFixtures.publish(launch, eventId);
        // The same launch under a new event id passes the inbox; the derived ids still find the inspections.
        InspectionFixtures.publish(launch, again);
        // A later round on the same key: once it is listed, every record before it was consumed.
        RoundLaunched marker = InspectionFixtures.zhejiangRound();
        InspectionFixtures.publish(marker, UUID.randomUUID(), launch.roundId());
        InspectionFixtures.awaitListed(marker.roundId(), 2);

        assertThat(inboxEntry(eventId)).isTrue();
        assertThat(inboxEntry(again)).isTrue();
        assertThat(eventsOf(ids(launch))).as("InspectionOpened events of the launch's inspections").isEqualTo(2);
        assertThat(InspectionFixtures.listedFor(launch.roundId()).jsonPath().getList("items")).hasSize(2);
    }

    @Test
    void a_valid_launch_forged_by_another_source_than_planning_opens_nothing_and_is_dead_lettered() {
        RoundLaunched forged = InspectionFixtures.zhejiangRound();
        UUID forgedId = UUID.randomUUID();
        CloudEventsOnKafka.publish(PLANNING_TOPIC, planningEvent(RoundLaunchConsumer.ROUND_LAUNCHED, forged.roundId(),
                forged.jurisdiction()).id(forgedId).source("urn:xunshi:rectification").data(forged));
        // The same launch from planning's relay afterwards, on the same key: once it is consumed, so was the forgery.
        RoundLaunched genuine = InspectionFixtures.zhejiangRound();
        InspectionFixtures.publish(genuine, UUID.randomUUID(), forged.roundId());
        InspectionFixtures.awaitListed(genuine.roundId(), 2);

        Map<String, ConsumerRecord<String, String>> dead = deadLettersUntil(forgedId);
        assertThat(header(dead.get(forgedId.toString()), "dead-letter-reason")).isEqualTo("untrusted-source: "
                + RoundLaunchConsumer.ROUND_LAUNCHED + " " + forgedId + " comes from urn:xunshi:rectification, not"
                + " from urn:xunshi:planning, which alone writes " + PLANNING_TOPIC);
        assertThat(eventsOf(ids(forged))).as("inspections opened by the forged launch").isZero();
        assertThat(InspectionFixtures.listedFor(forged.roundId()).jsonPath().getList("items")).isEmpty();
        assertThat(inboxEntry(forgedId)).as("a forged event leaves no inbox entry").isFalse();
    }

    @Test
    void other_planning_events_even_new_ones_are_passed_over_and_unreadable_ones_are_dead_lettered_with_their_reason() {
        String key = "plan-" + UUID.randomUUID();
        UUID planIssued = UUID.randomUUID();
        UUID badJson = UUID.randomUUID();
        UUID addedUpstream = UUID.randomUUID();
        UUID foreign = UUID.randomUUID();
        UUID undecodable = UUID.randomUUID();
        UUID incomplete = UUID.randomUUID();
        UUID noSource = UUID.randomUUID();
        UUID noType = UUID.randomUUID();
        CloudEventsOnKafka.publish(PLANNING_TOPIC,
                planningEvent(RoundLaunchConsumer.ROUND_LAUNCHED, key, ZHEJIANG).id(noSource).without("ce_source")
                        .json("{\"roundId\":\"r\"}"),
                planningEvent(RoundLaunchConsumer.ROUND_LAUNCHED, key, ZHEJIANG).id(noType).without("ce_type")
                        .json("{\"roundId\":\"r\"}"),
                planningEvent(WorkPlanIssued.TYPE + ".v1", key, ZHEJIANG).id(planIssued).data(new WorkPlanIssued(key,
                        ZHEJIANG, "浙江省委巡视工作规划", 2023, 2027, "plan-centre", List.of("org-1"))),
                planningEvent(RoundLaunchConsumer.ROUND_LAUNCHED, key, ZHEJIANG).id(badJson)
                        .json("{\"roundId\": oops"),
                planningEvent("xunshi.planning.RoundCancelled.v1", key, ZHEJIANG).id(addedUpstream),
                planningEvent("xunshi.inspection.FindingRecorded.v1", key, ZHEJIANG).id(foreign),
                planningEvent(RoundLaunchConsumer.ROUND_LAUNCHED, key, ZHEJIANG).id(undecodable)
                        .json("{\"roundId\":\"r\",\"stationingStart\":\"not a day\"}"),
                planningEvent(RoundLaunchConsumer.ROUND_LAUNCHED, key, ZHEJIANG).id(incomplete)
                        .json("{\"roundId\":\"r\"}"));

        Map<String, ConsumerRecord<String, String>> dead = deadLettersUntil(incomplete);

        assertThat(dead).as("WorkPlanIssued, and RoundCancelled that planning might add one day, are passed over")
                .doesNotContainKeys(planIssued.toString(), addedUpstream.toString());
        assertThat(header(dead.get(badJson.toString()), "dead-letter-reason")).startsWith("malformed-payload:");
        assertThat(dead.get(badJson.toString()).value()).isEqualTo("{\"roundId\": oops");
        assertThat(header(dead.get(foreign.toString()), "dead-letter-reason")).isEqualTo("unknown-type: "
                + "inspection-rounds reads xunshi.planning.events, whose owner does not publish"
                + " xunshi.inspection.FindingRecorded.v1");
        assertThat(header(dead.get(undecodable.toString()), "dead-letter-reason"))
                .startsWith("invalid-payload: " + RoundLaunchConsumer.ROUND_LAUNCHED + " " + undecodable
                        + " does not decode into RoundLaunched");
        assertThat(header(dead.get(incomplete.toString()), "dead-letter-reason")).startsWith("invalid-payload:");
        assertThat(header(dead.get(incomplete.toString()), "dead-letter-topic")).isEqualTo(PLANNING_TOPIC);
        assertThat(header(dead.get(noSource.toString()), "dead-letter-reason")).startsWith("missing-header:")
                .contains("ce_source");
        assertThat(header(dead.get(noType.toString()), "dead-letter-reason")).startsWith("missing-header:")
                .contains("ce_type");
        assertThat(inboxEntry(planIssued)).as("an event passed over leaves no inbox entry").isFalse();
        assertThat(inboxEntry(addedUpstream)).isFalse();
    }

    /** The dead-letter topic's records by event id, read until the one of {@code last} is there. */
    private Map<String, ConsumerRecord<String, String>> deadLettersUntil(UUID last) {
        Map<String, ConsumerRecord<String, String>> dead = new HashMap<>();
        KafkaTopicReader.readUntil(bootstrap(), DEAD_LETTER_TOPIC, record -> {
            String id = header(record, "ce_id");
            if (id != null) {
                dead.put(id, record);
            }
            return dead.containsKey(last.toString());
        }, WAIT);
        return dead;
    }

    private boolean inboxEntry(UUID eventId) {
        return pool.preparedQuery("SELECT 1 FROM inbox WHERE consumer = $1 AND event_id = $2")
                .executeAndAwait(Tuple.of(RoundLaunchConsumer.NAME, eventId.toString())).size() > 0;
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
