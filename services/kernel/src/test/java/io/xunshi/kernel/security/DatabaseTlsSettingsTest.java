package io.xunshi.kernel.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

class DatabaseTlsSettingsTest {

    @Test
    void a_ca_file_makes_every_database_client_trust_it_and_check_the_host_name() {
        SmallRyeConfig config = build(Map.of("xunshi.db.ca-file", "/etc/xunshi/postgres-ca/ca.crt"));
        assertThat(config.getValue("quarkus.datasource.reactive.trust-certificate-pem", Boolean.class)).isTrue();
        assertThat(config.getValue("quarkus.datasource.reactive.trust-certificate-pem.certs", String.class))
                .isEqualTo("/etc/xunshi/postgres-ca/ca.crt");
        assertThat(config.getValue("quarkus.datasource.reactive.hostname-verification-algorithm", String.class))
                .isEqualTo("HTTPS");
        assertThat(config.getValue("quarkus.datasource.jdbc.additional-jdbc-properties.sslrootcert", String.class))
                .isEqualTo("/etc/xunshi/postgres-ca/ca.crt");
        assertThat(config.getValue("quarkus.datasource.\"kernel\".jdbc.additional-jdbc-properties.sslrootcert",
                String.class)).isEqualTo("/etc/xunshi/postgres-ca/ca.crt");
    }

    @Test
    void without_a_ca_file_nothing_is_derived_and_an_explicit_setting_still_wins() {
        assertThat(build(Map.of()).getOptionalValue("quarkus.datasource.reactive.trust-certificate-pem", String.class))
                .isEmpty();
        SmallRyeConfig explicit = new SmallRyeConfigBuilder().withSources(
                new PropertiesConfigSource(Map.of("xunshi.db.ca-file", "/ca.crt"), "operator", 300),
                new PropertiesConfigSource(
                        Map.of("quarkus.datasource.reactive.hostname-verification-algorithm", "NONE"),
                        "environment", 300))
                .withSources(new DatabaseTlsSettings()).build();
        assertThat(explicit.getValue("quarkus.datasource.reactive.hostname-verification-algorithm", String.class))
                .isEqualTo("NONE");
    }

    @Test
    void the_relays_lease_session_uses_the_same_tls_as_the_pool() {
        io.vertx.pgclient.PgConnectOptions options = new io.xunshi.kernel.outbox.RelayLeasesProbe().options(
                "verify-full",
                "/etc/xunshi/postgres-ca/ca.crt");
        assertThat(options.getSslMode()).isEqualTo(io.vertx.pgclient.SslMode.VERIFY_FULL);
        assertThat(options.getPemTrustOptions().getCertPaths()).containsExactly("/etc/xunshi/postgres-ca/ca.crt");
        assertThat(options.getHostnameVerificationAlgorithm()).isEqualTo("HTTPS");
        assertThat(new io.xunshi.kernel.outbox.RelayLeasesProbe().options("disable", null).getSslMode())
                .isEqualTo(io.vertx.pgclient.SslMode.DISABLE);
    }

    private static SmallRyeConfig build(Map<String, String> given) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(given, "given", 300))
                .withSources(new DatabaseTlsSettings()).build();
    }
}
