package io.xunshi.benchmarks;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The far end of the end-to-end latency scenario, run in a JVM of its own as a downstream service would
 * be: a plain {@link KafkaConsumer} on the given topics, from their current end, that prints
 * {@code READY} once it is positioned and then, for every record, {@code <topic> <seq> <latency µs>} where
 * the latency is its wall clock on receipt minus the {@code sentAtMicros} of the record's payload. It
 * exits once it has received {@code count} records from every topic.
 *
 * <pre>
 * java -cp &lt;classpath&gt; io.xunshi.benchmarks.LatencyConsumer &lt;bootstrap&gt; &lt;count&gt; &lt;topic&gt;...
 * </pre>
 */
public final class LatencyConsumer {

    private LatencyConsumer() {
    }

    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: LatencyConsumer <bootstrap servers> <count per topic> <topic>...");
            System.exit(2);
        }
        String bootstrap = args[0];
        long count = Long.parseLong(args[1]);
        List<String> topics = List.of(args).subList(2, args.length);
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "xunshi-bench-latency-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        PrintWriter out = new PrintWriter(
                new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                for (PartitionInfo p : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                    partitions.add(new TopicPartition(topic, p.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            out.println("READY");
            out.flush();
            Map<String, Long> received = new HashMap<>();
            topics.forEach(t -> received.put(t, 0L));
            while (received.values().stream().anyMatch(n -> n < count)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
                    String value = record.value();
                    out.print(record.topic());
                    out.print(' ');
                    out.print(number(value, "\"seq\":"));
                    out.print(' ');
                    out.println(now - number(value, "\"sentAtMicros\":"));
                    received.merge(record.topic(), 1L, Long::sum);
                }
                out.flush();
            }
        }
        out.flush();
    }

    /** The integer that follows {@code field} in a JSON text, read without a JSON parser. */
    static long number(String json, String field) {
        int at = json.indexOf(field);
        if (at < 0) {
            throw new IllegalArgumentException("no " + field + " in " + json);
        }
        int i = at + field.length();
        long value = 0;
        while (i < json.length() && Character.isDigit(json.charAt(i))) {
            value = value * 10 + (json.charAt(i++) - '0');
        }
        return value;
    }
}
