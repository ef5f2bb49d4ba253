package io.xunshi.local;

import java.io.PrintWriter;

/**
 * Stops what a launcher that could not clean up (killed with SIGKILL, machine crash) left running on a
 * data directory, found through the PID files it wrote. Services go first, as they hold connections to
 * Kafka and PostgreSQL.
 */
final class Leftovers {

    private Leftovers() {
    }

    static void stop(DataLayout data, PrintWriter out) {
        for (Service service : Service.values()) {
            stop(service.id(), data.servicePid(service), out);
        }
        stop("Kafka", data.kafkaPid(), out);
        LocalPostgres.stopLeftover(data.postgres(), out);
    }

    private static void stop(String name, PidFile pidFile, PrintWriter out) {
        pidFile.liveProcess().ifPresent(process -> {
            out.println("Stopping " + name + " left over from an earlier run (pid " + process.pid() + ").");
            Processes.terminate(process, ChildProcess.GRACE);
        });
        pidFile.delete();
    }
}
