package io.xunshi.local;

import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import io.xunshi.kafka.LocalKafkaSecurity;
import io.xunshi.postgres.PostgresException;

/**
 * The whole platform on one machine: PostgreSQL, a Kafka broker and the services, each a separate
 * process, started in that order and stopped in reverse.
 *
 * <p>A stop may be requested at any moment from another thread: the JVM's shutdown hook, on Ctrl-C or
 * SIGTERM. Every process is started under this object's lock, which {@link #stop()} takes too, so each
 * process either is not started yet or is known to {@code stop()}. The waits in between hold no lock;
 * they watch {@link #stopping} and give up.
 *
 * <p>Once everything is up, a {@link Supervisor} watches each process the launcher started (services, Kafka,
 * PostgreSQL) and restarts it with back-off when it exits on its own; only a stop ends them for good.
 */
final class Platform {

    /**
     * What to run and where.
     *
     * @param servicePorts     the services to start, with their HTTP ports
     * @param externalKafka    bootstrap servers of a Kafka to use instead of starting one, or {@code null}
     * @param externalPostgres a PostgreSQL to use instead of starting one, or {@code null}
     */
    record Settings(DataLayout data, Installation installation, Map<Service, Integer> servicePorts,
            int kafkaPort, int kafkaInternalPort, int kafkaControllerPort, String kafkaHeap, String externalKafka,
            int postgresPort,
            DatabaseAddress externalPostgres, Duration readyTimeout,
            Backoff restartBackoff) {
    }

    private static final String KAFKA_PASSWORDS = "kafka-passwords.properties";
    private static final Duration EXTERNAL_TIMEOUT = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 500;

    private final Settings settings;
    private final PrintWriter out;
    private final List<ServiceProcess> services = new ArrayList<>();
    private final List<Supervisor> serviceSupervisors = new ArrayList<>();
    private final CompletableFuture<Void> stopRequested = new CompletableFuture<>();
    private Supervisor kafkaSupervisor;
    private Supervisor postgresSupervisor;
    private Map<String, String> serviceEnvironment;
    private volatile boolean stopping;
    private boolean stopped;
    private boolean claimed;
    private LocalPostgres postgres;
    private KafkaBroker kafka;
    private LocalKafkaSecurity kafkaSecurity;
    private DatabaseAddress database;
    private String bootstrapServers;

    Platform(Settings settings, PrintWriter out) {
        this.settings = settings;
        this.out = out;
    }

    /**
     * Puts this launcher in charge of the data directory: refuses if another launcher runs on it, stops
     * what a killed one left behind, and records this launcher's PID for {@code xunshi stop}.
     */
    synchronized void claimDataDirectory() {
        PidFile launcherPid = settings.data().launcherPid();
        launcherPid.liveProcess().ifPresent(other -> {
            throw new LaunchException(LaunchException.CONFLICT, "Xunshi is already running on " + settings.data().root()
                    + " (pid " + other.pid() + "); stop it with ./xunshi stop.");
        });
        Leftovers.stop(settings.data(), out);
        SupervisionStatus.clear(settings.data().statusDirectory());
        launcherPid.write(ProcessHandle.current());
        claimed = true;
    }

    /**
     * Starts everything and returns once every service is ready, or throws. What is missing (unbuilt
     * services, Kafka's libraries) is found before anything starts.
     */
    void start() {
        Instant began = Instant.now();
        Map<Service, Path> jars = serviceJars();
        BrokerClasspath brokerClasspath = settings.externalKafka() == null
                ? BrokerClasspath.libDirectory(settings.installation().libDirectory())
                : null;
        startPostgres();
        startKafka(brokerClasspath);
        startServices(jars);
        out.println("Xunshi is up after " + secondsSince(began) + ".");
    }

    private Map<Service, Path> serviceJars() {
        Map<Service, Path> jars = new EnumMap<>(Service.class);
        for (Service service : settings.servicePorts().keySet()) {
            Path jar = settings.installation().serviceJar(service);
            if (!Files.isRegularFile(jar)) {
                throw LaunchException.failure(service.id() + " is not built: " + jar + " is missing. Build it with "
                        + "./mvnw -DskipTests package (or run ./xunshi run without --no-build).");
            }
            jars.put(service, jar);
        }
        return jars;
    }

    private void startPostgres() {
        if (settings.externalPostgres() != null) {
            database = settings.externalPostgres();
            requireLogin(database);
            return;
        }
        Instant began = Instant.now();
        out.println("Starting PostgreSQL on port " + settings.postgresPort() + " ...");
        launch(() -> postgres = LocalPostgres.start(settings.data().postgres(), settings.postgresPort(),
                settings.data().log("postgres"), postgresSuperuserPassword()));
        database = postgres.address();
        out.println("PostgreSQL is ready after " + secondsSince(began) + ".");
    }

    /** Fails early, with the driver's reason, if the services could not log in to an external database. */
    private static void requireLogin(DatabaseAddress address) {
        Properties login = new Properties();
        login.setProperty("user", DatabaseAddress.USER);
        login.setProperty("password", DatabaseAddress.PASSWORD);
        login.setProperty("loginTimeout", Long.toString(EXTERNAL_TIMEOUT.toSeconds()));
        try {
            DriverManager.getConnection(address.jdbcUrl(), login).close();
        } catch (SQLException e) {
            throw LaunchException.failure("Cannot log in to the external PostgreSQL " + address.jdbcUrl() + " as "
                    + DatabaseAddress.USER + ": " + e.getMessage());
        }
    }

    private void startKafka(BrokerClasspath classpath) {
        if (settings.externalKafka() != null) {
            bootstrapServers = settings.externalKafka();
            if (!KafkaBroker.awaitAnswer(bootstrapServers, LocalKafkaSecurity.environmentCredentials(System.getenv()),
                    Instant.now().plus(EXTERNAL_TIMEOUT),
                    this::checkRunning)) {
                throw LaunchException.failure("The external Kafka at " + bootstrapServers + " does not answer.");
            }
            return;
        }
        Instant began = Instant.now();
        out.println("Starting Kafka on port " + settings.kafkaPort() + " ...");
        kafkaSecurity = kafkaSecurity();
        launch(() -> kafka = KafkaBroker.start(settings.data().kafka(), settings.kafkaPort(),
                settings.kafkaInternalPort(), settings.kafkaControllerPort(), kafkaSecurity, classpath,
                settings.kafkaHeap(), settings.data().log("kafka")));
        kafka.awaitReady(Instant.now().plus(settings.readyTimeout()), this::checkRunning);
        kafka.provision(settings.readyTimeout(), new LocalSecrets(settings.data()));
        bootstrapServers = kafka.bootstrapServers();
        out.println("Kafka is ready after " + secondsSince(began) + ".");
    }

    private String postgresSuperuserPassword() {
        return new LocalSecrets(settings.data()).randomValue("postgres-superuser-password");
    }

    /**
     * The Kafka principals with the passwords this data directory keeps ({@code secrets/kafka-passwords.properties});
     * a principal new in the manifests gets one, written back.
     */
    private LocalKafkaSecurity kafkaSecurity() {
        LocalSecrets secrets = new LocalSecrets(settings.data());
        Path file = secrets.file(KAFKA_PASSWORDS);
        Properties kept = new Properties();
        if (Files.exists(file)) {
            try (java.io.Reader in = Files.newBufferedReader(file)) {
                kept.load(in);
            } catch (java.io.IOException e) {
                throw LaunchException.failure("cannot read " + file + ": " + e.getMessage());
            }
        }
        Map<String, String> known = new HashMap<>();
        kept.stringPropertyNames().forEach(name -> known.put(name, kept.getProperty(name)));
        LocalKafkaSecurity security = LocalKafkaSecurity.withPasswords(known);
        if (!security.passwords().equals(known)) {
            StringBuilder text = new StringBuilder("# Kafka principals' SCRAM passwords for this data directory\n");
            security.passwords()
                    .forEach((name, password) -> text.append(name).append('=').append(password).append('\n'));
            secrets.write(KAFKA_PASSWORDS, text.toString());
        }
        return security;
    }

    private void startServices(Map<Service, Path> jars) {
        if (jars.isEmpty()) {
            return;
        }
        Map<String, String> environment = new HashMap<>(database.environment());
        environment.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        DataLayout data = settings.data();
        environment.put(PrivacyMasterKey.VARIABLE, PrivacyMasterKey.forPlatform(data));
        if (System.getenv("MP_JWT_VERIFY_PUBLICKEY_LOCATION") == null) {
            // No external OIDC issuer named: the services trust the local key that `xunshi token` signs with.
            environment.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", new LocalSigningKey(data).publicKeyFile().toString());
            environment.put("MP_JWT_VERIFY_ISSUER", LocalSigningKey.ISSUER);
        }
        serviceEnvironment = Map.copyOf(environment);
        out.println("Starting " + jars.keySet().stream().map(Service::id).collect(Collectors.joining(", ")) + " ...");
        launch(() -> jars.forEach((service, jar) -> services.add(startService(service, jar))));
        awaitServicesReady(Instant.now().plus(settings.readyTimeout()));
    }

    private ServiceProcess startService(Service service, Path jar) {
        DataLayout data = settings.data();
        Map<String, String> environment = new HashMap<>(serviceEnvironment);
        if (kafkaSecurity != null) {
            // Each service connects as its own principal (xunshi-<service>), held to its ACLs.
            String principal = kafkaSecurity.principalOf(service.id()).orElseThrow(() -> LaunchException
                    .failure("deploy/kubernetes/kafka-users.yaml declares no Kafka principal for " + service.id()));
            kafkaSecurity.credentials(principal).forEach((key, value) -> environment
                    .put("KAFKA_" + key.toUpperCase(Locale.ROOT).replace('.', '_'), value));
        }
        return ServiceProcess.start(service, jar, settings.servicePorts().get(service), environment,
                data.service(service), data.log(service.id()), data.servicePid(service));
    }

    private void awaitServicesReady(Instant deadline) {
        Instant began = Instant.now();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        List<ServiceProcess> pending = new ArrayList<>(services);
        try {
            while (!pending.isEmpty()) {
                checkRunning();
                for (Iterator<ServiceProcess> it = pending.iterator(); it.hasNext();) {
                    ServiceProcess service = it.next();
                    if (!service.process().isAlive()) {
                        throw LaunchException.failure(LogFiles.report(service.service().id() + " failed to start: "
                                + service.process().exitDescription() + ".", service.process().logFile()));
                    }
                    if (service.isReady(http)) {
                        out.println(service.service().id() + " is ready after " + secondsSince(began) + ".");
                        it.remove();
                    }
                }
                if (!pending.isEmpty() && Instant.now().isAfter(deadline)) {
                    throw LaunchException.failure(pending.stream()
                            .map(s -> LogFiles.report(s.service().id() + " was not ready within "
                                    + settings.readyTimeout().toSeconds() + " s.", s.process().logFile()))
                            .collect(Collectors.joining("\n")));
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LaunchException.failure("Interrupted while waiting for the services.");
        }
    }

    /** Throws if a stop was requested or a started infrastructure process has gone. */
    private void checkRunning() {
        if (stopping) {
            throw LaunchException.failure("Start-up abandoned: Xunshi is stopping.");
        }
        if (kafka != null && !kafka.process().isAlive()) {
            throw LaunchException.failure(LogFiles.report(kafka.process().exitDescription() + " unexpectedly.",
                    kafka.process().logFile()));
        }
        if (postgres != null && !postgres.postmaster().isAlive()) {
            throw LaunchException.failure(LogFiles.report("PostgreSQL stopped unexpectedly.", postgres.logFile()));
        }
    }

    private synchronized void launch(Runnable step) {
        checkRunning();
        step.run();
    }

    /**
     * Supervises every process the launcher started (see {@link Supervisor}) and blocks until the platform
     * is being stopped; returns 0 then. A process that exits on its own is reported on the console and
     * restarted, with back-off; the rest keep running.
     */
    int superviseUntilStopped() {
        synchronized (this) {
            if (!stopping) {
                DataLayout data = settings.data();
                Backoff backoff = settings.restartBackoff();
                if (postgres != null) {
                    postgresSupervisor = new Supervisor("PostgreSQL", postgres, () -> LocalPostgres.start(
                            data.postgres(), settings.postgresPort(), data.log("postgres"),
                            postgresSuperuserPassword()), backoff, out,
                            data.status("postgres"));
                }
                if (kafka != null) {
                    Path brokerLibraries = settings.installation().libDirectory();
                    kafkaSupervisor = new Supervisor("Kafka", kafka.process(), () -> KafkaBroker.start(data.kafka(),
                            settings.kafkaPort(), settings.kafkaInternalPort(), settings.kafkaControllerPort(),
                            kafkaSecurity, BrokerClasspath.libDirectory(brokerLibraries), settings.kafkaHeap(),
                            data.log("kafka"))
                            .process(), backoff, out, data.status("kafka"));
                }
                Map<Service, Path> jars = serviceJars();
                for (ServiceProcess service : services) {
                    Service which = service.service();
                    serviceSupervisors.add(new Supervisor(which.id(), service.process(),
                            () -> startService(which, jars.get(which)).process(), backoff, out,
                            data.status(which.id())));
                }
            }
        }
        stopRequested.join();
        return 0;
    }

    boolean isStopping() {
        return stopping;
    }

    /** Stops the services (all at once), then Kafka, then PostgreSQL. Safe to call more than once. */
    void stop() {
        stopping = true;
        stopRequested.complete(null);
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
            boolean started = postgres != null || kafka != null || !services.isEmpty();
            Instant began = Instant.now();
            if (started) {
                out.println("Stopping Xunshi ...");
            }
            stopServices();
            if (kafkaSupervisor != null) {
                kafkaSupervisor.stop();
            } else if (kafka != null) {
                kafka.stop();
            }
            try {
                if (postgresSupervisor != null) {
                    postgresSupervisor.stop();
                } else if (postgres != null) {
                    postgres.stop();
                }
            } catch (PostgresException e) {
                out.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
            if (claimed) {
                settings.data().launcherPid().delete();
            }
            if (started) {
                out.println("Xunshi stopped after " + secondsSince(began) + ".");
            }
        }
    }

    private void stopServices() {
        List<Thread> stoppers = serviceSupervisors.isEmpty()
                ? services.stream().map(service -> new Thread(service::stop, "stop-" + service.service().id())).toList()
                : serviceSupervisors.stream()
                        .map(supervisor -> new Thread(supervisor::stop, "stop-" + supervisor.name()))
                        .toList();
        stoppers.forEach(Thread::start);
        try {
            for (Thread stopper : stoppers) {
                stopper.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Where to find everything, for the console once the platform is up. */
    String summary() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("SERVICE", "API", "SWAGGER UI", "READINESS", "METRICS"));
        for (ServiceProcess service : services) {
            String base = service.baseUrl();
            String management = service.managementUrl();
            rows.add(List.of(service.service().id(), base, base + "/q/swagger-ui", management + "/q/health/ready",
                    management + "/q/metrics"));
        }
        StringBuilder text = new StringBuilder();
        if (!services.isEmpty()) {
            text.append(table(rows)).append('\n');
        }
        text.append(String.format(Locale.ROOT, "%-17s %s%s%n", "Kafka bootstrap", bootstrapServers,
                kafka == null ? " (external)" : ""));
        text.append(String.format(Locale.ROOT, "%-17s %s (user %s, password %s)%s%n", "PostgreSQL", database.jdbcUrl(),
                DatabaseAddress.USER, DatabaseAddress.PASSWORD, postgres == null ? " (external)" : ""));
        text.append(String.format(Locale.ROOT, "%-17s %s%n", "Logs", settings.data().logs()));
        text.append(String.format(Locale.ROOT, "%-17s %s%n", "Data", settings.data().root()));
        text.append("Stop with Ctrl-C or ./xunshi stop.");
        return text.toString();
    }

    private static String table(List<List<String>> rows) {
        int[] widths = new int[rows.get(0).size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                text.append(cell).append(i == row.size() - 1 ? "" : " ".repeat(widths[i] + 2 - cell.length()));
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static String secondsSince(Instant start) {
        return String.format(Locale.ROOT, "%.1f s", Duration.between(start, Instant.now()).toMillis() / 1000.0);
    }
}
