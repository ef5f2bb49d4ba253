package io.xunshi.kernel.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One event the verification found altered, removed or reordered. */
@Schema(description = "One event of a stream that was altered, removed or reordered behind the event store's back.")
public record TamperFinding(
        @Schema(description = "The stream (aggregate) id") String streamId,
        @Schema(description = "The event's version in its stream, from 1") int version,
        @Schema(description = "What is wrong", enumeration = {
                "altered", "missing", "reordered", "truncated",
                "unwitnessed" }) String kind,
        @Schema(description = "The stream's jurisdiction, as stored or, for a removed event, as witnessed on the"
                + " topic") String jurisdiction,
        @Schema(description = "What the verification saw, in words") String detail) {

    static TamperFinding of(String streamId, int version, TamperKind kind, String jurisdiction, String detail) {
        return new TamperFinding(streamId, version, kind.label(), jurisdiction, detail);
    }
}
