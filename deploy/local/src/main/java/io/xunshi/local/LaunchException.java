package io.xunshi.local;

/**
 * A start-up or stop problem that the user can act on. Its message is printed as it is, without a stack
 * trace, and the launcher exits with {@link #exitCode()}.
 */
final class LaunchException extends RuntimeException {

    /** A port is taken or another launcher already runs on the same data directory. */
    static final int CONFLICT = 2;
    static final int FAILURE = 1;

    private final int exitCode;

    LaunchException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    static LaunchException failure(String message) {
        return new LaunchException(FAILURE, message);
    }

    int exitCode() {
        return exitCode;
    }
}
