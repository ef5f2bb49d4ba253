package io.xunshi.postgres;

/** A PostgreSQL command (initdb, pg_ctl, psql) failed; the message carries its output. */
public class PostgresException extends RuntimeException {

    public PostgresException(String message) {
        super(message);
    }

    public PostgresException(String message, Throwable cause) {
        super(message, cause);
    }
}
