package io.xunshi.benchmarks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.xunshi.kernel.eventstore.EventMetadata;
import io.xunshi.kernel.eventstore.NewEvent;

/**
 * The events every scenario writes: a finding with a JSON payload of about 700 bytes, the size of a
 * typical domain event here, carrying a sequence number and the wall-clock time (epoch microseconds) it
 * was sent, which the end-to-end latency consumer reads back.
 */
final class BenchEvents {

    static final String STREAM_TYPE = "Finding";
    static final String TYPE = "xunshi.bench.FindingRecorded";
    static final String JURISDICTION = "110000";
    static final EventMetadata METADATA = new EventMetadata("bench-correlation", "bench-command", "bench-actor");

    private static final String DESCRIPTION = "Expenditure on official receptions exceeded the approved budget in"
            + " three consecutive quarters; the supporting vouchers do not name the guests received, and two"
            + " invoices were issued by a supplier owned by a relative of the responsible official. The unit was"
            + " asked to explain the deviations, to recover the overpayment and to tighten its approval process.";

    private BenchEvents() {
    }

    /**
     * The benchmark's finding as its projections read it: only the properties they use (a reader ignores the
     * others, as every reader of events does).
     */
    record Finding(UUID findingId, String category, String severity, String title, LocalDate dueDate) {

        static final String TYPE = BenchEvents.TYPE;
        static final int VERSION = 1;
    }

    static ObjectNode payload(long seq, long sentAtMicros) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("seq", seq);
        payload.put("sentAtMicros", sentAtMicros);
        payload.put("findingId", UUID.randomUUID().toString());
        payload.put("inspectionId", "inspection-2026-07-110000");
        payload.put("category", "official-reception-expenditure");
        payload.put("severity", "major");
        payload.put("title", "Reception spending above budget, vouchers incomplete");
        payload.put("description", DESCRIPTION);
        payload.put("inspectedUnit", "Municipal Finance Bureau");
        payload.put("recordedBy", "inspector-0042");
        payload.put("dueDate", "2026-12-31");
        return payload;
    }

    static NewEvent event(long seq) {
        return new NewEvent(UUID.randomUUID(), TYPE, 1, payload(seq, nowMicros()), Instant.now(), METADATA);
    }

    static List<NewEvent> events(long firstSeq, int count) {
        List<NewEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(event(firstSeq + i));
        }
        return events;
    }

    /** The current wall-clock time in microseconds since the epoch, as both processes read it. */
    static long nowMicros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }
}
