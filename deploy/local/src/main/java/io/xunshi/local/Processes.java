package io.xunshi.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Helpers for processes that are not necessarily children of this JVM. */
final class Processes {

    private static final Duration AFTER_KILL = Duration.ofSeconds(5);

    private Processes() {
    }

    /** The {@code java} binary running the launcher, so every child runs on the same JDK. */
    static String java() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * Asks the process and then its descendants to stop (SIGTERM) and kills (SIGKILL) whatever is still
     * running after {@code grace}. Descendants are collected first: once their parent has exited they are
     * re-parented and no longer findable through it.
     */
    static void terminate(ProcessHandle process, Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        long deadline = System.nanoTime() + grace.toNanos();
        stop(process, deadline);
        // signal all first so they shut down side by side, then wait for each
        descendants.forEach(ProcessHandle::destroy);
        descendants.forEach(descendant -> stop(descendant, deadline));
    }

    private static void stop(ProcessHandle process, long deadline) {
        process.destroy();
        if (!awaitExit(process, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
            process.destroyForcibly();
            awaitExit(process, AFTER_KILL);
        }
    }

    static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
