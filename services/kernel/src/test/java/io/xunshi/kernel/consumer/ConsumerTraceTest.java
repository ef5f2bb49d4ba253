package io.xunshi.kernel.consumer;

import static io.xunshi.testing.CloudEventsOnKafka.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import jakarta.inject.Inject;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.testing.CloudEventsOnKafka;
import io.xunshi.testing.RealInfrastructureResource;

/**
 * A consumer continues the trace of the record it handles: its handling is a span whose parent is the record's
 * ce_traceparent, current while the handler runs, so the events the handler appends store the same trace id
 * (and the consumer span's own id as their parent) for the relay to send on.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class ConsumerTraceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Test
    void the_events_a_consumer_appends_carry_the_trace_of_the_record_it_handled() {
        String traceId = hex(16);
        String parentId = hex(8);
        String traced = "traced-" + UUID.randomUUID();
        String untraced = "untraced-" + UUID.randomUUID();
        String malformed = "malformed-" + UUID.randomUUID();
        CloudEventsOnKafka.publish(NoteTakingConsumer.TOPIC,
                event(NoteTakingConsumer.NOTE_ECHOED, traced).json("{\"note\":\"traced\"}")
                        .header("ce_traceparent", "00-" + traceId + "-" + parentId + "-01")
                        .header("ce_tracestate", "vendor=abc"),
                event(NoteTakingConsumer.NOTE_ECHOED, untraced).json("{\"note\":\"untraced\"}"),
                event(NoteTakingConsumer.NOTE_ECHOED, malformed).json("{\"note\":\"malformed\"}")
                        .header("ce_traceparent", "00-not-a-trace"));

        String[] continued = awaitTrace("echo-" + traced);
        assertThat(continued[0]).matches("00-" + traceId + "-[0-9a-f]{16}-0[01]")
                .as("the consumer span's own id is the parent of what it appends")
                .doesNotContain(parentId);
        assertThat(continued[1]).isEqualTo("vendor=abc");
        // Without a usable trace context, the handling starts a trace of its own; the record is still handled.
        for (String subject : new String[]{ untraced, malformed }) {
            String[] fresh = awaitTrace("echo-" + subject);
            assertThat(fresh[0]).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]").doesNotContain(traceId);
            assertThat(fresh[1]).isNull();
        }
    }

    @Test
    void the_log_lines_of_a_handling_carry_the_events_correlation_id_the_consumer_and_the_trace() {
        String traceId = hex(16);
        String subject = "logged-" + UUID.randomUUID();
        List<ExtLogRecord> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {

            @Override
            public void publish(LogRecord record) {
                if (record instanceof ExtLogRecord ext
                        && NoteTakingConsumer.class.getName().equals(ext.getLoggerName())) {
                    ext.copyMdc();
                    lines.add(ext);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(capture);
        try {
            CloudEventsOnKafka.publish(NoteTakingConsumer.TOPIC, event(NoteTakingConsumer.NOTE_ECHOED, subject)
                    .json("{\"note\":\"logged\"}").correlationId("corr-" + subject)
                    .header("ce_traceparent", "00-" + traceId + "-" + hex(8) + "-01"));
            awaitTrace("echo-" + subject);
        } finally {
            root.removeHandler(capture);
        }
        assertThat(lines).filteredOn(l -> ("corr-" + subject).equals(l.getMdc("correlationId"))).singleElement()
                .satisfies(line -> {
                    assertThat(line.getMdc("consumer")).isEqualTo(NoteTakingConsumer.NAME);
                    assertThat(line.getMdc("traceId")).isEqualTo(traceId);
                });
    }

    /** The traceparent and tracestate stored with the stream's first event, once it is there. */
    private String[] awaitTrace(String stream) {
        String[][] found = new String[1][];
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            RowIterator<Row> rows = pool.preparedQuery("SELECT traceparent, tracestate FROM events"
                    + " WHERE stream_id = $1 AND version = 1").executeAndAwait(Tuple.of(stream)).iterator();
            if (!rows.hasNext()) {
                return false;
            }
            Row row = rows.next();
            found[0] = new String[]{ row.getString("traceparent"), row.getString("tracestate") };
            return true;
        });
        return found[0];
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
