package io.xunshi.local;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Reading the end of a log file, which may be large (Kafka's), without loading all of it. */
final class LogFiles {

    private static final int TAIL_BYTES = 64 * 1024;
    private static final int REPORT_LINES = 30;

    private LogFiles() {
    }

    static String tail(Path file, int lines) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, in.length() - TAIL_BYTES);
            byte[] bytes = new byte[(int) (in.length() - start)];
            in.seek(start);
            in.readFully(bytes);
            List<String> all = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    /** A block for the console: what failed, then the last lines of its log. */
    static String report(String headline, Path file) {
        return headline + "\n--- last " + REPORT_LINES + " lines of " + file + " ---\n" + tail(file, REPORT_LINES)
                + "\n---";
    }
}
