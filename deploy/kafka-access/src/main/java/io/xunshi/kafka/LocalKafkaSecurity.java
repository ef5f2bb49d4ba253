package io.xunshi.kafka;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The security of a local single-node broker (the tests' and {@code ./xunshi run}'s), made like the cluster's:
 * clients authenticate with SCRAM-SHA-512, the simple authorizer (KRaft's {@code StandardAuthorizer}) holds each
 * principal to the ACLs the Strimzi manifests declare ({@link DeclaredAccess}), nothing else is allowed, and
 * only the declared topics exist for the services (they may not create topics).
 *
 * <p>Three listeners: {@code CLIENT} (SASL_PLAINTEXT, SCRAM-SHA-512) for every client; {@code INTERNAL} and
 * {@code CONTROLLER} (SASL_PLAINTEXT, PLAIN, one user: the administrator) for the broker's own traffic and for
 * {@link #provision}, which has to create the SCRAM credentials before anyone can use them. The administrator
 * {@value #ADMIN} is the only super user; it also gets a SCRAM credential, for operators' tools and for tests
 * that play an outside party. On this machine the listeners are on 127.0.0.1 and carry no TLS: the cluster's
 * listener adds TLS (deploy/kubernetes/kafka.yaml), and the services' client settings differ only in
 * {@code security.protocol} and the trust store.
 */
public final class LocalKafkaSecurity {

    /** The super user: provisions the broker, and serves operators' tools and tests. */
    public static final String ADMIN = "xunshi-admin";
    public static final String MECHANISM = "SCRAM-SHA-512";
    private static final int SCRAM_ITERATIONS = 4096;

    private final DeclaredAccess access;
    private final Map<String, String> passwords;

    private LocalKafkaSecurity(DeclaredAccess access, Map<String, String> passwords) {
        this.access = access;
        this.passwords = passwords;
    }

    /** The declared principals and the administrator, each with a new random password. */
    public static LocalKafkaSecurity withRandomPasswords() {
        return withPasswords(Map.of());
    }

    /**
     * The declared principals with the passwords given (a launcher keeps them across restarts); a principal
     * without one gets a new random password, see {@link #passwords()}.
     */
    public static LocalKafkaSecurity withPasswords(Map<String, String> known) {
        DeclaredAccess access = DeclaredAccess.fromManifests();
        Map<String, String> passwords = new LinkedHashMap<>();
        passwords.put(ADMIN, known.getOrDefault(ADMIN, randomPassword()));
        access.users().keySet().forEach(user -> passwords.put(user, known.getOrDefault(user, randomPassword())));
        return new LocalKafkaSecurity(access, passwords);
    }

    /** Every principal's password, the administrator's first. */
    public Map<String, String> passwords() {
        return Map.copyOf(passwords);
    }

    public DeclaredAccess access() {
        return access;
    }

    /** The KafkaUser name of a service: {@code xunshi-<service>}, or empty if the manifests declare none. */
    public java.util.Optional<String> principalOf(String service) {
        String user = "xunshi-" + service;
        return access.users().containsKey(user) ? java.util.Optional.of(user) : java.util.Optional.empty();
    }

    /**
     * The broker properties for listeners, authentication and authorization; the caller adds node id, log
     * directories and the rest. {@code CLIENT} is the listener clients use and the one advertised first.
     */
    public Properties brokerProperties(String host, int clientPort, int internalPort, int controllerPort) {
        String plain = plainJaas();
        Properties p = new Properties();
        p.put("listeners", "CLIENT://" + host + ":" + clientPort + ",INTERNAL://" + host + ":" + internalPort
                + ",CONTROLLER://" + host + ":" + controllerPort);
        p.put("advertised.listeners",
                "CLIENT://" + host + ":" + clientPort + ",INTERNAL://" + host + ":" + internalPort);
        p.put("listener.security.protocol.map",
                "CLIENT:SASL_PLAINTEXT,INTERNAL:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        p.put("inter.broker.listener.name", "INTERNAL");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("sasl.enabled.mechanisms", MECHANISM);
        p.put("listener.name.client.sasl.enabled.mechanisms", MECHANISM);
        p.put("listener.name.client.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        p.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
        p.put("listener.name.internal.sasl.enabled.mechanisms", "PLAIN");
        p.put("listener.name.internal.plain.sasl.jaas.config", plain);
        p.put("sasl.mechanism.controller.protocol", "PLAIN");
        p.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        p.put("listener.name.controller.plain.sasl.jaas.config", plain);
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("super.users", "User:" + ADMIN);
        p.put("allow.everyone.if.no.acl.found", "false");
        // A service may not create topics: every topic it uses is declared (kafka-topics.yaml) and made here.
        p.put("auto.create.topics.enable", "false");
        return p;
    }

    private String plainJaas() {
        String password = passwords.get(ADMIN);
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + ADMIN
                + "\" password=\"" + password + "\" user_" + ADMIN + "=\"" + password + "\";";
    }

    /**
     * Gives every principal its SCRAM credential, creates the declared topics with {@code partitions} partitions
     * and grants the declared ACLs, speaking to the broker's {@code INTERNAL} listener as the administrator. Safe
     * to repeat on a broker that has all of it already.
     */
    public void provision(String internalBootstrap, int partitions, Duration timeout) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, internalBootstrap);
        config.putAll(administrator());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        try (Admin admin = Admin.create(config)) {
            List<UserScramCredentialAlteration> credentials = new ArrayList<>();
            passwords.forEach((user, password) -> credentials.add(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), password)));
            admin.alterUserScramCredentials(credentials).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Set<String> existing = new HashSet<>(
                    admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS));
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : access.topics()) {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, partitions, (short) 1)
                            .configs(Map.of("retention.ms", "-1", "max.message.bytes", "1048576")));
                }
            }
            try {
                admin.createTopics(missing).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            admin.createAcls(access.acls()).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            // The broker applies new ACLs from the metadata log a moment after the controller has accepted them:
            // wait until the broker's own authorizer holds every one, so the first client is not refused.
            long deadline = System.nanoTime() + timeout.toNanos();
            Set<AclBinding> wanted = new HashSet<>(access.acls());
            while (!admin.describeAcls(AclBindingFilter.ANY).values().get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .containsAll(wanted)) {
                if (System.nanoTime() > deadline) {
                    throw new java.util.concurrent.TimeoutException("the broker did not apply the ACLs in time");
                }
                Thread.sleep(50);
            }
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot provision the Kafka broker at " + internalBootstrap + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while provisioning Kafka", e);
        }
    }

    /** The administrator's settings for the PLAIN listeners ({@code INTERNAL}), before any SCRAM credential exists. */
    public Map<String, String> administrator() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        config.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
        config.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.plain.PlainLoginModule required"
                + " username=\"" + ADMIN + "\" password=\"" + passwords.get(ADMIN) + "\";");
        return config;
    }

    /**
     * The client settings of {@code principal} for the {@code CLIENT} listener at {@code bootstrap}, as Kafka
     * property names ({@code security.protocol}, {@code sasl.mechanism}, {@code sasl.jaas.config}).
     */
    public Map<String, String> clientConfig(String bootstrap, String principal) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.putAll(credentials(principal));
        return config;
    }

    /** Only the authentication settings of {@code principal}, without the bootstrap servers. */
    public Map<String, String> credentials(String principal) {
        String password = passwords.get(principal);
        if (password == null) {
            throw new IllegalArgumentException("no Kafka principal " + principal);
        }
        Map<String, String> config = new LinkedHashMap<>();
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        config.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
        config.put(SaslConfigs.SASL_JAAS_CONFIG, jaas(principal, password));
        return config;
    }

    /**
     * The client security settings an environment gives for a Kafka this platform did not start
     * ({@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_MECHANISM}, {@code KAFKA_SASL_JAAS_CONFIG},
     * {@code KAFKA_SSL_TRUSTSTORE_TYPE}, {@code KAFKA_SSL_TRUSTSTORE_LOCATION}), as Kafka property names; the services
     * read the same variables.
     */
    public static Map<String, String> environmentCredentials(Map<String, String> environment) {
        Map<String, String> credentials = new LinkedHashMap<>();
        for (String key : List.of(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, SaslConfigs.SASL_MECHANISM,
                SaslConfigs.SASL_JAAS_CONFIG, "ssl.truststore.type", "ssl.truststore.location")) {
            String value = environment.get("KAFKA_" + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_'));
            if (value != null && !value.isBlank()) {
                credentials.put(key, value);
            }
        }
        return credentials;
    }

    /** A SCRAM login module line, as Strimzi writes it into a KafkaUser's Secret ({@code sasl.jaas.config}). */
    public static String jaas(String principal, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + principal
                + "\" password=\"" + password + "\";";
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
