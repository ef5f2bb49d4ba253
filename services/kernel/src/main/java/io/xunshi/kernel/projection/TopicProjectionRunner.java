package io.xunshi.kernel.projection;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.xunshi.kernel.consumer.CloudEventDecoder;
import io.xunshi.kernel.deadletter.DeadLetterPublisher;
import io.xunshi.kernel.deadletter.DeadLetterTopics;
import io.xunshi.kernel.eventstore.Upcasters;

/**
 * Runs every {@link TopicProjection} of the service, each on a thread of its own with a plain Kafka
 * consumer (see {@link TopicProjectionWorker} for why not a messaging channel), and rebuilds one on
 * demand from the beginning of its topic.
 *
 * <p>Each projection's consumer group is {@code xunshi.<service>.projection.<name>}, so replicas of the
 * service share its partitions. Its lag is the gauge {@code xunshi.projection.lag}, like that of the
 * projections of the own store; the Kafka client's own metrics are bound as well, tagged {@code projection}
 * (e.g. {@code kafka_consumer_fetch_manager_records_lag} per partition, which Micrometer discovers on its
 * one-minute refresh after the first fetch).
 *
 * <p>A record a projection cannot use (not decodable, or lacking what the projection needs) is passed over
 * and written to the projection's dead-letter topic {@code <topic>.<projection>.dlq} with its reason, where
 * operators see it ({@code /dead-letters}); once the projection's code can use such records, a rebuild
 * applies them.
 */
@ApplicationScoped
public class TopicProjectionRunner {

    private final Map<String, TopicProjectionWorker> workers = new LinkedHashMap<>();
    private final Map<String, Thread> threads = new LinkedHashMap<>();
    private final boolean enabled;

    @Inject
    public TopicProjectionRunner(Instance<TopicProjection> projections, Pool pool, CloudEventDecoder decoder,
            ObjectMapper json, Upcasters upcasters, MeterRegistry metrics, DeadLetterPublisher deadLetters,
            DeadLetterTopics deadLetterTopics,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            @ConfigProperty(name = "xunshi.service.name") String service,
            @ConfigProperty(name = "xunshi.projection.batch-size", defaultValue = "500") int batchSize,
            @ConfigProperty(name = "xunshi.projection.enabled", defaultValue = "true") boolean enabled) {
        this.enabled = enabled;
        // Every kafka.* key (bootstrap servers, and the SASL and TLS settings the principal authenticates with).
        Map<String, Object> kafka = new HashMap<>(kafkaConfig);
        kafka.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        kafka.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        kafka.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        kafka.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, batchSize);
        // A replica that dies without leaving the group (SIGKILL, OOM) keeps its partitions until its session
        // times out; only then do the other replicas, or the same service restarted, take them over. 10 s
        // instead of the client's default 45 s bounds that pause (the heartbeat stays well inside it).
        kafka.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        kafka.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
        for (TopicProjection projection : projections) {
            String deadLetterTopic = DeadLetterTopics.forProjection(projection.topic(), projection.name());
            deadLetterTopics.registerProjection(projection.name(), projection.topic());
            TopicProjectionWorker worker = new TopicProjectionWorker(projection, pool, decoder, json, upcasters,
                    metrics, kafka,
                    "xunshi." + service + ".projection." + projection.name(),
                    (record, reason) -> deadLetters.publish(deadLetterTopic, record, reason));
            if (workers.putIfAbsent(projection.name(), worker) != null) {
                throw new IllegalStateException("two topic projections are named " + projection.name());
            }
            Gauge.builder("xunshi.projection.lag", worker, TopicProjectionWorker::lag)
                    .description("Records of the projection's topic it has not applied yet")
                    .tag("projection", projection.name()).register(metrics);
        }
    }

    void start(@Observes StartupEvent started) {
        if (!enabled) {
            return;
        }
        workers.forEach((name, worker) -> {
            Thread thread = new Thread(worker, "xunshi-projection-" + name);
            thread.setDaemon(true);
            threads.put(name, thread);
            thread.start();
        });
    }

    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        workers.values().forEach(TopicProjectionWorker::stop);
        for (Thread thread : threads.values()) {
            thread.join(10_000);
        }
    }

    /** The names of the topic projections, with the topic each reads. */
    public Map<String, String> topics() {
        Map<String, String> topics = new LinkedHashMap<>();
        workers.forEach((name, worker) -> topics.put(name, worker.topic()));
        return topics;
    }

    /** Records of its topic the projection had not applied at its last poll. */
    public long lag(String name) {
        return workers.get(name).lag();
    }

    /**
     * Resets the projection and re-reads its topic from the beginning to the end offsets found when the
     * rebuild starts, in one transaction, then lets the live feed resume from there. With projections
     * disabled ({@code xunshi.projection.enabled=false}) there is no live feed, and the rebuild runs on a
     * worker thread.
     */
    public Uni<RebuildReport> rebuild(String name) {
        TopicProjectionWorker worker = workers.get(name);
        if (worker == null) {
            throw new IllegalArgumentException("no topic projection is named " + name);
        }
        if (!threads.containsKey(name)) {
            return Uni.createFrom().item(worker::rebuildNow).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        }
        return Uni.createFrom().completionStage(worker::requestRebuild);
    }
}
