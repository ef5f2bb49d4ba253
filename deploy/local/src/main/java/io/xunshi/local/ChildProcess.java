package io.xunshi.local;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/**
 * A program started as a separate OS process, with its stdout and stderr appended to a log file and its
 * PID recorded in a {@link PidFile} while it runs.
 */
final class ChildProcess implements Supervised {

    /** How long a child gets to shut down after SIGTERM before it is killed. */
    static final Duration GRACE = Duration.ofSeconds(20);

    /*
     * The terminal sends Ctrl-C (SIGINT) to the whole foreground process group, children included. They
     * ignore it so that only the launcher reacts and stops them in order (services first, then Kafka);
     * they still stop on the SIGTERM the launcher sends. An ignored signal stays ignored across exec, and
     * the JVM leaves it so.
     */
    private static final List<String> IGNORING_SIGINT = List.of("/bin/sh", "-c", "trap '' INT; exec \"$@\"", "sh");

    private final String name;
    private final Process process;
    private final Path logFile;
    private final PidFile pidFile;

    private ChildProcess(String name, Process process, Path logFile, PidFile pidFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.pidFile = pidFile;
    }

    static ChildProcess start(String name, List<String> command, Map<String, String> environment,
            Path workingDirectory, Path logFile, PidFile pidFile) {
        List<String> wrapped = new ArrayList<>(IGNORING_SIGINT);
        wrapped.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(wrapped)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(workingDirectory);
            Files.createDirectories(logFile.getParent());
            Files.writeString(logFile, "==== " + Instant.now() + " starting " + name + " ====\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            Process process = builder.start();
            process.getOutputStream().close();
            pidFile.write(process.toHandle());
            return new ChildProcess(name, process, logFile, pidFile);
        } catch (IOException e) {
            throw LaunchException.failure("cannot start " + name + ": " + e.getMessage());
        }
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public Path logFile() {
        return logFile;
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    @Override
    public OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    /** Why the process is gone, for messages; only meaningful once it has exited. */
    String exitDescription() {
        return name + " exited with code " + process.exitValue();
    }

    /** SIGTERM, up to {@link #GRACE} to exit, then SIGKILL; descendants likewise. Blocks until all are gone. */
    @Override
    public void stop() {
        Processes.terminate(process.toHandle(), GRACE);
        pidFile.delete();
    }
}
