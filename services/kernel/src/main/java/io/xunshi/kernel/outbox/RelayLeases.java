package io.xunshi.kernel.outbox;

import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.net.PemTrustOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import io.xunshi.kernel.security.DatabaseTlsSettings;

/**
 * Tries to take the service's {@link RelayLease}, on a session opened with the same URL and credentials
 * as the application's reactive pool (so with the service's schema as search path) but outside it. The
 * session is named {@code xunshi-<service>-outbox-relay}, so {@code pg_stat_activity} shows which
 * replica relays.
 */
@Singleton
public class RelayLeases {

    private final Vertx vertx;
    private final PgConnectOptions options;

    @Inject
    public RelayLeases(Vertx vertx, @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
            @ConfigProperty(name = "xunshi.service.name") String serviceName,
            @ConfigProperty(name = "xunshi.db.ssl-mode", defaultValue = "disable") String sslMode,
            @ConfigProperty(name = DatabaseTlsSettings.CA_FILE) Optional<String> caFile) {
        this.vertx = vertx;
        String name = "xunshi-" + serviceName + "-outbox-relay";
        this.options = PgConnectOptions.fromUri(url).setUser(user).setPassword(password.orElse(null))
                .addProperty("application_name", name)
                // The relay's only writes are its checkpoints. Not waiting for each to be flushed takes a disk flush
                // per batch off its path; a checkpoint lost in a database crash only publishes a batch again.
                .addProperty("synchronous_commit", "off");
        // The same TLS as the pool's (xunshi.db.ssl-mode, xunshi.db.ca-file): the session carries the same credentials.
        options.setSslMode(SslMode.of(sslMode));
        caFile.filter(file -> !file.isBlank()).ifPresent(file -> options
                .setPemTrustOptions(new PemTrustOptions().addCertPath(file)).setHostnameVerificationAlgorithm("HTTPS"));
    }

    /** The options of the lease session (for tests). */
    PgConnectOptions options() {
        return options;
    }

    Optional<RelayLease> tryTake() {
        return RelayLease.tryTake(vertx, options);
    }
}
