package io.xunshi.local;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "status",
        description = "Shows which processes of the platform run on the data directory and, while the launcher runs, "
                + "each one's state (up or restarting), restarts and last exit.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = { "0:the launcher is running", "3:the launcher is not running" })
final class StatusCommand implements Callable<Integer> {

    private static final int NOT_RUNNING = 3;

    @Spec
    private CommandSpec spec;

    @Mixin
    private DataDirOption dataDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        DataLayout data = dataDir.layout(Installation.ofLauncher());
        out.println("Data directory " + data.root());
        Optional<ProcessHandle> launcher = data.launcherPid().liveProcess();
        print(out, "launcher", launcher, Optional.empty());
        boolean supervised = launcher.isPresent();
        print(out, "PostgreSQL", LocalPostgres.runningPostmaster(data.postgres()),
                supervision(supervised, data, "postgres"));
        print(out, "Kafka", data.kafkaPid().liveProcess(), supervision(supervised, data, "kafka"));
        for (Service service : Service.values()) {
            print(out, service.id(), data.servicePid(service).liveProcess(),
                    supervision(supervised, data, service.id()));
        }
        return launcher.isPresent() ? 0 : NOT_RUNNING;
    }

    /** What the running launcher's supervisor recorded; nothing once the launcher is gone, as it is stale then. */
    private static Optional<SupervisionStatus> supervision(boolean launcherRuns, DataLayout data, String component) {
        return launcherRuns ? SupervisionStatus.read(data.status(component)) : Optional.empty();
    }

    private static void print(PrintWriter out, String name, Optional<ProcessHandle> process,
            Optional<SupervisionStatus> supervision) {
        String running = process.map(p -> "running (pid " + p.pid() + ")").orElse("not running");
        out.println(String.format(Locale.ROOT, "  %-14s %s%s", name, running,
                supervision.map(s -> "; " + s.describe()).orElse("")));
    }
}
