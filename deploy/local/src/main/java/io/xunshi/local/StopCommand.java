package io.xunshi.local;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "stop",
        description = "Stops the launcher running on the data directory (as Ctrl-C would) and waits until it is gone. "
                + "If none runs, stops whatever a killed launcher left behind.")
final class StopCommand implements Callable<Integer> {

    /** Long enough for the launcher's own stop: services, then Kafka, then PostgreSQL. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Spec
    private CommandSpec spec;

    @Mixin
    private DataDirOption dataDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        DataLayout data = dataDir.layout(Installation.ofLauncher());
        Optional<ProcessHandle> launcher = data.launcherPid().liveProcess();
        if (launcher.isEmpty()) {
            out.println("Xunshi is not running on " + data.root() + ".");
            try {
                Leftovers.stop(data, out);
            } catch (LaunchException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return e.exitCode();
            }
            return 0;
        }
        long pid = launcher.get().pid();
        Instant began = Instant.now();
        out.println("Stopping Xunshi (pid " + pid + ") ...");
        launcher.get().destroy();
        if (!Processes.awaitExit(launcher.get(), TIMEOUT)) {
            spec.commandLine().getErr().println("Xunshi (pid " + pid + ") did not stop within " + TIMEOUT.toSeconds()
                    + " s; its logs are in " + data.logs() + ".");
            return LaunchException.FAILURE;
        }
        out.println(String.format(Locale.ROOT, "Xunshi stopped after %.1f s.",
                Duration.between(began, Instant.now()).toMillis() / 1000.0));
        return 0;
    }
}
