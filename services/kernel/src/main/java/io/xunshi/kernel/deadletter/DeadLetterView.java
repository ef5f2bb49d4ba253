package io.xunshi.kernel.deadletter;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A dead letter as the API shows it to an operator. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "DeadLetter", description = "A record a consumer gave up on, kept on its dead-letter topic")
public record DeadLetterView(
        @Schema(description = "<consumer>.<partition>.<offset> of the dead-letter topic") String id,
        @Schema(description = "The consumer (or topic projection) that gave up on it") String consumer,
        String deadLetterTopic,
        Instant deadLetteredAt,
        @Schema(description = "Why, as a code: missing-header, malformed-header, malformed-payload, unknown-type,"
                + " invalid-payload, handler-failed, unusable") String reasonCode,
        @Schema(description = "Why, in words, as the consumer wrote it") String reason,
        @Schema(description = "The handler's last failure, when a handler failed") String cause,
        String sourceTopic, Integer sourcePartition, Long sourceOffset,
        String eventId, String eventType, String subject, String jurisdiction,
        @Schema(description = "PENDING, REDRIVEN, ALREADY_HANDLED (the event had been handled by then) or FAILED"
                + " (a re-drive failed too; it may be re-driven again)") String status,
        Instant redrivenAt, String redrivenBy,
        @Schema(description = "Why the last re-drive failed") String redriveFailure,
        @Schema(description = "Whether POST .../redrive can process it: false for a topic projection's letters,"
                + " which are applied by rebuilding the projection") boolean redrivable,
        @Schema(description = "The record's value, up to 64 KiB; only when one letter is read") String payload,
        @Schema(description = "True when the payload shown was cut at 64 KiB") Boolean payloadTruncated) {
}
