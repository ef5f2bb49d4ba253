package io.xunshi.kernel.outbox;

import java.util.Optional;

import io.vertx.pgclient.PgConnectOptions;

/** Builds a {@link RelayLeases} outside CDI to read the options of its lease session. */
public class RelayLeasesProbe {

    public PgConnectOptions options(String sslMode, String caFile) {
        return new RelayLeases(null, "postgresql://127.0.0.1:5432/xunshi", "xunshi", Optional.of("secret"), "probe",
                sslMode, Optional.ofNullable(caFile)).options();
    }
}
