package io.xunshi.kernel.deadletter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The dead-letter topics of this service, read from its configuration: every incoming channel with a
 * {@code dead-letter-queue.topic}, and the dead-letter topic of every topic projection
 * ({@code <topic>.<projection>.dlq}, registered by the projection runner). The consumer a topic belongs to
 * is the middle of the platform's naming rule {@code <source topic>.<consumer>.dlq}.
 */
@ApplicationScoped
public class DeadLetterTopics {

    private static final Pattern CHANNEL_DLQ = Pattern
            .compile("mp\\.messaging\\.incoming\\.(.+)\\.dead-letter-queue\\.topic");

    /** One dead-letter topic: whose it is, which topic its records came from, and whether a consumer can re-drive them. */
    public record Topic(String consumer, String sourceTopic, String deadLetterTopic, boolean projection) {
    }

    private final List<Topic> channels;
    private final List<Topic> projections = new java.util.concurrent.CopyOnWriteArrayList<>();

    public DeadLetterTopics() {
        this(ConfigProvider.getConfig());
    }

    DeadLetterTopics(Config config) {
        List<Topic> found = new ArrayList<>();
        for (String name : config.getPropertyNames()) {
            Matcher matcher = CHANNEL_DLQ.matcher(name);
            if (matcher.matches()) {
                String channel = matcher.group(1);
                String strategy = config.getOptionalValue("mp.messaging.incoming." + channel + ".failure-strategy",
                        String.class).orElse("");
                Optional<String> source = config.getOptionalValue("mp.messaging.incoming." + channel + ".topic",
                        String.class);
                if (strategy.equals("dead-letter-queue") && source.isPresent()) {
                    String dlq = config.getValue(name, String.class);
                    found.add(new Topic(consumerOf(source.get(), dlq, channel), source.get(), dlq, false));
                }
            }
        }
        found.sort(Comparator.comparing(Topic::consumer));
        this.channels = List.copyOf(found);
    }

    /** The dead-letter topic of a topic projection: {@code <topic>.<projection>.dlq}. */
    public static String forProjection(String topic, String projection) {
        return topic + "." + projection + ".dlq";
    }

    /** Called by the projection runner for each topic projection it feeds. */
    public void registerProjection(String projection, String topic) {
        if (projections.stream().noneMatch(t -> t.consumer().equals(projection))) {
            projections.add(new Topic(projection, topic, forProjection(topic, projection), true));
        }
    }

    /** Every dead-letter topic, by consumer name. */
    public List<Topic> all() {
        List<Topic> all = new ArrayList<>(channels);
        all.addAll(projections);
        all.sort(Comparator.comparing(Topic::consumer));
        return all;
    }

    public Optional<Topic> of(String consumer) {
        return all().stream().filter(t -> t.consumer().equals(consumer)).findFirst();
    }

    private static String consumerOf(String source, String dlq, String channel) {
        String prefix = source + ".";
        if (dlq.startsWith(prefix) && dlq.endsWith(".dlq") && dlq.length() > prefix.length() + 4) {
            return dlq.substring(prefix.length(), dlq.length() - 4);
        }
        return channel;
    }
}
