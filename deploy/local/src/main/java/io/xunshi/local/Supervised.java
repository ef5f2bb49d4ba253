package io.xunshi.local;

import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/** A running process that a {@link Supervisor} watches and restarts: a service, Kafka or PostgreSQL. */
interface Supervised {

    long pid();

    boolean isAlive();

    /** Completes when the process has exited. */
    CompletableFuture<?> onExit();

    /** Its exit code, once it has exited; empty if it is no child of the launcher (PostgreSQL's postmaster). */
    OptionalInt exitCode();

    Path logFile();

    /** Stops it (gracefully, then forcibly) and returns once it is gone. */
    void stop();
}
