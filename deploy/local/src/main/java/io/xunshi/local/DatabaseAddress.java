package io.xunshi.local;

import java.util.Map;

/**
 * The database all four services share, each in its own schema (which the service creates itself). The
 * name, owner and password are fixed for local use; only where it runs varies.
 */
record DatabaseAddress(String host, int port) {

    static final String NAME = "xunshi";
    static final String USER = "xunshi";
    static final String PASSWORD = "xunshi";

    /** Parses {@code host:port}. */
    static DatabaseAddress parse(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        if (colon <= 0 || !hostAndPort.substring(colon + 1).matches("\\d{1,5}")) {
            throw new IllegalArgumentException("expected host:port, got '" + hostAndPort + "'");
        }
        return new DatabaseAddress(hostAndPort.substring(0, colon), Integer.parseInt(hostAndPort.substring(colon + 1)));
    }

    String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + NAME;
    }

    Map<String, String> environment() {
        return Map.of(
                "XUNSHI_DB_HOST", host,
                "XUNSHI_DB_PORT", Integer.toString(port),
                "XUNSHI_DB_NAME", NAME,
                "XUNSHI_DB_USER", USER,
                "XUNSHI_DB_PASSWORD", PASSWORD);
    }
}
