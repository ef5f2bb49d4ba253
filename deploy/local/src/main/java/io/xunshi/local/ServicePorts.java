package io.xunshi.local;

import picocli.CommandLine.Option;

/**
 * Where the services of a running platform listen, for the commands that call their APIs: the same options,
 * environment variables and defaults as {@code run}.
 */
final class ServicePorts {

    @Option(names = "--planning-port", paramLabel = "PORT", defaultValue = "${env:XUNSHI_PLANNING_PORT:-8081}",
            description = "HTTP port of planning (default: ${DEFAULT-VALUE}).")
    private int planning;

    @Option(names = "--inspection-port", paramLabel = "PORT", defaultValue = "${env:XUNSHI_INSPECTION_PORT:-8082}",
            description = "HTTP port of inspection (default: ${DEFAULT-VALUE}).")
    private int inspection;

    @Option(names = "--rectification-port", paramLabel = "PORT",
            defaultValue = "${env:XUNSHI_RECTIFICATION_PORT:-8083}",
            description = "HTTP port of rectification (default: ${DEFAULT-VALUE}).")
    private int rectification;

    @Option(names = "--coordination-port", paramLabel = "PORT", defaultValue = "${env:XUNSHI_COORDINATION_PORT:-8084}",
            description = "HTTP port of coordination (default: ${DEFAULT-VALUE}).")
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
