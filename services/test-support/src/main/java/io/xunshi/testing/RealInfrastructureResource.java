package io.xunshi.testing;

import java.util.LinkedHashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest} at a real Kafka broker (KRaft, SCRAM-SHA-512 with ACLs, the service connecting as
 * its own principal) and a real PostgreSQL, both started in
 * this JVM's lifetime without Docker, or named by the environment (see {@link TestInfrastructure}), and
 * makes it trust the bearer tokens that {@link TestTokens} signs.
 *
 * <pre>{@code @QuarkusTestResource(RealInfrastructureResource.class)}</pre>
 */
public class RealInfrastructureResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new LinkedHashMap<>(TestInfrastructure.databaseConfig());
        config.put("kafka.bootstrap.servers", TestInfrastructure.kafkaBootstrapServers());
        // The service connects as its own Kafka principal, held to its ACLs (see TestInfrastructure).
        TestInfrastructure.kafkaCredentials(TestInfrastructure.serviceName().orElse(""))
                .forEach((key, value) -> config.put("kafka." + key, value));
        config.put("mp.jwt.verify.publickey", TestTokens.publicKeyPem());
        config.put("mp.jwt.verify.issuer", TestTokens.ISSUER);
        return config;
    }

    @Override
    public void stop() {
        // The servers outlive one application start: other test classes in this JVM reuse them, and a
        // shutdown hook stops them when the JVM exits.
    }
}
