package io.xunshi.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A file naming a process this launcher started, so that a later run can find it again, for instance
 * after the launcher itself was killed with SIGKILL. Besides the PID it records the process's start
 * time: a PID alone may by then belong to an unrelated process.
 */
record PidFile(Path path) {

    void write(ProcessHandle process) {
        String started = process.info().startInstant().map(Instant::toString).orElse("");
        try {
            Files.createDirectories(path.getParent());
            Files.writeString(path, process.pid() + "\n" + started + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    /** The recorded process, if it is still the same one and still running. */
    Optional<ProcessHandle> liveProcess() {
        List<String> lines;
        try {
            lines = Files.readAllLines(path);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (lines.isEmpty() || !lines.get(0).trim().matches("\\d+")) {
            return Optional.empty();
        }
        String recordedStart = lines.size() > 1 ? lines.get(1).trim() : "";
        return ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                .filter(ProcessHandle::isAlive)
                .filter(p -> recordedStart.isEmpty()
                        || p.info().startInstant().map(Instant::toString).orElse("").equals(recordedStart));
    }

    void delete() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }
}
