package io.xunshi.kernel.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of a tamper verification, for the caller's jurisdiction subtree. */
@Schema(description = "The outcome of verifying the service's event store against its hash chains and the Kafka"
        + " topic's witness, for the caller's jurisdiction subtree.")
public record VerificationReport(
        @Schema(description = "The service whose store was verified") String service,
        @Schema(description = "True when no finding was made in the caller's subtree") boolean intact,
        @Schema(description = "The caller's home jurisdiction: the subtree reported on") String scope,
        @Schema(description = "Streams verified in the scope") long streams,
        @Schema(description = "Stored events verified in the scope") long events,
        @Schema(description = "What the topic witnessed and how far the relay had got") Witness witness,
        @Schema(description = "Every finding in the scope, counted") long findingsTotal,
        @Schema(description = "Findings in the scope by kind (every kind, zero included)") Map<String, Long> findingsByKind,
        @Schema(description = "The first findings, by stream and version, at most limit of them") List<TamperFinding> findings,
        @Schema(description = "When the verification started") Instant startedAt,
        @Schema(description = "How long it took, in milliseconds; the whole store is walked whatever the scope") long durationMillis) {

    /** The witness the store was compared with. */
    @Schema(description = "The service's topic as a witness of its store")
    public record Witness(
            @Schema(description = "The topic read from its beginning") String topic,
            @Schema(description = "Records read") long records,
            @Schema(description = "Records without a stream id or version, not usable as witnesses") long unreadable,
            @Schema(description = "The relay's checkpoint, <transaction id>:<position>: every event at or before"
                    + " it must be on the topic") String relayCheckpoint) {
    }
}
