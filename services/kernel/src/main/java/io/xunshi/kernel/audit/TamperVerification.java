package io.xunshi.kernel.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Identifier;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.xunshi.kernel.api.ProblemException;
import io.xunshi.kernel.api.ProblemType;
import io.xunshi.kernel.domain.Jurisdictions;
import io.xunshi.kernel.eventstore.EventStore;
import io.xunshi.kernel.eventstore.GlobalPosition;
import io.xunshi.kernel.eventstore.RawEvent;

/**
 * Verifies the whole event store against its hash chains and against the service's Kafka topic as a
 * witness, stream by stream, reporting every finding (docs/adr/0011-tamper-verification.md). First the
 * relay's checkpoint is read, then the topic up to its end, then the store: so every event at or before
 * the checkpoint was on the topic when it was read, and every event on the topic was committed to the store.
 *
 * <p>Blocking (it runs on a worker thread), one at a time per service instance, and bounded by
 * {@code xunshi.audit.verification-timeout}.
 */
@ApplicationScoped
public class TamperVerification {

    private static final Logger LOG = Logger.getLogger(TamperVerification.class);
    private static final int PAGE = 5_000;
    /** The row {@link io.xunshi.kernel.outbox.OutboxRelay} keeps its checkpoint in. */
    private static final String RELAY_CHECKPOINT = "SELECT tx_id::text AS tx, position FROM checkpoints"
            + " WHERE name = 'outbox-relay'";

    private final EventStore store;
    private final Map<String, Object> kafkaConfig;
    private final String topic;
    private final String service;
    private final Duration timeout;
    /** One verification at a time per instance; the next callers wait their turn, in order. */
    private final Semaphore turn = new Semaphore(1, true);
    private final Counter verifiedEvents;
    private final Counter findingsMade;

    @Inject
    public TamperVerification(EventStore store, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            @ConfigProperty(name = "xunshi.kafka.topic") String topic,
            @ConfigProperty(name = "xunshi.service.name") String service,
            @ConfigProperty(name = "xunshi.audit.verification-timeout", defaultValue = "25s") Duration timeout,
            MeterRegistry metrics) {
        this.store = store;
        this.kafkaConfig = kafkaConfig;
        this.topic = topic;
        this.service = service;
        this.timeout = timeout;
        this.verifiedEvents = Counter.builder("xunshi.audit.verified.events")
                .description("Stored events walked by tamper verifications").register(metrics);
        this.findingsMade = Counter.builder("xunshi.audit.findings")
                .description("Tampered events found by tamper verifications, whatever the caller's scope")
                .register(metrics);
    }

    /**
     * Walks the whole store and reports on the streams of {@code scope}'s subtree (a stream counts as in it
     * when its stored or its witnessed jurisdiction is), with at most {@code limit} findings listed.
     *
     * <p>Verifications run one at a time per instance: a caller waits for the one running (at most the
     * verification timeout) before its own starts.
     *
     * @throws ProblemException 429 when other verifications kept this instance busy for the whole timeout, 503
     *     when this one ran out of time
     */
    public VerificationReport verify(String scope, int limit) {
        try {
            if (!turn.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ProblemException(ProblemType.TOO_MANY_REQUESTS, "other verifications kept this instance"
                        + " of " + service + " busy for " + timeout + "; ask again when they have finished");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(ProblemType.UNAVAILABLE, "the verification was interrupted");
        }
        try {
            return run(scope, limit);
        } catch (TopicWitness.VerificationTimedOut e) {
            throw new ProblemException(ProblemType.UNAVAILABLE, "the verification did not finish within " + timeout
                    + " (xunshi.audit.verification-timeout); nothing was concluded");
        } finally {
            turn.release();
        }
    }

    private VerificationReport run(String scope, int limit) {
        Instant started = Instant.now();
        Instant deadline = started.plus(timeout);
        GlobalPosition relayed = relayCheckpoint(deadline);
        TopicWitness.Witnessed witnessed = TopicWitness.read(kafkaConfig, topic, "xunshi-" + service
                + "-tamper-verification", deadline);
        Map<String, WitnessedStream> unseen = witnessed.streams();
        Tally tally = new Tally(scope, limit);

        Instant witnessRead = Instant.now();
        String current = null;
        List<RawEvent> rows = new ArrayList<>();
        // Each page is checked while the next one is read.
        CompletableFuture<List<RawEvent>> next = read("", 0);
        while (next != null) {
            List<RawEvent> page = await(next, deadline);
            next = null;
            if (page.size() == PAGE) {
                RawEvent last = page.get(page.size() - 1);
                next = read(last.event().streamId(), last.event().version());
            }
            for (RawEvent r : page) {
                String stream = r.event().streamId();
                if (!stream.equals(current)) {
                    if (current != null) {
                        tally.add(StreamAudit.check(current, rows, unseen.remove(current), relayed));
                    }
                    current = stream;
                    rows = new ArrayList<>();
                }
                rows.add(r);
            }
            verifiedEvents.increment(page.size());
        }
        if (current != null) {
            tally.add(StreamAudit.check(current, rows, unseen.remove(current), relayed));
        }
        for (Map.Entry<String, WitnessedStream> gone : unseen.entrySet()) {
            tally.add(StreamAudit.check(gone.getKey(), List.of(), gone.getValue(), relayed));
        }
        long millis = Duration.between(started, Instant.now()).toMillis();
        findingsMade.increment(tally.allFindings);
        long topicMillis = Duration.between(started, witnessRead).toMillis();
        if (tally.allFindings > 0) {
            LOG.warnf("Tamper verification of %s found %d tampered events in the store (%d streams, %d events and %d"
                    + " topic records walked in %d ms, of which %d ms reading the topic)", service, tally.allFindings,
                    tally.allStreams, tally.allEvents, witnessed.records(), millis, topicMillis);
        } else {
            LOG.infof(
                    "Tamper verification of %s: %d streams, %d events and %d topic records verified in %d ms, of which"
                            + " %d ms reading the topic",
                    service, tally.allStreams, tally.allEvents, witnessed.records(), millis,
                    topicMillis);
        }
        return new VerificationReport(service, tally.findingsTotal == 0, scope, tally.streams, tally.events,
                new VerificationReport.Witness(topic, witnessed.records(), witnessed.unreadable(), relayed.toString()),
                tally.findingsTotal, tally.byKind, tally.listed, started, millis);
    }

    private CompletableFuture<List<RawEvent>> read(String afterStream, int afterVersion) {
        return store.readRaw(afterStream, afterVersion, PAGE).subscribeAsCompletionStage();
    }

    private static List<RawEvent> await(CompletableFuture<List<RawEvent>> page, Instant deadline) {
        try {
            return page.get(TopicWitness.remaining(deadline).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            page.cancel(true);
            throw new TopicWitness.VerificationTimedOut();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the verification was interrupted", e);
        }
    }

    private GlobalPosition relayCheckpoint(Instant deadline) {
        RowSet<Row> rows = store.pool().query(RELAY_CHECKPOINT).execute().await()
                .atMost(TopicWitness.remaining(deadline));
        if (rows.size() == 0) {
            return GlobalPosition.START;
        }
        Row row = rows.iterator().next();
        return new GlobalPosition(Long.parseUnsignedLong(row.getString("tx")), row.getLong("position"));
    }

    /** Counts for the caller's scope and for the whole store. */
    private static final class Tally {

        private final String scope;
        private final int limit;
        long streams;
        long events;
        long findingsTotal;
        long allStreams;
        long allEvents;
        long allFindings;
        final Map<String, Long> byKind = new LinkedHashMap<>();
        final List<TamperFinding> listed = new ArrayList<>();

        Tally(String scope, int limit) {
            this.scope = scope;
            this.limit = limit;
            for (TamperKind kind : TamperKind.values()) {
                byKind.put(kind.label(), 0L);
            }
        }

        void add(StreamAudit.Result result) {
            allStreams++;
            allEvents += result.storedEvents();
            allFindings += result.findings().size();
            if (result.jurisdictions().stream().noneMatch(j -> Jurisdictions.contains(scope, j))) {
                return;
            }
            streams++;
            events += result.storedEvents();
            findingsTotal += result.findings().size();
            for (TamperFinding finding : result.findings()) {
                byKind.merge(finding.kind(), 1L, Long::sum);
                if (listed.size() < limit) {
                    listed.add(finding);
                }
            }
        }
    }
}
