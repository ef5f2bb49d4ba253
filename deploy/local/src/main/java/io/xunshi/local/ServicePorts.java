package io.xunshi.local;

import picocli.CommandLine.Option;

/**
 * Where the services listen: the options of {@code run}, and of the commands that call a running platform's
 * APIs ({@code dead-letters}, {@code verify}), with their environment variables and defaults.
 */
final class ServicePorts {

    @Option(names = "--planning-port", paramLabel = "PORT", defaultValue = "${env:XUNSHI_PLANNING_PORT:-8081}",
            description = "HTTP port of planning (env XUNSHI_PLANNING_PORT; default: ${DEFAULT-VALUE}).")
    private int planning;

    @Option(names = "--inspection-port", paramLabel = "PORT", defaultValue = "${env:XUNSHI_INSPECTION_PORT:-8082}",
            description = "HTTP port of inspection (env XUNSHI_INSPECTION_PORT; default: ${DEFAULT-VALUE}).")
    private int inspection;

    @Option(names = "--rectification-port", paramLabel = "PORT",
            defaultValue = "${env:XUNSHI_RECTIFICATION_PORT:-8083}",
            description = "HTTP port of rectification (env XUNSHI_RECTIFICATION_PORT; default: ${DEFAULT-VALUE}).")
    private int rectification;

    @Option(names = "--coordination-port", paramLabel = "PORT", defaultValue = "${env:XUNSHI_COORDINATION_PORT:-8084}",
            description = "HTTP port of coordination (env XUNSHI_COORDINATION_PORT; default: ${DEFAULT-VALUE}).")
    private int coordination;

    int port(Service service) {
        return switch (service) {
            case PLANNING -> planning;
            case INSPECTION -> inspection;
            case RECTIFICATION -> rectification;
            case COORDINATION -> coordination;
        };
    }
}
