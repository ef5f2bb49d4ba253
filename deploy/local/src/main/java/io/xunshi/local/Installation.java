package io.xunshi.local;

import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * Where the launcher finds what it runs, derived from where its own classes live:
 * {@code <repository>/deploy/local/target/xunshi-local-*.jar} (or {@code target/classes} in tests).
 *
 * @param repository   the repository root, holding {@code services/<name>/target/quarkus-app}
 * @param libDirectory the launcher's runtime classpath, copied there at package time; the Kafka broker runs from it
 */
record Installation(Path repository, Path libDirectory) {

    static Installation ofLauncher() {
        Path location;
        try {
            location = Path.of(Installation.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the launcher's own classes", e);
        }
        Path target = location.toAbsolutePath().getParent();
        return new Installation(target.getParent().getParent().getParent(), target.resolve("lib"));
    }

    Path serviceJar(Service service) {
        return repository.resolve("services").resolve(service.id()).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
