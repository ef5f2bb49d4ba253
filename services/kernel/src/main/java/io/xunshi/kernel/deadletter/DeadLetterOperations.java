package io.xunshi.kernel.deadletter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.TimeoutException;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.kernel.api.Cursor;
import io.xunshi.kernel.api.Page;
import io.xunshi.kernel.api.Problem;
import io.xunshi.kernel.api.ProblemException;
import io.xunshi.kernel.api.ProblemType;
import io.xunshi.kernel.consumer.EventConsumer;
import io.xunshi.kernel.consumer.EventConsumers;
import io.xunshi.kernel.consumer.Handled;
import io.xunshi.kernel.consumer.Undeliverable;
import io.xunshi.kernel.domain.Jurisdictions;
import io.xunshi.kernel.security.Caller;

/**
 * What an operator does with dead letters: list them with their reasons and what became of them, read one,
 * and re-drive one or all of a consumer's through the consumer that gave up on them, once the cause is fixed.
 *
 * <p>A letter is visible to a caller whose subtree holds the event's jurisdiction ({@code ce_jurisdiction});
 * a letter without a valid one (a record too broken to say) only to the Centre.
 */
@ApplicationScoped
public class DeadLetterOperations {

    private static final Logger LOG = Logger.getLogger(DeadLetterOperations.class);
    private static final int PAYLOAD_LIMIT = 64 * 1024;
    private static final String OUTCOMES = "SELECT dlq_partition, dlq_offset, outcome, detail, redriven_by, redriven_at"
            + " FROM dead_letter_redrives WHERE consumer = $1";
    private static final String RECORD = "INSERT INTO dead_letter_redrives (consumer, dlq_partition, dlq_offset, event_id,"
            + " outcome, detail, redriven_by) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (consumer, dlq_partition,"
            + " dlq_offset) DO UPDATE SET event_id = EXCLUDED.event_id, outcome = EXCLUDED.outcome,"
            + " detail = EXCLUDED.detail, redriven_by = EXCLUDED.redriven_by, redriven_at = clock_timestamp()";

    public enum Status {
        PENDING, REDRIVEN, ALREADY_HANDLED, FAILED
    }

    private record Outcome(Status status, String detail, String by, Instant at) {
    }

    private final DeadLetterTopics topics;
    private final DeadLetterLog log;
    private final EventConsumers consumers;
    private final Pool pool;
    private final Duration redriveTimeout;

    @Inject
    public DeadLetterOperations(DeadLetterTopics topics, DeadLetterLog log, EventConsumers consumers, Pool pool,
            @ConfigProperty(name = "xunshi.dead-letters.redrive-timeout",
                    defaultValue = "30s") Duration redriveTimeout) {
        this.topics = topics;
        this.log = log;
        this.consumers = consumers;
        this.pool = pool;
        this.redriveTimeout = redriveTimeout;
    }

    /** The letters the caller may see, in consumer, partition and offset order, filtered, a page at a time. */
    public Page<DeadLetterView> list(Caller caller, String consumer, Status status, String cursor, int limit) {
        List<String> after = Cursor.decode(cursor, 3);
        List<DeadLetterTopics.Topic> wanted = consumer == null ? topics.all() : List.of(topic(consumer));
        List<DeadLetterView> items = new ArrayList<>();
        for (DeadLetterTopics.Topic topic : wanted) {
            if (!after.isEmpty() && topic.consumer().compareTo(after.get(0)) < 0) {
                continue;
            }
            Map<String, Outcome> outcomes = outcomes(topic.consumer());
            for (DeadLetter letter : log.readAll(topic)) {
                if (!after.isEmpty() && !isAfter(letter, after)) {
                    continue;
                }
                if (!visible(caller, letter)) {
                    continue;
                }
                DeadLetterView view = view(letter, outcomes.get(key(letter.partition(), letter.offset())), false);
                if (status != null && !status.name().equals(view.status())) {
                    continue;
                }
                if (items.size() == limit) {
                    DeadLetterView last = items.get(items.size() - 1);
                    return new Page<>(items, cursorAfter(last));
                }
                items.add(view);
            }
        }
        return new Page<>(items, null);
    }

    /** One letter with its payload; 404 when it does not exist or lies outside the caller's subtree. */
    public DeadLetterView get(Caller caller, String id) {
        DeadLetter letter = find(caller, id);
        return view(letter, outcomes(letter.topic().consumer()).get(key(letter.partition(), letter.offset())), true);
    }

    /**
     * Processes the letter again through its consumer. 409 if it was re-driven already (or belongs to a topic
     * projection), 422 if it fails again (the letter stays and may be re-driven later), 503 if the database or
     * broker is not back within the re-drive timeout.
     */
    public DeadLetterView redrive(Caller caller, String id) {
        DeadLetter letter = find(caller, id);
        Outcome before = outcomes(letter.topic().consumer()).get(key(letter.partition(), letter.offset()));
        if (before != null && before.status() != Status.FAILED) {
            throw new ProblemException(ProblemType.ILLEGAL_STATE, "dead letter " + id + " was re-driven already ("
                    + before.status() + " at " + before.at() + ")");
        }
        Outcome outcome = process(caller, letter);
        DeadLetterView view = view(letter, outcome, false);
        if (outcome.status() == Status.FAILED) {
            throw new ProblemException(Problem.of(ProblemType.REDRIVE_FAILED, "dead letter " + id
                    + " failed again: " + outcome.detail()));
        }
        return view;
    }

    /** Re-drives every pending or failed letter of the consumer that the caller may see. */
    public RedriveSummary redriveAll(Caller caller, String consumer) {
        DeadLetterTopics.Topic topic = topic(consumer);
        requireRedrivable(topic);
        Map<String, Outcome> outcomes = outcomes(consumer);
        int attempted = 0;
        int redriven = 0;
        int handled = 0;
        List<DeadLetterView> failures = new ArrayList<>();
        for (DeadLetter letter : log.readAll(topic)) {
            Outcome before = outcomes.get(key(letter.partition(), letter.offset()));
            if (!visible(caller, letter) || (before != null && before.status() != Status.FAILED)) {
                continue;
            }
            attempted++;
            Outcome outcome = process(caller, letter);
            switch (outcome.status()) {
                case REDRIVEN -> redriven++;
                case ALREADY_HANDLED -> handled++;
                default -> failures.add(view(letter, outcome, false));
            }
        }
        return new RedriveSummary(consumer, attempted, redriven, handled, failures.size(), failures);
    }

    private Outcome process(Caller caller, DeadLetter letter) {
        requireRedrivable(letter.topic());
        EventConsumer consumer = consumers.named(letter.topic().consumer()).orElseThrow(() -> new ProblemException(
                ProblemType.ILLEGAL_STATE, "no consumer named " + letter.topic().consumer() + " runs in this service"));
        Outcome outcome;
        try {
            Handled<Void> handled = consumer.redrive(letter.original()).ifNoItem().after(redriveTimeout).fail()
                    .await().indefinitely();
            outcome = new Outcome(handled.duplicate() ? Status.ALREADY_HANDLED : Status.REDRIVEN, null,
                    caller.subject(), Instant.now());
        } catch (Undeliverable undeliverable) {
            outcome = new Outcome(Status.FAILED, undeliverable.getMessage(), caller.subject(), Instant.now());
        } catch (TimeoutException timeout) {
            throw new ProblemException(ProblemType.UNAVAILABLE, "dead letter " + letter.id() + " could not be"
                    + " processed within " + redriveTimeout.toSeconds() + " s: the database or broker is unavailable;"
                    + " try again once it is back");
        }
        pool.preparedQuery(RECORD).executeAndAwait(Tuple.from(List.of(letter.topic().consumer(), letter.partition(),
                letter.offset(), Optional.ofNullable(letter.header("ce_id")).orElse(""), outcome.status().name(),
                outcome.detail() == null ? "" : outcome.detail(), outcome.by())));
        LOG.infof("dead letter %s re-driven by %s: %s%s", letter.id(), caller.subject(), outcome.status(),
                outcome.detail() == null ? "" : " (" + outcome.detail() + ")");
        return outcome;
    }

    private static void requireRedrivable(DeadLetterTopics.Topic topic) {
        if (topic.projection()) {
            throw new ProblemException(ProblemType.ILLEGAL_STATE, topic.consumer() + " is a topic projection: its"
                    + " dead letters are applied by rebuilding it once it can use them"
                    + " (POST /projections/" + topic.consumer() + "/rebuild)");
        }
    }

    private DeadLetter find(Caller caller, String id) {
        int lastDot = id == null ? -1 : id.lastIndexOf('.');
        int dot = lastDot <= 0 ? -1 : id.lastIndexOf('.', lastDot - 1);
        if (dot <= 0) {
            throw new ProblemException(ProblemType.NOT_FOUND, "dead letter " + id + " not found");
        }
        Optional<DeadLetterTopics.Topic> topic = topics.of(id.substring(0, dot));
        int partition;
        long offset;
        try {
            partition = Integer.parseInt(id.substring(dot + 1, lastDot));
            offset = Long.parseLong(id.substring(lastDot + 1));
        } catch (NumberFormatException e) {
            throw new ProblemException(ProblemType.NOT_FOUND, "dead letter " + id + " not found");
        }
        Optional<DeadLetter> letter = topic.flatMap(t -> log.read(t, partition, offset));
        if (letter.isEmpty() || !visible(caller, letter.get())) {
            throw new ProblemException(ProblemType.NOT_FOUND, "dead letter " + id + " not found");
        }
        return letter.get();
    }

    private DeadLetterTopics.Topic topic(String consumer) {
        return topics.of(consumer).orElseThrow(() -> new ProblemException(Problem.of(ProblemType.VALIDATION_FAILED,
                "this service has no consumer named " + consumer).withErrors(
                        List.of(new Problem.FieldError(
                                "consumer",
                                "one of " + topics.all().stream().map(DeadLetterTopics.Topic::consumer).toList())))));
    }

    private static boolean visible(Caller caller, DeadLetter letter) {
        String jurisdiction = letter.header("ce_jurisdiction");
        if (jurisdiction == null || !Jurisdictions.isValid(jurisdiction)) {
            return caller.jurisdiction().equals(Jurisdictions.CENTRE);
        }
        return caller.covers(jurisdiction);
    }

    private Map<String, Outcome> outcomes(String consumer) {
        Map<String, Outcome> outcomes = new HashMap<>();
        for (Row row : pool.preparedQuery(OUTCOMES).executeAndAwait(Tuple.of(consumer))) {
            String detail = row.getString("detail");
            outcomes.put(key(row.getInteger("dlq_partition"), row.getLong("dlq_offset")),
                    new Outcome(Status.valueOf(row.getString("outcome")), detail == null || detail.isEmpty()
                            ? null
                            : detail, row.getString("redriven_by"),
                            row.getOffsetDateTime("redriven_at").toInstant()));
        }
        return outcomes;
    }

    private static String key(int partition, long offset) {
        return partition + ":" + offset;
    }

    private static boolean isAfter(DeadLetter letter, List<String> after) {
        int byConsumer = letter.topic().consumer().compareTo(after.get(0));
        if (byConsumer != 0) {
            return byConsumer > 0;
        }
        try {
            int partition = Integer.parseInt(after.get(1));
            long offset = Long.parseLong(after.get(2));
            return letter.partition() > partition || (letter.partition() == partition && letter.offset() > offset);
        } catch (NumberFormatException e) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "the cursor is not one this list gave out");
        }
    }

    private static String cursorAfter(DeadLetterView last) {
        String id = last.id();
        int lastDot = id.lastIndexOf('.');
        int dot = id.lastIndexOf('.', lastDot - 1);
        return Cursor.encode(id.substring(0, dot), id.substring(dot + 1, lastDot), id.substring(lastDot + 1));
    }

    private static DeadLetterView view(DeadLetter letter, Outcome outcome, boolean withPayload) {
        String payload = null;
        Boolean truncated = null;
        if (withPayload && letter.value() != null) {
            truncated = letter.value().length() > PAYLOAD_LIMIT;
            payload = truncated ? letter.value().substring(0, PAYLOAD_LIMIT) : letter.value();
        }
        Status status = outcome == null ? Status.PENDING : outcome.status();
        return new DeadLetterView(letter.id(), letter.topic().consumer(), letter.topic().deadLetterTopic(),
                letter.deadLetteredAt(), letter.reasonCode(), letter.header("dead-letter-reason"),
                letter.header("dead-letter-cause"), letter.sourceTopic(), letter.sourcePartition(),
                letter.sourceOffset(), letter.header("ce_id"), letter.header("ce_type"), letter.header("ce_subject"),
                letter.header("ce_jurisdiction"), status.name(), outcome == null ? null : outcome.at(),
                outcome == null ? null : outcome.by(), status == Status.FAILED ? outcome.detail() : null,
                !letter.topic().projection(), payload, truncated);
    }

    /** The counts of the letters the caller may see, per consumer and status (GET /dead-letters/summary). */
    public Map<String, Map<Status, Integer>> counts(Caller caller) {
        Map<String, Map<Status, Integer>> counts = new LinkedHashMap<>();
        for (DeadLetterTopics.Topic topic : topics.all()) {
            Map<String, Outcome> outcomes = outcomes(topic.consumer());
            Map<Status, Integer> byStatus = new LinkedHashMap<>();
            for (DeadLetter letter : log.readAll(topic)) {
                if (visible(caller, letter)) {
                    Outcome o = outcomes.get(key(letter.partition(), letter.offset()));
                    byStatus.merge(o == null ? Status.PENDING : o.status(), 1, Integer::sum);
                }
            }
            counts.put(topic.consumer(), byStatus);
        }
        return counts;
    }
}
