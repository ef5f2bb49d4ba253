package io.xunshi.kernel.security;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Derives the database clients' trust settings from the one setting an operator gives: {@code xunshi.db.ca-file}
 * ({@code XUNSHI_DB_CA_FILE}), the PEM file of the CA that signed the server's certificate. With it, the reactive
 * pool trusts that CA, verifies the server's host name, and the JDBC connections of the migrations pass it as
 * {@code sslrootcert}; {@code xunshi.db.ssl-mode} ({@code XUNSHI_DB_SSL_MODE}: disable, require, verify-ca,
 * verify-full) says whether TLS is used and what is checked, for every connection alike (the relay's lease
 * session too, see {@code RelayLeases}). Without a CA file nothing is derived.
 *
 * <p>The derived values sit just above application.properties (ordinal 260) and below the environment, so an
 * explicit {@code QUARKUS_DATASOURCE_REACTIVE_...} still wins.
 */
public class DatabaseTlsSettings implements ConfigSourceFactory {

    public static final String CA_FILE = "xunshi.db.ca-file";
    static final int ORDINAL = 260;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue caFile = context.getValue(CA_FILE);
        if (caFile == null || caFile.getValue() == null || caFile.getValue().isBlank()) {
            return Collections.emptyList();
        }
        return List.of(new PropertiesConfigSource(derived(caFile.getValue().trim()), "xunshi-database-tls", ORDINAL));
    }

    /** The settings a CA file implies. */
    static Map<String, String> derived(String caFile) {
        Map<String, String> derived = new LinkedHashMap<>();
        derived.put("quarkus.datasource.reactive.trust-certificate-pem", "true");
        derived.put("quarkus.datasource.reactive.trust-certificate-pem.certs", caFile);
        derived.put("quarkus.datasource.reactive.hostname-verification-algorithm", "HTTPS");
        derived.put("quarkus.datasource.jdbc.additional-jdbc-properties.sslrootcert", caFile);
        derived.put("quarkus.datasource.\"kernel\".jdbc.additional-jdbc-properties.sslrootcert", caFile);
        return derived;
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }
}
