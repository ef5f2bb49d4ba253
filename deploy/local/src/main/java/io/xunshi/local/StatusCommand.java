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
        description = "Shows which processes of the platform run on the data directory.",
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
        print(out, "launcher", launcher);
        print(out, "PostgreSQL", LocalPostgres.runningPostmaster(data.postgres()));
        print(out, "Kafka", data.kafkaPid().liveProcess());
        for (Service service : Service.values()) {
            print(out, service.id(), data.servicePid(service).liveProcess());
        }
        return launcher.isPresent() ? 0 : NOT_RUNNING;
    }

    private static void print(PrintWriter out, String name, Optional<ProcessHandle> process) {
        out.println(String.format(Locale.ROOT, "  %-14s %s", name,
                process.map(p -> "running (pid " + p.pid() + ")").orElse("not running")));
    }
}
