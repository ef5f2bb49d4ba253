package io.xunshi.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.apache.kafka.common.utils.AppInfoParser;

/** What the run ran on, as the report states it, including how busy the machine was. */
record Machine(int processors, String memory, String java, String postgres, String postgresDurability,
        String kafka, String loadAtStart, String loadAtEnd, Instant startedAt) {

    /** The load average now: 1, 5 and 15 minutes. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " / " + fields[1] + " / " + fields[2];
        } catch (IOException e) {
            return String.format("%.2f (1 min)", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    static String totalMemory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kib = Long.parseLong(line.replaceAll("\\D", ""));
                    return String.format("%.1f GiB", kib / 1024.0 / 1024.0);
                }
            }
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
        return "unknown";
    }

    static String javaVersion() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                + System.getProperty("java.vendor") + ")";
    }

    static String kafkaVersion(boolean embedded) {
        return "Kafka " + AppInfoParser.getVersion() + (embedded
                ? " (single KRaft broker, in the benchmark's JVM)"
                : " client (external broker)");
    }

    String markdown() {
        return "| | |\n|---|---|\n"
                + "| Run started | " + startedAt.truncatedTo(ChronoUnit.SECONDS) + " |\n"
                + "| Processors (nproc) | " + processors + " |\n"
                + "| Memory | " + memory + " |\n"
                + "| Java | " + java + " |\n"
                + "| PostgreSQL | " + postgres + " |\n"
                + "| PostgreSQL durability | " + postgresDurability + " |\n"
                + "| Kafka | " + kafka + " |\n"
                + "| Load average at start (1 / 5 / 15 min) | " + loadAtStart + " |\n"
                + "| Load average at end | " + loadAtEnd + " |\n";
    }
}
