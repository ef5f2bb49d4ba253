package io.xunshi.local;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

import io.xunshi.postgres.PostgresException;
import io.xunshi.postgres.PostgresServer;

/**
 * PostgreSQL on a persistent data directory, through {@link PostgresServer}: initialised on the first
 * start, reused afterwards. pg_ctl runs the server as a daemon, so it is no child of this JVM; it is
 * watched through the PID in its {@code postmaster.pid}.
 */
final class LocalPostgres implements Supervised {

    private static final Duration LEFTOVER_GRACE = Duration.ofSeconds(60);

    private final PostgresServer server;
    private final ProcessHandle postmaster;

    private LocalPostgres(PostgresServer server, ProcessHandle postmaster) {
        this.server = server;
        this.postmaster = postmaster;
    }

    /**
     * Starts the server (password authentication for every login; the superuser's password is kept in the
     * secrets directory) and creates the platform's database and its owner if they are missing. */
    static LocalPostgres start(Path dataDirectory, int port, Path logFile, String superuserPassword) {
        PostgresServer server;
        try {
            server = PostgresServer.start(dataDirectory, port, logFile, false, superuserPassword);
        } catch (PostgresException e) {
            throw LaunchException.failure("PostgreSQL failed to start: " + e.getMessage());
        }
        try {
            server.createDatabase(DatabaseAddress.NAME, DatabaseAddress.USER, DatabaseAddress.PASSWORD);
        } catch (PostgresException e) {
            server.stop();
            throw LaunchException.failure("cannot create the database: " + e.getMessage());
        }
        Optional<ProcessHandle> postmaster = runningPostmaster(server.dataDirectory());
        if (postmaster.isEmpty()) {
            server.stop();
            throw LaunchException.failure(LogFiles.report("PostgreSQL started but is not running.", logFile));
        }
        return new LocalPostgres(server, postmaster.get());
    }

    /**
     * The server running on {@code dataDirectory}: the PID in {@code postmaster.pid}, if that process is
     * alive, is a {@code postgres} and serves this very directory (the file's second line).
     */
    static Optional<ProcessHandle> runningPostmaster(Path dataDirectory) {
        List<String> lines;
        try {
            lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
        } catch (IOException e) {
            return Optional.empty();
        }
        if (lines.size() < 2 || !lines.get(0).trim().matches("\\d+")
                || !Path.of(lines.get(1).trim()).equals(dataDirectory.toAbsolutePath())) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> Path.of(c).getFileName().toString().equals("postgres"))
                        .orElse(false));
    }

    /**
     * Stops a server that an earlier, killed launcher left running on {@code dataDirectory}. SIGTERM asks
     * for a "smart" shutdown, as {@code pg_ctl stop -m smart} does: it waits for open sessions, so the
     * services that held them must be gone first. PostgreSQL is never killed outright, which could leave
     * its shared memory behind.
     */
    static void stopLeftover(Path dataDirectory, PrintWriter out) {
        runningPostmaster(dataDirectory).ifPresent(postmaster -> {
            out.println("Stopping PostgreSQL left over from an earlier run (pid " + postmaster.pid() + ").");
            postmaster.destroy();
            if (!Processes.awaitExit(postmaster, LEFTOVER_GRACE)) {
                throw LaunchException.failure("PostgreSQL left over from an earlier run (pid " + postmaster.pid()
                        + ") did not stop within " + LEFTOVER_GRACE.toSeconds() + " s; stop it with 'kill -INT "
                        + postmaster.pid() + "' and try again.");
            }
        });
    }

    DatabaseAddress address() {
        return new DatabaseAddress("127.0.0.1", server.port());
    }

    @Override
    public Path logFile() {
        return server.logFile();
    }

    ProcessHandle postmaster() {
        return postmaster;
    }

    @Override
    public long pid() {
        return postmaster.pid();
    }

    @Override
    public boolean isAlive() {
        return postmaster.isAlive();
    }

    @Override
    public CompletableFuture<ProcessHandle> onExit() {
        return postmaster.onExit();
    }

    /** pg_ctl runs the server as a daemon, no child of the launcher, so its exit code is not known. */
    @Override
    public OptionalInt exitCode() {
        return OptionalInt.empty();
    }

    /**
     * A fast shutdown through pg_ctl: open transactions are rolled back, committed data is kept.
     *
     * @throws PostgresException if pg_ctl fails
     */
    @Override
    public void stop() {
        server.stop();
    }
}
