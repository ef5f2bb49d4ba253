package io.xunshi.kernel.privacy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.xunshi.contracts.EventCatalog;
import io.xunshi.contracts.SealedValue;

/**
 * Which properties of an event type are personal data, read from the type's JSON Schema in the contracts
 * ({@code schemas/<type>.v<N>.json}), and the check that each of them holds a sealed value. The schemas are the one
 * place that decides what is personal (docs/adr/0020-personal-data.md): a property is personal when its schema says
 * {@value #KEYWORD}{@code : true}. Marks are found under {@code properties} and {@code items}, at any depth (the
 * contracts' tests refuse a mark anywhere else, where this would not see it).
 *
 * <p>{@link #requireSealed} runs on every append ({@code EventStore}); a type without a schema on the class path
 * (the kernel's own test events) has no personal properties.
 */
public final class PersonalFields {

    /** The JSON Schema keyword that marks a property as personal data. */
    public static final String KEYWORD = SealedValue.PERSONAL_KEYWORD;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SEALED_PROPERTIES = Set.of("sealed", "subject", "iv", "data");
    private static final Map<String, List<List<String>>> MARKS = new ConcurrentHashMap<>();

    /** A path step that means every item of an array. */
    static final String EVERY_ITEM = "*";

    private PersonalFields() {
    }

    /**
     * The paths of the personal properties of {@code type} at {@code version}, e.g. {@code [informant, name]};
     * {@value #EVERY_ITEM} stands for every item of an array.
     */
    public static List<List<String>> of(String type, int version) {
        return MARKS.computeIfAbsent(type + ".v" + version, PersonalFields::read);
    }

    /**
     * Refuses a payload of {@code type} at {@code version} whose personal properties do not all hold a sealed
     * value: {@link PersonalDataInClear}, naming the first such property. An absent or null property is no
     * personal data and passes.
     */
    public static void requireSealed(String type, int version, String streamId, JsonNode payload) {
        for (List<String> path : of(type, version)) {
            String clear = firstUnsealed(payload, path, 0, "");
            if (clear != null) {
                throw new PersonalDataInClear(type, version, streamId, clear);
            }
        }
    }

    /** Whether {@code node} is a sealed value exactly as the vault writes it, and nothing more. */
    public static boolean isSealedValue(JsonNode node) {
        if (node == null || !node.isObject() || node.size() != SEALED_PROPERTIES.size()) {
            return false;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            if (!SEALED_PROPERTIES.contains(names.next())) {
                return false;
            }
        }
        return SealedValue.ALGORITHM.equals(node.get("sealed").textValue()) && node.get("subject").isTextual()
                && !node.get("subject").textValue().isBlank() && base64Bytes(node.get("iv")) == 12
                && base64Bytes(node.get("data")) >= 16;
    }

    private static int base64Bytes(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return -1;
        }
        try {
            return Base64.getDecoder().decode(node.textValue()).length;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    private static String firstUnsealed(JsonNode node, List<String> path, int at, String where) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (at == path.size()) {
            return isSealedValue(node) ? null : where;
        }
        String step = path.get(at);
        if (EVERY_ITEM.equals(step)) {
            if (!node.isArray()) {
                return null;
            }
            for (int i = 0; i < node.size(); i++) {
                String clear = firstUnsealed(node.get(i), path, at + 1, where + "[" + i + "]");
                if (clear != null) {
                    return clear;
                }
            }
            return null;
        }
        if (!node.isObject()) {
            return null;
        }
        return firstUnsealed(node.get(step), path, at + 1, where.isEmpty() ? step : where + "." + step);
    }

    private static List<List<String>> read(String cloudEventType) {
        String resource = EventCatalog.Entry.schemaResource(cloudEventType);
        ClassLoader loader = PersonalFields.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return List.of();
            }
            List<List<String>> marks = new ArrayList<>();
            collect(JSON.readTree(in), new ArrayList<>(), marks);
            return List.copyOf(marks);
        } catch (IOException e) {
            throw new UncheckedIOException("the schema " + resource + " does not read", e);
        }
    }

    /** Every marked property under {@code schema}, following {@code properties} and {@code items}. */
    static void collect(JsonNode schema, List<String> path, List<List<String>> marks) {
        JsonNode properties = schema.path("properties");
        if (properties.isObject()) {
            properties.fields().forEachRemaining(property -> {
                List<String> inner = new ArrayList<>(path);
                inner.add(property.getKey());
                if (property.getValue().path(KEYWORD).asBoolean(false)) {
                    marks.add(List.copyOf(inner));
                } else {
                    collect(property.getValue(), inner, marks);
                }
            });
        }
        JsonNode items = schema.path("items");
        if (items.isObject()) {
            List<String> inner = new ArrayList<>(path);
            inner.add(EVERY_ITEM);
            if (items.path(KEYWORD).asBoolean(false)) {
                marks.add(List.copyOf(inner));
            } else {
                collect(items, inner, marks);
            }
        }
    }
}
