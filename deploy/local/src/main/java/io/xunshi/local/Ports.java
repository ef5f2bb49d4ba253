package io.xunshi.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks, before anything starts, that every port the platform will listen on is free. */
final class Ports {

    /**
     * A port the platform will listen on.
     *
     * @param purpose what listens there, e.g. "Kafka broker"
     * @param option  the command-line option that changes it
     */
    record Use(int port, String purpose, String option) {
    }

    private Ports() {
    }

    /** Throws a {@link LaunchException} naming every port that is invalid, taken or configured twice. */
    static void requireFree(List<Use> uses) {
        List<String> problems = new ArrayList<>();
        Map<Integer, Use> seen = new HashMap<>();
        for (Use use : uses) {
            if (use.port() < 1 || use.port() > 65535) {
                problems.add("Port " + use.port() + " (" + use.purpose() + ") is not a valid port number; change "
                        + use.option() + ".");
                continue;
            }
            Use earlier = seen.putIfAbsent(use.port(), use);
            if (earlier != null) {
                problems.add("Port " + use.port() + " is configured for both " + earlier.purpose() + " and "
                        + use.purpose() + "; change " + use.option() + ".");
            } else if (!isFree(use.port())) {
                problems.add("Port " + use.port() + " (" + use.purpose() + ") is already in use; free it or choose "
                        + "another with " + use.option() + ".");
            }
        }
        if (!problems.isEmpty()) {
            throw new LaunchException(LaunchException.CONFLICT, String.join("\n", problems));
        }
    }

    /** Binding is the only reliable test: a connect would miss a port bound but not yet listening. */
    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
