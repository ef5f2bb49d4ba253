package io.xunshi.local;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

@Command(name = "run", sortOptions = false,
        description = {
                "Starts PostgreSQL, Kafka and the services in the foreground, waits until every service is ready and "
                        + "prints their URLs. A process that exits after that is restarted, with back-off (1 s doubling to "
                        + "30 s). Ctrl-C or 'xunshi stop' stops everything.",
                "Every option can also be set through the environment variable named in its description." },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = { "0:stopped on request", "1:a process failed to start",
                "2:a port is in use, another launcher runs on the data directory, or an option is invalid" })
final class RunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private DataDirOption dataDir;

    @Option(names = "--services", split = ",", paramLabel = "NAME", converter = ServiceConverter.class,
            defaultValue = "${env:XUNSHI_SERVICES:-planning,inspection,rectification,coordination}",
            description = "Services to start, comma-separated (env XUNSHI_SERVICES; default: all four).")
    private List<Service> services;

    @Mixin
    private ServicePorts ports;

    @Option(names = "--kafka-port", paramLabel = "PORT", defaultValue = "${env:XUNSHI_KAFKA_PORT:-9092}",
            description = "Kafka broker port (env XUNSHI_KAFKA_PORT; default: ${DEFAULT-VALUE}).")
    private int kafkaPort;

    @Option(names = "--kafka-internal-port", paramLabel = "PORT",
            defaultValue = "${env:XUNSHI_KAFKA_INTERNAL_PORT:-9094}",
            description = "Kafka's listener for the broker's own traffic and its administrator (env "
                    + "XUNSHI_KAFKA_INTERNAL_PORT; default: ${DEFAULT-VALUE}).")
    private int kafkaInternalPort;

    @Option(names = "--kafka-controller-port", paramLabel = "PORT",
            defaultValue = "${env:XUNSHI_KAFKA_CONTROLLER_PORT:-9093}",
            description = "Kafka KRaft controller port (env XUNSHI_KAFKA_CONTROLLER_PORT; default: ${DEFAULT-VALUE}).")
    private int kafkaControllerPort;

    @Option(names = "--kafka-heap", paramLabel = "SIZE", defaultValue = "${env:XUNSHI_KAFKA_HEAP:-1g}",
            description = "Maximum heap of the Kafka broker JVM (env XUNSHI_KAFKA_HEAP; default: ${DEFAULT-VALUE}).")
    private String kafkaHeap;

    @Option(names = "--pg-port", paramLabel = "PORT", defaultValue = "${env:XUNSHI_PG_PORT:-5432}",
            description = "PostgreSQL port (env XUNSHI_PG_PORT; default: ${DEFAULT-VALUE}).")
    private int postgresPort;

    @Option(names = "--ready-timeout", paramLabel = "SECONDS", defaultValue = "${env:XUNSHI_READY_TIMEOUT:-180}",
            description = "How long Kafka and the services may take to become ready (env XUNSHI_READY_TIMEOUT; "
                    + "default: ${DEFAULT-VALUE}).")
    private int readyTimeoutSeconds;

    @Option(names = "--external-kafka", paramLabel = "BOOTSTRAP", defaultValue = "${env:XUNSHI_EXTERNAL_KAFKA}",
            description = "Use this Kafka (host:port[,host:port...]) instead of starting one (env XUNSHI_EXTERNAL_KAFKA).")
    private String externalKafka;

    @Option(names = "--external-postgres", paramLabel = "HOST:PORT", converter = DatabaseAddressConverter.class,
            defaultValue = "${env:XUNSHI_EXTERNAL_POSTGRES}",
            description = "Use this PostgreSQL instead of starting one; it needs a database xunshi owned by the "
                    + "role xunshi, password xunshi (env XUNSHI_EXTERNAL_POSTGRES).")
    private DatabaseAddress externalPostgres;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Platform platform = null;
        try {
            Installation installation = Installation.ofLauncher();
            platform = new Platform(settings(installation), out);
            Runtime.getRuntime().addShutdownHook(new Thread(platform::stop, "xunshi-stop"));
            platform.claimDataDirectory();
            Ports.requireFree(portsToOpen());
            platform.start();
            out.println();
            out.println(platform.summary());
            return platform.superviseUntilStopped();
        } catch (LaunchException e) {
            if (platform == null || !platform.isStopping()) {
                err.println(e.getMessage());
            }
            if (platform != null) {
                platform.stop();
            }
            return e.exitCode();
        }
    }

    private Platform.Settings settings(Installation installation) {
        Map<Service, Integer> servicePorts = new EnumMap<>(Service.class);
        services.forEach(service -> servicePorts.put(service, ports.port(service)));
        return new Platform.Settings(dataDir.layout(installation), installation, servicePorts, kafkaPort,
                kafkaInternalPort, kafkaControllerPort, kafkaHeap, externalKafka, postgresPort, externalPostgres,
                Duration.ofSeconds(readyTimeoutSeconds), Backoff.DEFAULT);
    }

    private List<Ports.Use> portsToOpen() {
        List<Ports.Use> ports = new ArrayList<>();
        if (externalPostgres == null) {
            ports.add(new Ports.Use(postgresPort, "PostgreSQL", "--pg-port"));
        }
        if (externalKafka == null) {
            ports.add(new Ports.Use(kafkaPort, "Kafka broker", "--kafka-port"));
            ports.add(new Ports.Use(kafkaInternalPort, "Kafka internal listener", "--kafka-internal-port"));
            ports.add(new Ports.Use(kafkaControllerPort, "Kafka controller", "--kafka-controller-port"));
        }
        for (Service service : services) {
            ports.add(new Ports.Use(this.ports.port(service), service.id() + " HTTP", "--" + service.id() + "-port"));
            ports.add(new Ports.Use(ServiceProcess.managementPort(this.ports.port(service)),
                    service.id() + " management (health, metrics: its HTTP port + 1000)",
                    "--" + service.id() + "-port"));
        }
        return ports;
    }

    static final class ServiceConverter implements ITypeConverter<Service> {

        @Override
        public Service convert(String value) {
            try {
                return Service.byId(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class DatabaseAddressConverter implements ITypeConverter<DatabaseAddress> {

        @Override
        public DatabaseAddress convert(String value) {
            try {
                return DatabaseAddress.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
