package io.xunshi.kernel.consumer;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: no consumer of another service's topic is held up by the infrastructure. While one waits for the
 * database or the broker (and retries its record, which stays unprocessed and uncommitted), the service is
 * not ready and the check names the consumer, since when, the event it holds, the failed attempts and the
 * last failure.
 */
@Readiness
@ApplicationScoped
public class ConsumersReadiness implements HealthCheck {

    static final String NAME = "Event consumers";

    private final ConsumerStalls stalls;

    @Inject
    public ConsumersReadiness(ConsumerStalls stalls) {
        this.stalls = stalls;
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, ConsumerStalls.Stall> current = stalls.current();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).status(current.isEmpty());
        current.forEach((name, stall) -> response.withData(name, "stalled since " + stall.since() + " on "
                + stall.eventType() + " " + stall.eventId() + " after " + stall.failedAttempts()
                + " failed attempt(s); last: " + stall.lastFailure()));
        return response.build();
    }
}
