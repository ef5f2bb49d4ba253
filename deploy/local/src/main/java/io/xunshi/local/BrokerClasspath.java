package io.xunshi.local;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The classpath the Kafka broker JVM runs with. Installed, it is the {@code lib} folder next to the
 * launcher jar, which holds kafka_2.13 and its dependencies; in tests it is the test JVM's own classpath,
 * which holds them too.
 */
record BrokerClasspath(String value) {

    static BrokerClasspath libDirectory(Path lib) {
        if (!Files.isDirectory(lib)) {
            throw LaunchException.failure("Kafka's libraries are missing: " + lib + " does not exist; build the "
                    + "launcher with ./mvnw -DskipTests package (or run ./xunshi run without --no-build).");
        }
        // the java launcher expands "dir/*" to every jar in dir
        return new BrokerClasspath(lib.toAbsolutePath() + "/*");
    }

    static BrokerClasspath currentJvm() {
        return new BrokerClasspath(System.getProperty("java.class.path"));
    }
}
