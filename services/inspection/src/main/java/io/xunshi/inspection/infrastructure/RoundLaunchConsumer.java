package io.xunshi.inspection.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.xunshi.contracts.EventCatalog;
import io.xunshi.contracts.planning.Assignment;
import io.xunshi.contracts.planning.RoundLaunched;
import io.xunshi.inspection.application.Inspections;
import io.xunshi.kernel.consumer.DeadLetterReason;
import io.xunshi.kernel.consumer.EventConsumer;
import io.xunshi.kernel.consumer.EventConsumers;
import io.xunshi.kernel.consumer.IncomingEvent;
import io.xunshi.kernel.consumer.Undeliverable;
import io.xunshi.kernel.domain.Jurisdictions;
import io.xunshi.kernel.eventstore.EventMetadata;

/**
 * The consumer {@code inspection-rounds} of {@code xunshi.planning.events}: each launched round opens one
 * inspection per assignment, together with the inbox entry, in one transaction. The topic's other types are
 * passed over by design; what is really bad (a record that is no CloudEvent, a launch that does not decode or
 * cannot open inspections, a type planning does not publish) goes to
 * {@code xunshi.planning.events.inspection-rounds.dlq}.
 */
// Built at start-up, not at the first record: its metrics (xunshi_consumer_stalled) are scraped from the start.
@Startup
@ApplicationScoped
public class RoundLaunchConsumer {

    public static final String NAME = "inspection-rounds";
    public static final String CHANNEL = "planning-events";
    /** The {@code ce_type} of the launches it handles now, e.g. for tests that publish one. */
    public static final String ROUND_LAUNCHED = EventCatalog.of(RoundLaunched.class).cloudEventType();

    private static final Logger LOG = Logger.getLogger(RoundLaunchConsumer.class);

    private final EventConsumer consumer;
    private final Inspections inspections;

    @Inject
    public RoundLaunchConsumer(EventConsumers consumers, Inspections inspections) {
        this.inspections = inspections;
        this.consumer = consumers.define(NAME)
                .on(RoundLaunched.class, this::open)
                .build();
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return consumer.consume(record).replaceWithVoid();
    }

    private Uni<Void> open(SqlConnection conn, IncomingEvent event, RoundLaunched launch) {
        String invalid = invalid(launch);
        if (invalid != null) {
            return Uni.createFrom().failure(new Undeliverable(DeadLetterReason.INVALID_PAYLOAD,
                    "RoundLaunched " + event.id() + " " + invalid));
        }
        String correlation = event.extension("correlationid");
        EventMetadata metadata = new EventMetadata(correlation == null ? event.id() : correlation, event.id(),
                "consumer:" + NAME);
        return inspections.openAll(conn, launch, metadata).invoke(opened -> LOG.debugf(
                "round %s launched: %d inspection(s) opened", launch.roundId(), opened)).replaceWithVoid();
    }

    /** Why a launch cannot open inspections, or null. */
    static String invalid(RoundLaunched launch) {
        if (launch.roundId() == null || launch.roundId().isBlank()) {
            return "has no roundId";
        }
        if (launch.planId() == null || launch.planId().isBlank()) {
            return "has no planId";
        }
        if (!Jurisdictions.isValid(launch.jurisdiction())) {
            return "has no valid jurisdiction: " + launch.jurisdiction();
        }
        if (launch.kind() == null || launch.stationingStart() == null || launch.stationingEnd() == null) {
            return "lacks its kind or stationing window";
        }
        if (launch.assignments() == null) {
            return "has no assignments";
        }
        for (Assignment a : launch.assignments()) {
            if (a == null || a.organisationId() == null || a.organisationId().isBlank() || a.team() == null
                    || a.organisationName() == null || a.organisationJurisdiction() == null
                    || a.organisationLocation() == null) {
                return "has an incomplete assignment: " + a;
            }
        }
        return null;
    }
}
