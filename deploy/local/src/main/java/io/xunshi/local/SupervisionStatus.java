package io.xunshi.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * What the launcher's {@link Supervisor} knows about one process, written to a file on every change so that
 * {@code xunshi status} (another JVM) can show it.
 *
 * @param state    {@link State#UP} while the process runs, {@link State#RESTARTING} between an exit and the next start
 * @param pid      the running process, or the one that exited while restarting
 * @param restarts how many times it was restarted since the launcher started it
 * @param lastExit how the last run ended, e.g. "exit code 137, SIGKILL", or {@code null} if it never exited
 * @param since    when it entered {@code state}
 */
record SupervisionStatus(State state, long pid, int restarts, String lastExit, Instant lastExitAt, Instant since) {

    enum State {

        UP, RESTARTING;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    void write(Path file) {
        Properties properties = new Properties();
        properties.setProperty("state", state.label());
        properties.setProperty("pid", Long.toString(pid));
        properties.setProperty("restarts", Integer.toString(restarts));
        if (lastExit != null) {
            properties.setProperty("lastExit", lastExit);
            properties.setProperty("lastExitAt", lastExitAt.toString());
        }
        properties.setProperty("since", since.toString());
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer out = Files.newBufferedWriter(temporary)) {
                properties.store(out, "written by the Xunshi launcher's supervisor");
            }
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Removes the status files an earlier launcher left. */
    static void clear(Path directory) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + directory, e);
        }
    }

    /** The recorded status, or empty if there is none or it cannot be read. */
    static Optional<SupervisionStatus> read(Path file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
            String lastExitAt = properties.getProperty("lastExitAt");
            return Optional.of(new SupervisionStatus(
                    State.valueOf(properties.getProperty("state", "").toUpperCase(Locale.ROOT)),
                    Long.parseLong(properties.getProperty("pid", "0")),
                    Integer.parseInt(properties.getProperty("restarts", "0")),
                    properties.getProperty("lastExit"),
                    lastExitAt == null ? null : Instant.parse(lastExitAt),
                    Instant.parse(properties.getProperty("since"))));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** For {@code xunshi status}: e.g. "up, 2 restarts, last exit: exit code 137, SIGKILL at 2026-…". */
    String describe() {
        StringBuilder text = new StringBuilder(state.label());
        text.append(", ").append(restarts).append(restarts == 1 ? " restart" : " restarts");
        if (lastExit != null) {
            text.append(", last exit: ").append(lastExit).append(" at ").append(lastExitAt);
        }
        return text.toString();
    }
}
