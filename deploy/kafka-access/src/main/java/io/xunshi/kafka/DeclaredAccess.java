package io.xunshi.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The platform's Kafka principals with their ACLs, and its topics, as the Kubernetes manifests declare them
 * ({@code deploy/kubernetes/kafka-users.yaml}: Strimzi {@code KafkaUser}s with simple authorization;
 * {@code kafka-topics.yaml}: {@code KafkaTopic}s), packaged with this module from those very files.
 */
public final class DeclaredAccess {

    private final Map<String, List<AclBinding>> users;
    private final List<String> topics;

    private DeclaredAccess(Map<String, List<AclBinding>> users, List<String> topics) {
        this.users = users;
        this.topics = topics;
    }

    /** What the manifests packaged with this module declare. */
    public static DeclaredAccess fromManifests() {
        return new DeclaredAccess(users(documents("kafka-users.yaml")), topics(documents("kafka-topics.yaml")));
    }

    /** The principals (KafkaUser names), each with its ACLs. */
    public Map<String, List<AclBinding>> users() {
        return users;
    }

    /** The names of the declared topics. */
    public List<String> topics() {
        return topics;
    }

    /** Every ACL of every principal. */
    public List<AclBinding> acls() {
        List<AclBinding> all = new ArrayList<>();
        users.values().forEach(all::addAll);
        return all;
    }

    private static List<JsonNode> documents(String name) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        InputStream resource = DeclaredAccess.class.getResourceAsStream(name);
        if (resource == null) {
            throw new IllegalStateException("io/xunshi/kafka/" + name + " is not on the class path");
        }
        try (InputStream in = resource;
                MappingIterator<JsonNode> docs = yaml.readerFor(JsonNode.class).readValues(in)) {
            List<JsonNode> result = new ArrayList<>();
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc != null && !doc.isMissingNode() && !doc.isNull()) {
                    result.add(doc);
                }
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    private static Map<String, List<AclBinding>> users(List<JsonNode> documents) {
        Map<String, List<AclBinding>> users = new LinkedHashMap<>();
        for (JsonNode doc : documents) {
            if (!"KafkaUser".equals(doc.path("kind").asText())) {
                continue;
            }
            String name = doc.path("metadata").path("name").asText();
            JsonNode authentication = doc.path("spec").path("authentication");
            if (!"scram-sha-512".equals(authentication.path("type").asText())) {
                throw new IllegalStateException("KafkaUser " + name + " must authenticate with scram-sha-512");
            }
            JsonNode authorization = doc.path("spec").path("authorization");
            if (!"simple".equals(authorization.path("type").asText())) {
                throw new IllegalStateException("KafkaUser " + name + " must use simple authorization");
            }
            List<AclBinding> acls = new ArrayList<>();
            for (JsonNode acl : authorization.path("acls")) {
                JsonNode resource = acl.path("resource");
                ResourcePattern pattern = new ResourcePattern(resourceType(resource.path("type").asText()),
                        resource.path("name").asText(),
                        patternType(resource.path("patternType").asText("literal")));
                AclPermissionType permission = AclPermissionType
                        .fromString(acl.path("type").asText("allow").toUpperCase(Locale.ROOT));
                for (JsonNode operation : acl.path("operations")) {
                    acls.add(
                            new AclBinding(pattern, new AccessControlEntry("User:" + name, acl.path("host").asText("*"),
                                    operation(operation.asText()), permission)));
                }
            }
            users.put(name, List.copyOf(acls));
        }
        return users;
    }

    private static ResourceType resourceType(String strimzi) {
        switch (strimzi) {
            case "topic" :
                return ResourceType.TOPIC;
            case "group" :
                return ResourceType.GROUP;
            case "cluster" :
                return ResourceType.CLUSTER;
            case "transactionalId" :
                return ResourceType.TRANSACTIONAL_ID;
            default :
                throw new IllegalStateException("unknown ACL resource type " + strimzi);
        }
    }

    private static PatternType patternType(String strimzi) {
        switch (strimzi) {
            case "literal" :
                return PatternType.LITERAL;
            case "prefix" :
                return PatternType.PREFIXED;
            default :
                throw new IllegalStateException("unknown ACL pattern type " + strimzi);
        }
    }

    private static AclOperation operation(String strimzi) {
        // Strimzi writes operations in PascalCase (Read, Write, DescribeConfigs); Kafka's enum in upper snake case.
        AclOperation operation = AclOperation
                .fromString(strimzi.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
        if (operation == AclOperation.UNKNOWN || operation == AclOperation.ANY) {
            throw new IllegalStateException("unknown ACL operation " + strimzi);
        }
        return operation;
    }

    private static List<String> topics(List<JsonNode> documents) {
        List<String> topics = new ArrayList<>();
        for (JsonNode doc : documents) {
            if ("KafkaTopic".equals(doc.path("kind").asText())) {
                JsonNode name = doc.path("spec").path("topicName");
                topics.add(name.isMissingNode() ? doc.path("metadata").path("name").asText() : name.asText());
            }
        }
        return List.copyOf(topics);
    }
}
