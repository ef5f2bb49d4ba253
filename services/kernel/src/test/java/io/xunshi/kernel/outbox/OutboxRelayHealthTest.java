package io.xunshi.kernel.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.Optional;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;
import io.xunshi.kernel.eventstore.EventStore;
import io.xunshi.testing.RealInfrastructureResource;

@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class OutboxRelayHealthTest {

    @Inject
    EventStore store;
    @Inject
    EventLogProducers producers;
    @Inject
    OutboxConfig config;
    @Inject
    MeterRegistry registry;
    @Inject
    Vertx vertx;
    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    String user;
    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    @Test
    void the_services_liveness_includes_its_running_relay() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem(OutboxRelayHealth.NAME));
    }

    @Test
    void a_relay_whose_thread_died_of_an_error_is_reported_down_and_a_stopped_one_is_not() {
        RelayLeases broken = new RelayLeases(vertx, url, user, password, "kernel-health-test", "disable",
                Optional.empty()) {

            @Override
            Optional<RelayLease> tryTake() {
                throw new NoClassDefFoundError("io/xunshi/Missing");
            }
        };
        OutboxRelay relay = new OutboxRelay(store, producers, config, broken, registry);
        OutboxRelayHealth health = new OutboxRelayHealth(relay);
        assertThat(health.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);

        relay.start();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> health.call().getStatus() == HealthCheckResponse.Status.DOWN);
        relay.stop();
        assertThat(health.call().getStatus()).as("stopped on purpose").isEqualTo(HealthCheckResponse.Status.UP);
    }
}
