package io.xunshi.kernel.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.xunshi.kernel.eventstore.EventMetadata;
import io.xunshi.kernel.eventstore.GlobalPosition;
import io.xunshi.kernel.eventstore.HashChain;
import io.xunshi.kernel.eventstore.RawEvent;
import io.xunshi.kernel.eventstore.StoredEvent;

/** The rules that name what is wrong with one stream, without a database or a broker. */
class StreamAuditTest {

    private static final String STREAM = "case-1";
    private static final Instant AT = Instant.parse("2026-05-01T08:00:00Z");

    /** A well-chained stream of {@code n} events at positions 1:1, 2:2, ... */
    private static List<RawEvent> chain(int n) {
        List<RawEvent> events = new ArrayList<>();
        byte[] prev = null;
        for (int v = 1; v <= n; v++) {
            RawEvent e = event(v, prev, JsonNodeFactory.instance.objectNode().put("n", v), v);
            events.add(e);
            prev = e.event().hash();
        }
        return events;
    }

    private static RawEvent event(int version, byte[] prev, ObjectNode payload, long position) {
        StoredEvent unhashed = new StoredEvent(new GlobalPosition(position, position), UUID.nameUUIDFromBytes(
                payload.toString().getBytes()), STREAM, "Case", version, "xunshi.test.Noted", 1, "330000", payload,
                EventMetadata.none(), AT, AT, prev, null);
        byte[] hash = HashChain.link(prev, new RawEvent(unhashed, JsonNodeFactory.instance.objectNode())
                .contentDigestAt(version));
        return rehashed(unhashed, prev, hash);
    }

    private static RawEvent rehashed(StoredEvent e, byte[] prev, byte[] hash) {
        return new RawEvent(new StoredEvent(e.position(), e.eventId(), e.streamId(), e.streamType(), e.version(),
                e.type(), e.typeVersion(), e.jurisdiction(), e.payload(), e.metadata(), e.occurredAt(), e.recordedAt(),
                prev, hash), JsonNodeFactory.instance.objectNode());
    }

    private static RawEvent atVersion(RawEvent r, int version) {
        StoredEvent e = r.event();
        return new RawEvent(new StoredEvent(e.position(), e.eventId(), e.streamId(), e.streamType(), version, e.type(),
                e.typeVersion(), e.jurisdiction(), e.payload(), e.metadata(), e.occurredAt(), e.recordedAt(),
                e.prevHash(), e.hash()), r.metadata());
    }

    private static WitnessedStream witnessed(List<RawEvent> published) {
        WitnessedStream witness = new WitnessedStream();
        for (RawEvent r : published) {
            witness.witness(r.event().version(), r.event().jurisdiction(), r.event().hash());
        }
        return witness;
    }

    private static List<org.assertj.core.groups.Tuple> findings(List<RawEvent> stored, WitnessedStream witness,
            GlobalPosition relayed) {
        return StreamAudit.check(STREAM, stored, witness, relayed).findings().stream()
                .map(f -> tuple(f.version(), f.kind())).toList();
    }

    @Test
    void an_intact_stream_has_no_finding_and_unpublished_events_are_no_finding() {
        List<RawEvent> stored = chain(5);
        StreamAudit.Result result = StreamAudit.check(STREAM, stored, witnessed(stored.subList(0, 3)),
                new GlobalPosition(3, 3));
        assertThat(result.findings()).isEmpty();
        assertThat(result.storedEvents()).isEqualTo(5);
        assertThat(result.jurisdictions()).containsExactly("330000");
    }

    @Test
    void a_changed_payload_is_altered_at_its_version() {
        List<RawEvent> stored = new ArrayList<>(chain(4));
        StoredEvent e = stored.get(2).event();
        stored.set(2, new RawEvent(e.withPayload(1, JsonNodeFactory.instance.objectNode().put("n", 42)),
                stored.get(2).metadata()));
        assertThat(findings(stored, null, GlobalPosition.START)).containsExactly(tuple(3, "altered"));
    }

    @Test
    void a_removed_middle_event_is_missing_and_nothing_after_it_is_blamed() {
        List<RawEvent> stored = new ArrayList<>(chain(5));
        stored.remove(1);
        assertThat(findings(stored, null, GlobalPosition.START)).containsExactly(tuple(2, "missing"));
    }

    @Test
    void a_removed_last_event_is_truncated_only_against_the_witness() {
        List<RawEvent> all = chain(4);
        List<RawEvent> stored = all.subList(0, 3);
        assertThat(findings(stored, null, GlobalPosition.START)).isEmpty();
        assertThat(findings(stored, witnessed(all), GlobalPosition.START)).containsExactly(tuple(4, "truncated"));
        assertThat(findings(List.of(), witnessed(all), GlobalPosition.START)).containsExactly(tuple(1, "truncated"),
                tuple(2, "truncated"), tuple(3, "truncated"), tuple(4, "truncated"));
    }

    @Test
    void swapped_events_are_reordered_and_the_next_one_is_not_blamed() {
        List<RawEvent> original = chain(4);
        List<RawEvent> stored = List.of(original.get(0), atVersion(original.get(2), 2), atVersion(original.get(1), 3),
                original.get(3));
        assertThat(findings(stored, witnessed(original), GlobalPosition.START))
                .containsExactly(tuple(2, "reordered"), tuple(3, "reordered"));
    }

    @Test
    void a_change_with_the_chain_recomputed_is_altered_where_it_first_differs_from_the_witness() {
        List<RawEvent> original = chain(4);
        List<RawEvent> forged = new ArrayList<>(original.subList(0, 1));
        byte[] prev = original.get(0).event().hash();
        for (int v = 2; v <= 4; v++) {
            RawEvent e = event(v, prev, JsonNodeFactory.instance.objectNode().put("n", v == 2 ? 20 : v), v);
            forged.add(e);
            prev = e.event().hash();
        }
        assertThat(findings(forged, null, GlobalPosition.START)).as("the chain holds by itself").isEmpty();
        assertThat(findings(forged, witnessed(original), GlobalPosition.START)).containsExactly(tuple(2, "altered"));
    }

    @Test
    void a_recomputed_hash_breaks_the_next_link_and_blames_the_event_before_it() {
        List<RawEvent> stored = new ArrayList<>(chain(3));
        RawEvent second = stored.get(1);
        RawEvent changed = event(2, second.event().prevHash(), JsonNodeFactory.instance.objectNode().put("n", 99), 2);
        stored.set(1, changed);
        assertThat(findings(stored, null, GlobalPosition.START)).containsExactly(tuple(2, "altered"));
    }

    @Test
    void an_event_at_or_before_the_checkpoint_that_the_topic_never_saw_is_unwitnessed() {
        List<RawEvent> stored = chain(3);
        WitnessedStream witness = witnessed(stored.subList(0, 2));
        assertThat(findings(stored, witness, new GlobalPosition(3, 3))).containsExactly(tuple(3, "unwitnessed"));
        assertThat(findings(stored, witness, new GlobalPosition(2, 2))).as("not relayed yet").isEmpty();
    }

    @Test
    void records_without_a_hash_still_witness_their_versions() {
        List<RawEvent> all = chain(3);
        WitnessedStream witness = new WitnessedStream();
        all.forEach(r -> witness.witness(r.event().version(), "330000", null));
        assertThat(findings(all.subList(0, 2), witness, GlobalPosition.START)).containsExactly(tuple(3, "truncated"));
        assertThat(findings(all, witness, GlobalPosition.START)).isEmpty();
    }
}
