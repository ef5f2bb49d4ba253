package io.xunshi.local;

import java.nio.file.Path;

/** The files of one platform instance below its data directory. */
record DataLayout(Path root) {

    DataLayout {
        root = root.toAbsolutePath().normalize();
    }

    Path logs() {
        return root.resolve("logs");
    }

    Path log(String component) {
        return logs().resolve(component + ".log");
    }

    Path kafka() {
        return root.resolve("kafka");
    }

    Path postgres() {
        return root.resolve("postgres");
    }

    Path service(Service service) {
        return root.resolve("services").resolve(service.id());
    }

    /** Where the launcher's supervisors record each process's state and restarts, for {@code xunshi status}. */
    Path statusDirectory() {
        return root.resolve("status");
    }

    Path status(String component) {
        return statusDirectory().resolve(component + ".status");
    }

    PidFile launcherPid() {
        return new PidFile(root.resolve("xunshi.pid"));
    }

    PidFile kafkaPid() {
        return KafkaBroker.pidFile(kafka());
    }

    PidFile servicePid(Service service) {
        return new PidFile(service(service).resolve(service.id() + ".pid"));
    }
}
