package io.xunshi.local;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Keeps one process running, as an orchestrator would: when it exits on its own, reports that on the console
 * (one line, with its exit code), waits as {@link Backoff} says, starts it again with the same {@code starter}
 * (a start that fails counts as a crash too), and records every change in a {@link SupervisionStatus} file.
 * It never gives up; {@link #stop()} ends the supervision and the process.
 *
 * <p>Restarts happen under this object's lock, which {@code stop()} takes too, after marking the supervision
 * stopped: so once {@code stop()} has the lock no further process is started, and the one it stops is the last.
 */
final class Supervisor {

    private final String name;
    private final Supplier<? extends Supervised> starter;
    private final Backoff backoff;
    private final PrintWriter out;
    private final Path statusFile;
    private final Clock clock;
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private final Thread thread;

    private Supervised current;
    private Instant startedAt;
    private int restarts;
    private String lastExit;
    private Instant lastExitAt;

    /**
     * Supervises {@code running}, already started by {@code starter}, from now on.
     *
     * @param name       as the console names it, e.g. "planning" or "Kafka"
     * @param statusFile where {@code xunshi status} reads what this supervisor knows
     */
    Supervisor(String name, Supervised running, Supplier<? extends Supervised> starter, Backoff backoff,
            PrintWriter out, Path statusFile) {
        this.name = name;
        this.starter = starter;
        this.backoff = backoff;
        this.out = out;
        this.statusFile = statusFile;
        this.clock = Clock.systemUTC();
        this.current = running;
        this.startedAt = clock.instant();
        record(SupervisionStatus.State.UP, running.pid());
        this.thread = new Thread(this::superviseUntilStopped, "supervise-" + name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    String name() {
        return name;
    }

    synchronized Supervised current() {
        return current;
    }

    synchronized int restarts() {
        return restarts;
    }

    private void superviseUntilStopped() {
        Duration delay = null;
        while (true) {
            Supervised watched = current();
            CompletableFuture.anyOf(watched.onExit(), stopped).join();
            if (stopped.isDone()) {
                return;
            }
            Instant exitedAt = clock.instant();
            Duration ranFor;
            synchronized (this) {
                ranFor = Duration.between(startedAt, exitedAt);
                lastExit = exitDescription(watched.exitCode());
                lastExitAt = exitedAt;
            }
            delay = backoff.next(delay, ranFor);
            record(SupervisionStatus.State.RESTARTING, watched.pid());
            out.println(String.format(Locale.ROOT, "%s (pid %d) exited (%s) after %s; restarting it in %s "
                    + "(log: %s).", name, watched.pid(), lastExit, seconds(ranFor), seconds(delay), watched.logFile()));
            while (!restartAfter(delay)) {
                if (stopped.isDone()) {
                    return;
                }
                delay = backoff.next(delay, Duration.ZERO);
                out.println(String.format(Locale.ROOT, "%s: trying again in %s.", name, seconds(delay)));
            }
            if (stopped.isDone()) {
                return;
            }
        }
    }

    /** Waits {@code delay}, then starts the process again; false if that start failed (or it was stopped). */
    private boolean restartAfter(Duration delay) {
        if (awaitStop(delay)) {
            return false;
        }
        synchronized (this) {
            if (stopped.isDone()) {
                return false;
            }
            Supervised started;
            try {
                started = starter.get();
            } catch (RuntimeException e) {
                out.println(name + " could not be restarted: " + e.getMessage());
                return false;
            }
            current = started;
            startedAt = clock.instant();
            restarts++;
            record(SupervisionStatus.State.UP, started.pid());
            out.println(
                    String.format(Locale.ROOT, "%s restarted (pid %d), restart %d.", name, started.pid(), restarts));
            return true;
        }
    }

    /** Sleeps {@code delay}, waking early if stopped; true if stopped. */
    private boolean awaitStop(Duration delay) {
        try {
            stopped.get(delay.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private synchronized void record(SupervisionStatus.State state, long pid) {
        new SupervisionStatus(state, pid, restarts, lastExit, lastExitAt, clock.instant()).write(statusFile);
    }

    /** Ends the supervision, then stops the process if it runs; blocks until it is gone. Safe to call twice. */
    void stop() {
        stopped.complete(null);
        synchronized (this) {
            if (current.isAlive()) {
                current.stop();
            }
        }
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String exitDescription(OptionalInt exitCode) {
        if (exitCode.isEmpty()) {
            return "exit code unknown: not a child of the launcher";
        }
        int code = exitCode.getAsInt();
        String signal = switch (code) {
            case 128 + 9 -> ", SIGKILL";
            case 128 + 15 -> ", SIGTERM";
            case 128 + 6 -> ", SIGABRT";
            case 128 + 11 -> ", SIGSEGV";
            default -> "";
        };
        return "exit code " + code + signal;
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
