package io.xunshi.kernel.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness: the outbox relay's thread has not died. A service whose relay is gone still accepts commands and
 * commits their events, but nothing reaches Kafka; restarting it starts a relay again from its checkpoint.
 * Whether this replica is the one relaying ({@code leading}) is reported, not judged: standby replicas are
 * healthy.
 */
@Liveness
@ApplicationScoped
public class OutboxRelayHealth implements HealthCheck {

    static final String NAME = "Outbox relay";

    private final OutboxRelay relay;

    @Inject
    public OutboxRelayHealth(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME).status(relay.isAlive()).withData("leading", relay.isLeading()).build();
    }
}
