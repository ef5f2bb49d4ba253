package io.xunshi.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * How busy the machine and the benchmark's JVM were while one scenario ran: the load average before and
 * after, and the garbage collections of this JVM — which also runs the relay and, unless an external one
 * is used, the Kafka broker.
 */
record Conditions(double seconds, String loadBefore, String loadAfter, long collections, long collectionMillis) {

    /** A reading taken before a scenario, to compare with one taken after it. */
    record Reading(long nanos, String load, long collections, long collectionMillis) {

        static Reading now() {
            long count = 0;
            long millis = 0;
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                count += Math.max(0, gc.getCollectionCount());
                millis += Math.max(0, gc.getCollectionTime());
            }
            return new Reading(System.nanoTime(), Machine.loadAverage(), count, millis);
        }

        Conditions until(Reading after) {
            return new Conditions((after.nanos - nanos) / 1e9, load, after.load, after.collections - collections,
                    after.collectionMillis - collectionMillis);
        }
    }

    String markdown() {
        return "*Conditions:* " + Format.number(seconds) + " s; load average " + loadBefore + " before, " + loadAfter
                + " after; " + collections + " garbage collections in the benchmark JVM, " + collectionMillis
                + " ms in total.";
    }
}
