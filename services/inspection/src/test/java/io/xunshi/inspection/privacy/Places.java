package io.xunshi.inspection.privacy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logmanager.ExtLogRecord;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * The places personal data must never reach in clear, read whole as text: a topic's records (key, value, headers),
 * every table of the service's schema, and the process's log output while a test runs.
 */
final class Places {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private Places() {
    }

    /** Every record, one a line: key, value and every header. */
    static String topic(List<ConsumerRecord<String, String>> records) {
        StringBuilder topic = new StringBuilder();
        for (ConsumerRecord<String, String> r : records) {
            topic.append(r.key()).append(' ').append(r.value());
            for (Header h : r.headers()) {
                topic.append(' ').append(h.key()).append('=').append(new String(h.value(), StandardCharsets.UTF_8));
            }
            topic.append('\n');
        }
        return topic.toString();
    }

    /** The base tables of the service's schema, by name. */
    static List<String> tables(Pool pool) {
        List<String> tables = new ArrayList<>();
        for (Row row : pool.query("SELECT table_name FROM information_schema.tables WHERE table_schema ="
                + " current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name").execute().await()
                .atMost(WAIT)) {
            tables.add(row.getString("table_name"));
        }
        return tables;
    }

    /** Every row of every table of {@code tables}, one a line, prefixed with its table's name. */
    static String database(Pool pool, List<String> tables) {
        StringBuilder database = new StringBuilder();
        for (String table : tables) {
            for (Row row : pool.query("SELECT t::text AS line FROM \"" + table.replace("\"", "\"\"") + "\" t")
                    .execute().await().atMost(WAIT)) {
                database.append(table).append(": ").append(row.getString("line")).append('\n');
            }
        }
        return database.toString();
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * Every log record of the process while it is started, as text: message, parameters, stack trace and MDC, at
     * every level the loggers pass, with {@code io.xunshi} at DEBUG.
     */
    static final class LogCapture extends Handler {

        private final List<String> logged = Collections.synchronizedList(new ArrayList<>());
        private final SimpleFormatter formatter = new SimpleFormatter();
        private Level xunshiLevel;

        void start() {
            setLevel(Level.ALL);
            Logger.getLogger("").addHandler(this);
            xunshiLevel = Logger.getLogger("io.xunshi").getLevel();
            Logger.getLogger("io.xunshi").setLevel(Level.FINE);
        }

        void stop() {
            Logger.getLogger("").removeHandler(this);
            Logger.getLogger("io.xunshi").setLevel(xunshiLevel);
        }

        String text() {
            return String.join("\n", new ArrayList<>(logged));
        }

        boolean contains(String text) {
            return new ArrayList<>(logged).stream().anyMatch(l -> l.contains(text));
        }

        @Override
        public void publish(LogRecord record) {
            StringBuilder text = new StringBuilder(record.getLoggerName() + " " + record.getLevel() + " ");
            try {
                text.append(record instanceof ExtLogRecord ext
                        ? ext.getFormattedMessage()
                        : formatter.formatMessage(record));
            } catch (RuntimeException e) {
                text.append(record.getMessage());
            }
            if (record.getParameters() != null) {
                text.append(" ").append(Arrays.toString(record.getParameters()));
            }
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                text.append("\n").append(trace);
            }
            if (record instanceof ExtLogRecord ext && ext.getMdcCopy() != null) {
                text.append(" ").append(ext.getMdcCopy());
            }
            logged.add(text.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
